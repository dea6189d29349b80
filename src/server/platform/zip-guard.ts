/**
 * A workbook (.xlsx) is a ZIP; a hostile one inflates a megabyte into gigabytes (a "zip bomb").
 * Before a reader inflates anything, the archive's central directory is read here: the declared
 * sizes must stay under a cap and a plausible compression ratio, the entries must fill the file
 * with nothing hidden between them, and each entry is then inflated into nothing but a counter
 * that stops at its declared size — so a lying header is caught after the bytes it declared.
 */
import { createInflateRaw } from 'node:zlib';
import { msg } from '../../domain/message';
import { AppError, invalid } from './errors';

export interface ZipLimits {
  /** The most all entries may inflate to together. */
  maxTotalBytes: number;
  /** The largest ratio of inflated to stored size for an entry over RATIO_FLOOR bytes. */
  maxRatio: number;
  maxEntries: number;
}

/** Worksheets of a 200,000-row import inflate to well under this. */
export const XLSX_LIMITS: ZipLimits = { maxTotalBytes: 300 * 1024 * 1024, maxRatio: 100, maxEntries: 2000 };
/** Small entries (styles, an empty sheet) compress very well and are harmless. */
const RATIO_FLOOR = 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** A data descriptor after the data: signature, CRC, sizes (ZIP64: 8-byte sizes). */
const MAX_DESCRIPTOR = 24;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export const zipRefused = (zh: string, en: string) =>
  new AppError(413, 'file_too_large', msg(zh, en), 'file');

const damaged = () =>
  invalid(
    'file',
    msg(
      '文件不是有效的 Excel (.xlsx) 文件（压缩结构已损坏）',
      'The file is not a valid Excel (.xlsx) workbook (its ZIP structure is damaged)',
    ),
  );

/** The central directory's entries; null when the file has no readable directory. */
export function readCentralDirectory(buf: Buffer): { entries: ZipEntry[]; start: number } | null {
  // The end record sits in the last 22 bytes plus a comment of at most 65,535 bytes.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) !== EOCD) continue;
    const count = buf.readUInt16LE(i + 10);
    const start = buf.readUInt32LE(i + 16);
    const entries: ZipEntry[] = [];
    let p = start;
    for (let n = 0; n < count; n++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return null;
      const nameLength = buf.readUInt16LE(p + 28);
      entries.push({
        name: buf.toString('utf8', p + 46, Math.min(buf.length, p + 46 + nameLength)),
        method: buf.readUInt16LE(p + 10),
        compressedSize: buf.readUInt32LE(p + 20),
        // 0xFFFFFFFF defers to a ZIP64 field: 4 GiB or more, over any cap, so taken as it reads.
        size: buf.readUInt32LE(p + 24),
        offset: buf.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    return { entries, start };
  }
  return null;
}

/** Inflates an entry into a counter; refuses once it passes the size its header declared. */
function inflatesWithin(data: Buffer, declared: number): Promise<'ok' | 'lies' | 'damaged'> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let total = 0;
    let settled = false;
    const settle = (result: 'ok' | 'lies' | 'damaged') => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      resolve(result);
    };
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > declared) settle('lies');
    });
    inflate.on('end', () => settle('ok'));
    inflate.on('error', () => settle('damaged'));
    inflate.end(data);
  });
}

/**
 * Refuses an archive that would inflate beyond the limits, before any reader inflates it: 413
 * `file_too_large` for a bomb, 400 `invalid` for a damaged structure. Files without a readable
 * directory are left to the reader, which refuses them as it always has.
 */
export async function checkZip(buf: Buffer, limits: ZipLimits = XLSX_LIMITS): Promise<void> {
  const dir = readCentralDirectory(buf);
  if (!dir) return;
  const { entries } = dir;
  if (entries.length > limits.maxEntries) {
    throw zipRefused(
      `文件包含的部件过多（${entries.length} 个），不是正常的 Excel 文件`,
      `The file holds too many parts (${entries.length}) for an Excel workbook`,
    );
  }
  let total = 0;
  for (const e of entries) {
    total += e.size;
    const ratio = e.size / Math.max(e.compressedSize, 1);
    if (e.size > RATIO_FLOOR && ratio > limits.maxRatio) {
      throw zipRefused(
        `文件解压后异常膨胀（${e.name} 压缩比 ${Math.round(ratio)}:1），疑似压缩炸弹，已拒绝`,
        `The file inflates abnormally (${e.name}: ${Math.round(ratio)}:1) and looks like a zip bomb; refused`,
      );
    }
  }
  if (total > limits.maxTotalBytes) {
    throw zipRefused(
      `文件解压后达 ${MB(total)}，超过 ${MB(limits.maxTotalBytes)} 上限，请拆分后上传`,
      `The file inflates to ${MB(total)}, over the ${MB(limits.maxTotalBytes)} limit: split it`,
    );
  }
  // The entries must fill the file: bytes between them would be read by a streaming reader
  // (which walks local headers, not this directory) without ever being counted here.
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  let expected = 0;
  for (const e of byOffset) {
    if (e.offset < expected || e.offset > expected + MAX_DESCRIPTOR) throw damaged();
    if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== LOCAL) throw damaged();
    const dataStart = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
    const dataEnd = dataStart + e.compressedSize;
    if (dataEnd > dir.start) throw damaged();
    const data = buf.subarray(dataStart, dataEnd);
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw damaged();
    } else if (e.method === 8) {
      const result = await inflatesWithin(data, e.size);
      if (result === 'damaged') throw damaged();
      if (result === 'lies') {
        throw zipRefused(
          `文件 ${e.name} 的实际解压大小超过其声明，疑似压缩炸弹，已拒绝`,
          `${e.name} inflates beyond the size it declares and looks like a zip bomb; refused`,
        );
      }
    } else {
      throw damaged();
    }
    expected = dataEnd;
  }
  if (byOffset.length > 0 && dir.start > expected + MAX_DESCRIPTOR) throw damaged();
}
