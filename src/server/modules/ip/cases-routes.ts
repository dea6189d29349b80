import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  caseActionBodySchema,
  caseActionParamSchema,
  caseBodySchema,
  caseDetailSchema,
  caseItemSchema,
  caseListQuerySchema,
  caseUpdateSchema,
} from '../../../domain/contracts/ip-cases';
import { CASE_KINDS, CASE_STATUS } from '../../../domain/ip-cases';
import { actorOf, auditContext } from '../../platform/access';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import { changes, creates, reads, recordRoutes } from '../../platform/record-kit';
import { type CaseRow, casesAfter, countCases, listCases } from './cases-repo';
import { actOnCase, caseDetail, createCase, updateCase } from './cases-service';

const tags = ['ip'];

/** 专利行政执法案件 and its spreadsheet twin. */
const CASES_LIST: ListSpec<typeof caseListQuerySchema, CaseRow> = {
  path: '/cases',
  access: 'ip.cases',
  tags,
  query: caseListQuerySchema,
  item: caseItemSchema,
  rows: (deps, { scope }, q, limit, offset) =>
    listCases(deps.db, scope, q, deps.regions, clock.today(), limit, offset),
  count: (deps, { scope }, f) => countCases(deps.db, scope, f, deps.regions, clock.today()),
  export: {
    name: '专利行政执法案件',
    audit: { action: 'ip.case.export', objectType: 'ip_case' },
    columns: [
      { header: '案号', value: (c) => c.caseNo, width: 18 },
      { header: '案件类型', value: (c) => CASE_KINDS[c.kind].zh },
      { header: '案由', value: (c) => c.title, width: 40 },
      { header: '专利号', value: (c) => c.patentAppNo, width: 18 },
      { header: '请求人', value: (c) => c.requester, width: 24 },
      { header: '被请求人', value: (c) => c.respondent, width: 24 },
      { header: '办案单位', value: (c) => c.regionName },
      { header: '状态', value: (c) => CASE_STATUS[c.status].zh },
      { header: '收到日期', value: (c) => c.receivedOn },
      { header: '立案日期', value: (c) => c.filedOn },
      { header: '办案期限', value: (c) => c.deadline },
      { header: '已延长', value: (c) => (c.extended ? '是' : '否') },
      { header: '办结日期', value: (c) => c.endedOn },
    ],
    after: (deps, { scope }, f, afterId, limit) =>
      casesAfter(deps.db, scope, f, deps.regions, clock.today(), afterId, limit),
  },
};

/** 专利行政执法: /api/v1/ip/cases. */
export function caseRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    listRoutes(app, deps, CASES_LIST);
    recordRoutes(app, deps, {
      path: '/cases',
      tags,
      read: 'ip.cases',
      write: 'ip.enforce',
      get: reads({ response: caseDetailSchema, run: caseDetail }),
      create: creates({
        idempotent: true,
        body: caseBodySchema,
        response: caseDetailSchema,
        run: createCase,
      }),
      update: changes({ body: caseUpdateSchema, response: caseDetailSchema, run: updateCase }),
    });
    app.withTypeProvider<ZodTypeProvider>().post(
      '/cases/:id/actions/:action',
      {
        config: { access: 'ip.enforce' },
        schema: {
          tags,
          params: caseActionParamSchema,
          body: caseActionBodySchema,
          response: { 200: caseDetailSchema },
        },
      },
      async (req) =>
        actOnCase(deps, auditContext(req), actorOf(req), req.params.id, req.params.action, req.body),
    );
  };
}
