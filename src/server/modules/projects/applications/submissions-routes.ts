import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema } from '../../../../domain/contracts/common';
import { sha256ParamSchema, submissionVerifySchema } from '../../../../domain/contracts/projects';
import { actorOf } from '../../../platform/access';
import { auditRead } from '../../../platform/audit-trail';
import type { Deps } from '../../../platform/deps';
import { contentDisposition } from './attachments-service';
import { submissionDocx, verifySubmission } from './submissions';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The address printed (and in the QR code) on a 申报书: the public site's check of it (电子核验). */
const verifyUrl = (req: FastifyRequest) => (sha256: string) =>
  `${req.protocol}://${req.host}/public/verify/submission/${sha256}`;

/** The 申报书 of the latest submission, for whoever may see the application. */
export function submissionRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/applications/:id/submission.docx',
      {
        config: { access: 'business', produces: 'file' },
        schema: {
          tags: ['projects'],
          summary: '下载申报书（Word，含校验码与二维码）',
          params: idParamSchema,
        },
      },
      async (req, reply) => {
        const doc = await submissionDocx(deps, actorOf(req), req.params.id, verifyUrl(req));
        await auditRead(req, {
          action: 'application.declaration.download',
          object: { type: 'application', id: doc.app.id },
          details: { sha256: doc.sha256 },
        });
        return reply
          .header('content-type', DOCX)
          .header('content-disposition', contentDisposition(`${doc.app.title}-申报书.docx`))
          .send(doc.body);
      },
    );
  };
}

/**
 * /api/v1/public/projects/submissions/:sha256 — anyone holding a 申报书 confirms it against the
 * record: the hash is unguessable, so it tells only those who have the document which record it
 * is and when it was submitted. Rate-limited; every check is audited.
 */
export function publicSubmissionRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/submissions/:sha256',
      {
        config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['projects'],
          summary: '核验申报书：按 SHA-256 校验码确认申报记录与提交时间',
          params: sha256ParamSchema,
          response: { 200: submissionVerifySchema },
        },
      },
      async (req) => {
        const found = await verifySubmission(deps, req.params.sha256);
        await auditRead(req, {
          action: 'application.submission.verify',
          object: { type: 'application' },
          details: { sha256: found.sha256 },
        });
        return found;
      },
    );
  };
}
