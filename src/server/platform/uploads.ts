import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { msg } from '../../domain/message';
import { AppError, invalid } from './errors';
import { findInputProblem, inputProblemMessage } from './input-guard';

/** The largest file any upload accepts (imports and attachments: 20 MB). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const fileTooLarge = () =>
  new AppError(413, 'file_too_large', msg('文件超过 20 MB 上限', 'The file exceeds the 20 MB limit'), 'file');

export interface Upload {
  /** The form's text fields (e.g. `kind`), trimmed. */
  fields: Record<string, string>;
  file: Buffer;
  fileName: string;
}

/**
 * Reads a multipart form with one `file` and text fields, in any order, holding the file in memory.
 * A body that declares more than the limit is refused before it is read.
 */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  const { fields, file, fileName } = await readForm(req);
  if (!file) throw invalid('file', msg('请选择要上传的文件', 'Choose a file to upload'));
  return { fields, file, fileName };
}

/** The same form where the file may be left out (a correction that keeps the file it had). */
export async function readForm(req: FastifyRequest): Promise<Omit<Upload, 'file'> & { file?: Buffer }> {
  if (!req.isMultipart?.()) {
    throw invalid(
      'file',
      msg('请以 multipart/form-data 表单上传文件', 'Upload the file as multipart/form-data'),
    );
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024) throw fileTooLarge();
  const fields: Record<string, string> = {};
  let file: Buffer | undefined;
  let fileName = '';
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_UPLOAD_BYTES } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value).trim();
        continue;
      }
      const bytes = await part.toBuffer();
      if (part.fieldname === 'file' && !file && bytes.length > 0) {
        file = bytes;
        fileName = part.filename;
      }
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge();
    throw e;
  }
  // The form's text is not seen by the route schemas: the same refusal as for JSON bodies.
  const problem = findInputProblem({ ...fields, fileName }, false);
  if (problem) throw invalid(problem.field, inputProblemMessage(problem));
  return { fields, file, fileName };
}
