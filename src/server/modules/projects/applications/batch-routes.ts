import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema } from '../../../../domain/contracts/common';
import {
  batchActionBodySchema,
  batchActionParamSchema,
  batchResultSchema,
  letterPreviewBodySchema,
  letterUploadedSchema,
} from '../../../../domain/contracts/projects-batch';
import { actorOf, auditContext } from '../../../platform/access';
import { auditRead } from '../../../platform/audit-trail';
import type { Deps } from '../../../platform/deps';
import { readUpload } from '../../../platform/uploads';
import { contentDisposition } from './attachments-service';
import { batchAct } from './batch';
import { LETTER_MIME, readLetter, renderLetter, uploadLetter } from './recommendation-letter';

/**
 * Batch work: one action on several applications (all or nothing, a result per record), and the
 * county's 推荐函 — drafted as Word for stamping, uploaded once stamped, read back by the bureau.
 */
export function batchRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['projects'];

    r.post(
      '/applications/batch/:action',
      {
        // Each action's own permission is checked in the service; each record's role and scope by the transition.
        config: { access: 'business' },
        schema: {
          tags,
          params: batchActionParamSchema,
          body: batchActionBodySchema,
          response: { 200: batchResultSchema },
        },
      },
      async (req) => batchAct(deps, auditContext(req), actorOf(req), req.params.action, req.body),
    );

    r.post(
      '/applications/recommendation-letter.docx',
      {
        config: { access: 'projects.recommend', produces: 'file' },
        schema: { tags, body: letterPreviewBodySchema },
      },
      async (req, reply) => {
        const { buffer, fileName } = await deps.db.transaction((tx) =>
          renderLetter(tx, deps, actorOf(req), req.body.ids),
        );
        return reply
          .header('content-type', LETTER_MIME)
          .header('content-disposition', contentDisposition(fileName))
          .header('cache-control', 'private, no-store')
          .send(buffer);
      },
    );

    r.post(
      '/applications/recommendation-letters',
      {
        config: { access: 'projects.recommend' },
        schema: { tags, consumes: ['multipart/form-data'], response: { 201: letterUploadedSchema } },
      },
      async (req, reply) => {
        const { file, fileName } = await readUpload(req);
        return reply
          .status(201)
          .send(await uploadLetter(deps, auditContext(req), actorOf(req), { file, fileName }));
      },
    );

    r.get(
      '/applications/recommendation-letters/:id',
      { config: { access: 'projects.read', produces: 'file' }, schema: { tags, params: idParamSchema } },
      async (req, reply) => {
        const letter = await readLetter(deps, actorOf(req), req.params.id);
        await auditRead(req, {
          action: 'recommendation.letter-download',
          object: { type: 'recommendation', id: req.params.id },
          details: { fileName: letter.fileName },
        });
        return reply
          .header('content-type', letter.mime)
          .header('content-disposition', contentDisposition(letter.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(letter.content));
      },
    );
  };
}
