import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { cappedListResponse, idParamSchema } from '../../../../domain/contracts/common';
import {
  actionBodySchema,
  actionParamSchema,
  applicationCreateSchema,
  applicationDetailSchema,
  applicationItemSchema,
  applicationListQuerySchema,
  applicationUpdateSchema,
  eligibilitySchema,
  paymentBodySchema,
  paymentSchema,
} from '../../../../domain/contracts/projects';
import type { ActionCode } from '../../../../domain/projects';
import { actorOf, auditContext } from '../../../platform/access';
import { auditRead } from '../../../platform/audit-trail';
import type { Deps } from '../../../platform/deps';
import { sendXlsx } from '../../../platform/excel';
import { changes, creates, reads, recordRoutes } from '../../../platform/record-kit';
import {
  applicationBatches,
  applicationDetail,
  createApplication,
  listApplicationPage,
  saveApplication,
} from './applications-service';
import { applicationEligibility } from './eligibility';
import { recordPayment } from './payments';
import { act } from './transitions';

/**
 * Applications: the role decides what the list holds (applicant: its organisation's; county: its
 * region's; staff and leaders: all; experts: those assigned), every row says what comes next and
 * which actions the viewer may take; one endpoint takes every transition.
 */
export function applicationRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['projects'];
    const read = { access: 'business' as const };

    r.get(
      '/applications',
      {
        config: read,
        schema: {
          tags,
          querystring: applicationListQuerySchema,
          response: { 200: cappedListResponse(applicationItemSchema) },
        },
      },
      async (req) => listApplicationPage(deps, actorOf(req), req.query),
    );

    r.get(
      '/applications/export.xlsx',
      {
        config: read,
        schema: { tags, querystring: applicationListQuerySchema.omit({ page: true, pageSize: true }) },
      },
      async (req, reply) => {
        await auditRead(req, { action: 'application.export', object: { type: 'application' } });
        const batches = applicationBatches(deps, actorOf(req), req.query);
        return sendXlsx(
          reply,
          '项目申报.xlsx',
          '项目申报',
          [
            { header: '年度', width: 8, value: (a) => a.year },
            { header: '申报指南', width: 32, value: (a) => a.callTitle },
            { header: '项目名称', width: 40, value: (a) => a.title },
            { header: '申报单位', width: 32, value: (a) => a.orgName },
            { header: '所属区域', value: (a) => a.regionName },
            { header: '状态', value: (a) => a.stateName.zh },
            { header: '申请金额(万元)', value: (a) => a.requestedAmount },
            { header: '评审得分', value: (a) => a.panelScore },
            { header: '拟资助(万元)', value: (a) => a.proposedAmount },
            { header: '批准金额(万元)', value: (a) => a.approvedAmount },
            { header: '项目结束日期', value: (a) => a.endsOn },
            { header: '验收截止日期', value: (a) => a.acceptanceDueOn },
            { header: '下一步', width: 40, value: (a) => a.nextStep.zh },
          ],
          batches,
        );
      },
    );

    recordRoutes(app, deps, {
      path: '/applications',
      tags,
      read: 'business',
      write: 'projects.apply',
      get: reads({ response: applicationDetailSchema, run: applicationDetail }),
      create: creates({
        idempotent: true,
        body: applicationCreateSchema,
        response: applicationDetailSchema,
        run: createApplication,
      }),
      update: changes({
        body: applicationUpdateSchema,
        response: applicationDetailSchema,
        run: saveApplication,
      }),
    });

    r.get(
      '/applications/:id/eligibility',
      { config: read, schema: { tags, params: idParamSchema, response: { 200: eligibilitySchema } } },
      async (req) => applicationEligibility(deps, actorOf(req), req.params.id),
    );

    r.post(
      '/applications/:id/actions/:action',
      {
        config: read,
        schema: {
          tags,
          params: actionParamSchema,
          body: actionBodySchema,
          response: { 200: applicationDetailSchema },
        },
      },
      async (req) =>
        act(deps, auditContext(req), actorOf(req), req.params.id, req.params.action as ActionCode, req.body),
    );

    r.post(
      '/applications/:id/payments',
      {
        config: { access: 'projects.manage' },
        schema: { tags, params: idParamSchema, body: paymentBodySchema, response: { 201: paymentSchema } },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await recordPayment(deps, auditContext(req), actorOf(req), req.params.id, req.body)),
    );
  };
}
