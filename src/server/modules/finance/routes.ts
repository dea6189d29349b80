import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, okSchema } from '../../../domain/contracts/common';
import {
  importQuerySchema,
  importResultSchema,
  institutionBodySchema,
  institutionItemSchema,
  institutionListQuerySchema,
  recordBodySchema,
  recordDetailSchema,
  recordItemSchema,
  recordListQuerySchema,
  recordUpdateSchema,
} from '../../../domain/contracts/finance';
import {
  BOARD_NAMES,
  INSTITUTION_TYPE_NAMES,
  INSTRUMENT_NAMES,
  RECORD_KIND_NAMES,
  ROUND_NAMES,
} from '../../../domain/finance';
import { actorOf, auditContext } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import { readUpload } from '../../platform/uploads';
import { contentDisposition } from '../projects/applications/attachments-service';
import { importCredit, importTemplate } from './import';
import {
  countInstitutions,
  countRecords,
  type InstitutionRow,
  institutionsAfter,
  listInstitutions,
  listRecords,
  type RecordRow,
  recordsAfter,
} from './repo';
import {
  createInstitution,
  createRecord,
  deleteRecord,
  myInstitution,
  recordDetail,
  updateRecord,
} from './service';

const tags = ['finance'];

/** 科技金融记录 of every kind (filter `kind`), and their spreadsheet twin. */
const RECORDS_LIST: ListSpec<typeof recordListQuerySchema, RecordRow> = {
  path: '/records',
  access: 'finance.read',
  tags,
  query: recordListQuerySchema,
  item: recordItemSchema,
  rows: (deps, { scope }, q, limit, offset) => listRecords(deps.db, scope, q, deps.regions, limit, offset),
  count: (deps, { scope }, f) => countRecords(deps.db, scope, f, deps.regions),
  export: {
    name: '科技金融记录',
    audit: { action: 'finance.record.export', objectType: 'finance_record' },
    columns: [
      { header: '类别', value: (x) => RECORD_KIND_NAMES[x.kind].zh },
      { header: '金融机构', value: (x) => x.institutionName, width: 30 },
      { header: '企业', value: (x) => x.enterpriseName, width: 32 },
      { header: '统一社会信用代码', value: (x) => x.enterpriseUscc, width: 22 },
      { header: '所属区域', value: (x) => x.regionName },
      { header: '日期', value: (x) => x.startOn },
      { header: '止期/解除日期', value: (x) => x.endOn },
      {
        header: '增信工具',
        value: (x) => (x.instrument ? INSTRUMENT_NAMES[x.instrument].zh : null),
        width: 24,
      },
      { header: '金额（万元）', value: (x) => (x.amount === null ? null : Number(x.amount)) },
      { header: '保险金额（万元）', value: (x) => (x.cover === null ? null : Number(x.cover)) },
      { header: '期限（月）', value: (x) => x.termMonths },
      {
        header: '免担保',
        value: (x) => (x.kind === 'credit' || x.kind === 'loan' ? (x.guaranteeFree ? '是' : '否') : null),
      },
      { header: '挂牌板块', value: (x) => (x.board ? BOARD_NAMES[x.board].zh : null) },
      { header: '投资轮次', value: (x) => (x.round ? ROUND_NAMES[x.round].zh : null) },
      { header: '编号', value: (x) => x.refNo, width: 20 },
      { header: '专利申请号', value: (x) => x.appNo, width: 20 },
      { header: '备注', value: (x) => x.note, width: 30 },
    ],
    after: (deps, { scope }, f, afterId, limit) =>
      recordsAfter(deps.db, scope, f, deps.regions, afterId, limit),
  },
};

/** 金融机构名录: the directory every reader of the module sees. */
const INSTITUTIONS_LIST: ListSpec<typeof institutionListQuerySchema, InstitutionRow> = {
  path: '/institutions',
  access: 'finance.read',
  tags,
  query: institutionListQuerySchema,
  item: institutionItemSchema,
  rows: (deps, _viewer, q, limit, offset) => listInstitutions(deps.db, q, limit, offset),
  count: (deps, _viewer, f) => countInstitutions(deps.db, f),
  export: {
    name: '金融机构名录',
    audit: { action: 'finance.institution.export', objectType: 'finance_institution' },
    columns: [
      { header: '机构名称', value: (x) => x.name, width: 36 },
      { header: '统一社会信用代码', value: (x) => x.uscc, width: 22 },
      { header: '类别', value: (x) => INSTITUTION_TYPE_NAMES[x.type].zh },
      { header: '所属区域', value: (x) => x.regionName },
      { header: '记录数', value: (x) => x.records },
    ],
    after: (deps, _viewer, f, afterId, limit) => institutionsAfter(deps.db, f, afterId, limit),
  },
};

/** 科技金融: /api/v1/finance. */
export function financeRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { access: 'finance.read' as const };
    const manage = { access: 'finance.manage' as const };

    listRoutes(app, deps, INSTITUTIONS_LIST);
    listRoutes(app, deps, RECORDS_LIST);

    r.post(
      '/institutions',
      {
        config: { access: 'finance.institutions' },
        schema: { tags, body: institutionBodySchema, response: { 201: institutionItemSchema } },
      },
      async (req, reply) =>
        reply.status(201).send(await createInstitution(deps, auditContext(req), req.body)),
    );

    r.get(
      '/my-institution',
      {
        config: read,
        schema: { tags, response: { 200: z.object({ institution: institutionItemSchema.nullable() }) } },
      },
      async (req) => myInstitution(deps, actorOf(req)),
    );

    r.get(
      '/records/import/template.xlsx',
      {
        config: { access: 'finance.import', produces: 'file' },
        schema: { tags, summary: '授信记录导入模板' },
      },
      async (_req, reply) =>
        reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', contentDisposition('授信记录导入模板.xlsx'))
          .send(await importTemplate()),
    );

    r.post(
      '/records/import',
      {
        config: { access: 'finance.import' },
        schema: {
          tags,
          summary: '导入银行报送的授信记录',
          querystring: importQuerySchema,
          consumes: ['multipart/form-data'],
          response: { 200: importResultSchema },
        },
      },
      async (req) => {
        const { file } = await readUpload(req);
        return importCredit(deps, auditContext(req), actorOf(req), file, {
          dryRun: req.query.dryRun === 'true',
          validOnly: req.query.validOnly === 'true',
        });
      },
    );

    r.get(
      '/records/:id',
      { config: read, schema: { tags, params: idParamSchema, response: { 200: recordDetailSchema } } },
      async (req) => recordDetail(deps, actorOf(req), req.params.id),
    );

    r.post(
      '/records',
      { config: manage, schema: { tags, body: recordBodySchema, response: { 201: recordItemSchema } } },
      async (req, reply) =>
        reply.status(201).send(await createRecord(deps, auditContext(req), actorOf(req), req.body)),
    );

    r.patch(
      '/records/:id',
      {
        config: manage,
        schema: {
          tags,
          params: idParamSchema,
          body: recordUpdateSchema,
          response: { 200: recordItemSchema },
        },
      },
      async (req) => updateRecord(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );

    r.delete(
      '/records/:id',
      { config: manage, schema: { tags, params: idParamSchema, response: { 200: okSchema } } },
      async (req) => deleteRecord(deps, auditContext(req), actorOf(req), req.params.id),
    );
  };
}
