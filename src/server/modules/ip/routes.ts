import '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, listResponse } from '../../../domain/contracts/common';
import {
  ipImportSchema,
  orgPatentSummarySchema,
  patentDetailSchema,
  patentItemSchema,
  patentListQuerySchema,
  patentNumberParamSchema,
  reviewDecisionSchema,
  reviewItemSchema,
  reviewListQuerySchema,
} from '../../../domain/contracts/ip';
import { PATENT_KIND_NAMES, PATENT_STATUS_NAMES } from '../../../domain/ip';
import { actorOf, auditContext } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import { pageOf } from '../../platform/listing';
import { readUpload } from '../../platform/uploads';
import { caseRoutes } from './cases-routes';
import { importOf, importsOf, settlePatentImports, startPatentImport } from './import-service';
import { countPatents, listPatents, type PatentRow, patentsAfter } from './repo';
import { decideApplicant, reviewPage } from './review-service';
import { orgPatentSummary, patentDetail } from './service';

const tags = ['ip'];

/** 专利 list and its spreadsheet twin. */
const PATENTS_LIST: ListSpec<typeof patentListQuerySchema, PatentRow> = {
  path: '/patents',
  access: 'ip.read',
  tags,
  query: patentListQuerySchema,
  item: patentItemSchema,
  rows: (deps, { scope }, q, limit, offset) => listPatents(deps.db, scope, q, deps.regions, limit, offset),
  count: (deps, { scope }, f) => countPatents(deps.db, scope, f, deps.regions),
  export: {
    name: '专利',
    audit: { action: 'ip.patent.export', objectType: 'ip_patent' },
    columns: [
      { header: '申请号', value: (p) => p.appNo, width: 18 },
      { header: '专利类型', value: (p) => PATENT_KIND_NAMES[p.kind].zh },
      { header: '名称', value: (p) => p.title, width: 40 },
      { header: '申请人', value: (p) => p.applicantNames, width: 36 },
      { header: '发明人', value: (p) => p.inventors, width: 24 },
      { header: '申请日', value: (p) => p.filedOn },
      { header: '公开日', value: (p) => p.publishedOn },
      { header: '授权公告日', value: (p) => p.grantedOn },
      { header: '法律状态', value: (p) => PATENT_STATUS_NAMES[p.status].zh },
      { header: 'IPC主分类号', value: (p) => p.ipcMain },
      { header: '所属区域', value: (p) => p.regionName },
    ],
    after: (deps, { scope }, f, afterId, limit) =>
      patentsAfter(deps.db, scope, f, deps.regions, afterId, limit),
  },
};

/** 知识产权: /api/v1/ip. */
export function ipRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { access: 'ip.read' as const };
    const manage = { access: 'ip.manage' as const };
    app.addHook('onClose', async () => settlePatentImports());

    listRoutes(app, deps, PATENTS_LIST);
    await app.register(caseRoutes(deps));

    r.get(
      '/patents/:number',
      {
        config: read,
        schema: { tags, params: patentNumberParamSchema, response: { 200: patentDetailSchema } },
      },
      async (req) => patentDetail(deps, actorOf(req), req.params.number),
    );

    r.get(
      '/orgs/:id/patents',
      { config: read, schema: { tags, params: idParamSchema, response: { 200: orgPatentSummarySchema } } },
      async (req) => orgPatentSummary(deps, req.params.id),
    );

    r.get(
      '/imports',
      { config: manage, schema: { tags, response: { 200: listResponse(ipImportSchema) } } },
      async (req) => importsOf(deps, actorOf(req)),
    );

    r.post(
      '/imports',
      {
        config: manage,
        schema: { tags, consumes: ['multipart/form-data'], response: { 202: ipImportSchema } },
      },
      async (req, reply) => {
        const { file, fileName } = await readUpload(req);
        const job = await startPatentImport(deps, auditContext(req), actorOf(req), req.log, {
          file,
          fileName: fileName || 'patents.xlsx',
        });
        return reply.status(202).send(job);
      },
    );

    r.get(
      '/imports/:id',
      { config: manage, schema: { tags, params: idParamSchema, response: { 200: ipImportSchema } } },
      async (req) => importOf(deps, actorOf(req), req.params.id),
    );

    r.get(
      '/applicant-reviews',
      {
        config: manage,
        schema: {
          tags,
          querystring: reviewListQuerySchema,
          response: { 200: listResponse(reviewItemSchema) },
        },
      },
      async (req) => {
        const { limit, offset } = pageOf(req.query);
        return reviewPage(deps, req.query, limit, offset);
      },
    );

    r.post(
      '/applicant-reviews/:id/decision',
      {
        config: manage,
        schema: {
          tags,
          params: idParamSchema,
          body: reviewDecisionSchema,
          response: { 200: reviewItemSchema },
        },
      },
      async (req) => decideApplicant(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );
  };
}
