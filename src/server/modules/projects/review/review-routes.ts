import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, listResponse } from '../../../../domain/contracts/common';
import {
  drawResultSchema,
  panelSchema,
  reasonBodySchema,
  replaceBodySchema,
  replaceResultSchema,
  reviewDetailSchema,
  reviewItemSchema,
  reviewListQuerySchema,
  submitBodySchema,
} from '../../../../domain/contracts/projects-review';
import { actorOf, auditContext } from '../../../platform/access';
import { auditRead } from '../../../platform/audit-trail';
import type { Deps } from '../../../platform/deps';
import { sendXlsx } from '../../../platform/excel';
import { stateName } from '../applications/presenter';
import { drawForCall, replaceAssignment } from './review-draw-service';
import { expertRoutes } from './review-experts-routes';
import {
  applicationPanel,
  declareNoConflict,
  declineReview,
  listReviewPage,
  reviewDetail,
  submitReview,
} from './review-service';

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
      '/reviews/:id',
      { config: review, schema: { tags, params: idParamSchema, response: { 200: reviewDetailSchema } } },
      async (req) => reviewDetail(deps.db, actorOf(req), req.params.id),
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
