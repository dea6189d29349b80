/**
 * An attachment's type taken from its bytes, never from its name: PDF, PNG, JPEG, Office Open XML
 * (a ZIP whose entries include word/ or xl/) and legacy Office (OLE compound file). The name's
 * extension must then agree, so an .exe renamed .pdf or a text file renamed .docx is refused.
 */
import { msg } from '../../../../domain/message';
import { AppError } from '../../../platform/errors';

export type FileType = 'pdf' | 'png' | 'jpeg' | 'docx' | 'xlsx' | 'ole';

const EXTENSIONS: Record<FileType, string[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  ole: ['doc', 'xls'],
};
export const ALLOWED_EXTENSIONS = Object.values(EXTENSIONS).flat();

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
};

const startsWith = (buf: Buffer, bytes: number[]) =>
  buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);

/**
 * The entry names of a ZIP, read from its central directory (found through the end-of-central-
 * directory record, which sits within the last 64 KiB + 22 bytes). Null when it is not a sound ZIP.
 */
export function zipEntryNames(buf: Buffer): string[] | null {
  const EOCD = 0x06054b50;
  const CDH = 0x02014b50;
  if (buf.length < 22) return null;
  const floor = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= floor; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CDH) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLen > buf.length) return null;
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

export function sniff(buf: Buffer): FileType | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(buf) ?? [];
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  }
  return null;
}

export function extensionOf(fileName: string): string {
  const m = /\.([^./\\]+)$/.exec(fileName);
  return m ? m[1].toLowerCase() : '';
}

/** Checks the content against the name; returns the MIME type to store and serve. */
export function checkFile(fileName: string, content: Buffer): { mime: string; type: FileType } {
  const ext = extensionOf(fileName);
  if (!ALLOWED_EXTENSIONS.includes(ext))
    throw new AppError(
      400,
      'unsupported_file_type',
      msg(
        '不支持的文件类型：仅接受 PDF、Word、Excel 和图片（PNG、JPEG）',
        'Unsupported file type: only PDF, Word, Excel and images (PNG, JPEG) are accepted',
      ),
      'file',
    );
  const type = sniff(content);
  if (!type || !EXTENSIONS[type].includes(ext))
    throw new AppError(
      400,
      'file_type_mismatch',
      msg('文件内容与扩展名不符', 'The file’s content does not match its extension'),
      'file',
    );
  return { mime: MIME[ext], type };
}
