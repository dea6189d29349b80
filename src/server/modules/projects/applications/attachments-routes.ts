import '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, okSchema } from '../../../../domain/contracts/common';
import { attachmentSchema } from '../../../../domain/contracts/projects';
import { msg } from '../../../../domain/message';
import { actorOf, auditContext } from '../../../platform/access';
import { auditRead } from '../../../platform/audit-trail';
import type { Deps } from '../../../platform/deps';
import { invalid } from '../../../platform/errors';
import { readUpload } from '../../../platform/uploads';
import {
  addAttachment,
  contentDisposition,
  deleteAttachment,
  loadVisibleAttachment,
  type Upload,
} from './attachments-service';

/** The form: `kind` and `file` (PDF, Word, Excel or an image, up to 20 MB). */
async function readAttachment(req: FastifyRequest): Promise<Upload> {
  const { fields, file, fileName } = await readUpload(req);
  const kind = fields.kind ?? '';
  if (!kind) throw invalid('kind', msg('kind: 请选择附件类别', 'kind: choose the kind of attachment'));
  if (!fileName || fileName.length > 200) {
    throw invalid(
      'file',
      msg('文件名为空或过长（200 字以内）', 'The file name is empty or longer than 200 characters'),
    );
  }
  return { kind, fileName, file };
}

export function attachmentRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['projects'];

    r.post(
      '/applications/:id/attachments',
      {
        config: { access: 'projects.apply' },
        schema: {
          tags,
          params: idParamSchema,
          consumes: ['multipart/form-data'],
          response: { 201: attachmentSchema },
        },
      },
      async (req, reply) => {
        const upload = await readAttachment(req);
        return reply
          .status(201)
          .send(await addAttachment(deps, auditContext(req), actorOf(req), req.params.id, upload));
      },
    );

    r.get(
      '/attachments/:id',
      { config: { access: 'business', produces: 'file' }, schema: { tags, params: idParamSchema } },
      async (req, reply) => {
        const { attachment } = await loadVisibleAttachment(deps.db, deps, actorOf(req), req.params.id);
        await auditRead(req, {
          action: 'attachment.download',
          object: { type: 'attachment', id: req.params.id },
          details: { fileName: attachment.fileName },
        });
        return reply
          .header('content-type', attachment.mime)
          .header('content-disposition', contentDisposition(attachment.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(attachment.content));
      },
    );

    r.delete(
      '/attachments/:id',
      {
        config: { access: 'projects.apply' },
        schema: { tags, params: idParamSchema, response: { 200: okSchema } },
      },
      async (req) => deleteAttachment(deps, auditContext(req), actorOf(req), req.params.id),
    );
  };
}
