import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, listResponse } from '../../../../domain/contracts/common';
import {
  drawResultSchema,
  panelSchema,
  reasonBodySchema,
  replaceBodySchema,
  replaceResultSchema,
  reviewAttachmentParamSchema,
  reviewAttachmentQuerySchema,
  reviewDetailSchema,
  reviewItemSchema,
  reviewListQuerySchema,
  reviewSummarySchema,
  submitBodySchema,
} from '../../../../domain/contracts/projects-review';
import { actorOf, auditContext } from '../../../platform/access';
import { auditRead } from '../../../platform/audit-trail';
import type { Deps } from '../../../platform/deps';
import { sendXlsx } from '../../../platform/excel';
import { contentDisposition } from '../applications/attachments-service';
import { stateName } from '../applications/presenter';
import { drawForCall, replaceAssignment } from './review-draw-service';
import { expertRoutes } from './review-experts-routes';
import {
  applicationPanel,
  declareNoConflict,
  declineReview,
  listReviewPage,
  reviewAttachment,
  reviewDetail,
  reviewSummary,
  submitReview,
} from './review-service';

/** Types a browser shows in the page; Word and Excel files are downloaded. */
const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);

const STATUS_NAMES = {
  assigned: '待确认',
  accepted: '评审中',
  declined: '已回避',
  submitted: '已提交',
  replaced: '已更换',
} as const;

/**
 * Expert review (专家评审) under /api/v1/projects: the pool, drawing and replacing experts (staff),
 * the expert's own queue and scoring, and the panel's scores.
 */
export function reviewRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    await app.register(expertRoutes(deps));
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['projects'];
    const manage = { access: 'projects.manage' as const };
    const review = { access: 'projects.review' as const };

    r.post(
      '/calls/:id/draw',
      { config: manage, schema: { tags, params: idParamSchema, response: { 200: drawResultSchema } } },
      async (req) => drawForCall(deps, auditContext(req), req.params.id),
    );

    r.post(
      '/assignments/:id/replace',
      {
        config: manage,
        schema: {
          tags,
          params: idParamSchema,
          body: replaceBodySchema,
          response: { 200: replaceResultSchema },
        },
      },
      // A named expert when staff appoint one; otherwise a substitute is drawn by the rules.
      async (req) =>
        replaceAssignment(deps, auditContext(req), req.params.id, req.body.reason, req.body.expertId),
    );

    r.get(
      '/applications/:id/scores',
      { config: manage, schema: { tags, params: idParamSchema, response: { 200: panelSchema } } },
      async (req) => applicationPanel(deps, req.params.id),
    );

    // Open to every signed-in user, but experts see only their own assignments and staff those of
    // their scope; anyone else gets an empty list.
    r.get(
      '/reviews',
      {
        config: { access: 'business' },
        schema: {
          tags,
          querystring: reviewListQuerySchema,
          response: { 200: listResponse(reviewItemSchema) },
        },
      },
      async (req) => listReviewPage(deps, actorOf(req), req.query),
    );

    r.get(
      '/reviews/export.xlsx',
      {
        config: { access: 'business' },
        schema: { tags, querystring: reviewListQuerySchema.omit({ page: true, pageSize: true }) },
      },
      async (req, reply) => {
        await auditRead(req, { action: 'review.export', object: { type: 'review_assignment' } });
        const actor = actorOf(req);
        async function* batches() {
          for (let page = 1; ; page++) {
            const { items } = await listReviewPage(deps, actor, { ...req.query, page, pageSize: 200 });
            if (items.length > 0) yield items;
            if (items.length < 200) return;
          }
        }
        return sendXlsx(
          reply,
          '评审任务.xlsx',
          '评审任务',
          [
            { header: '申报指南', value: (x) => x.callTitle, width: 30 },
            { header: '项目名称', value: (x) => x.applicationTitle, width: 36 },
            { header: '申报单位', value: (x) => x.orgName, width: 30 },
            { header: '项目状态', value: (x) => stateName(x.applicationState).zh },
            { header: '评审专家', value: (x) => x.expertName, width: 12 },
            { header: '评审状态', value: (x) => STATUS_NAMES[x.status], width: 10 },
            { header: '总分', value: (x) => x.total, width: 8 },
            { header: '提交时间', value: (x) => x.submittedAt },
          ],
          batches(),
        );
      },
    );

    r.get(
      '/reviews/summary',
      {
        config: review,
        schema: { tags, summary: '专家待办：待评审数量与最近截止日', response: { 200: reviewSummarySchema } },
      },
      async (req) => reviewSummary(deps, actorOf(req)),
    );

    // A file of the application under review: PDF and images inline (for the page's preview),
    // other files as a download; only for the expert on the panel, after declaring no conflict.
    r.get(
      '/reviews/:id/attachments/:attachmentId',
      {
        config: { ...review, produces: 'file' },
        schema: {
          tags,
          summary: '评审专家查看或下载申报附件',
          params: reviewAttachmentParamSchema,
          querystring: reviewAttachmentQuerySchema,
        },
      },
      async (req, reply) => {
        const file = await reviewAttachment(deps, actorOf(req), req.params.id, req.params.attachmentId);
        const inline = req.query.download !== 'true' && INLINE_TYPES.has(file.mime);
        await auditRead(req, {
          action: inline ? 'review.attachment.view' : 'review.attachment.download',
          object: { type: 'attachment', id: file.id },
          details: { fileName: file.fileName, assignmentId: req.params.id },
        });
        const disposition = contentDisposition(file.fileName);
        return (
          reply
            .header('content-type', file.mime)
            .header(
              'content-disposition',
              inline ? disposition.replace(/^attachment/, 'inline') : disposition,
            )
            .header('x-content-type-options', 'nosniff')
            .header('cache-control', 'private, no-store')
            // Shown in a frame of the review page (same origin only); the file itself runs nothing.
            .header('x-frame-options', 'SAMEORIGIN')
            .header(
              'content-security-policy',
              "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
            )
            .send(Buffer.from(file.content))
        );
      },
    );

    r.get(
      '/reviews/:id',
      { config: review, schema: { tags, params: idParamSchema, response: { 200: reviewDetailSchema } } },
      async (req) => reviewDetail(deps.db, actorOf(req), req.params.id, deps.regions),
    );

    r.post(
      '/reviews/:id/declare-no-conflict',
      { config: review, schema: { tags, params: idParamSchema, response: { 200: reviewDetailSchema } } },
      async (req) => declareNoConflict(deps, auditContext(req), actorOf(req), req.params.id),
    );

    r.post(
      '/reviews/:id/decline',
      {
        config: review,
        schema: { tags, params: idParamSchema, body: reasonBodySchema, response: { 200: reviewItemSchema } },
      },
      async (req) => declineReview(deps, auditContext(req), actorOf(req), req.params.id, req.body.reason),
    );

    r.post(
      '/reviews/:id/submit',
      {
        config: review,
        schema: {
          tags,
          params: idParamSchema,
          body: submitBodySchema,
          response: { 200: reviewDetailSchema },
        },
      },
      async (req) => submitReview(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );
  };
}
