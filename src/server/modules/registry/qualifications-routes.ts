import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema } from '../../../domain/contracts/common';
import {
  cultivationItemSchema,
  cultivationQuerySchema,
  qualificationBodySchema,
  qualificationListQuerySchema,
  qualificationSchema,
  qualificationUpdateSchema,
  revokeBodySchema,
} from '../../../domain/contracts/registry';
import { LEVEL_NAMES } from '../../../domain/registry';
import { actorOf, auditContext } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import { type CultivationItem, cultivationAfter, cultivationPage } from './cultivation';
import { cultivationCount } from './cultivation-repo';
import {
  countQualifications,
  listQualifications,
  type QualificationRow,
  qualificationsAfter,
} from './qualifications-repo';
import { createQualification, revokeQualification, updateQualification } from './qualifications-service';

/** 资质 and its spreadsheet twin (see platform/list-kit.ts); 到期提醒 is the same list filtered. */
const QUALIFICATIONS_LIST: ListSpec<typeof qualificationListQuerySchema, QualificationRow> = {
  path: '/qualifications',
  access: 'registry.read',
  tags: ['registry'],
  query: qualificationListQuerySchema,
  item: qualificationSchema,
  rows: (deps, { scope }, q, limit, offset) =>
    listQualifications(deps.db, scope, q, deps.regions, limit, offset),
  count: (deps, { scope }, f) => countQualifications(deps.db, scope, f, deps.regions),
  export: {
    name: '资质',
    audit: { action: 'qualification.export', objectType: 'qualification' },
    columns: [
      { header: '统一社会信用代码', value: (q) => q.uscc, width: 22 },
      { header: '单位名称', value: (q) => q.orgName, width: 36 },
      { header: '所属区域', value: (q) => q.regionName },
      { header: '资质类型', value: (q) => q.typeName, width: 24 },
      { header: '级别', value: (q) => (q.level ? LEVEL_NAMES[q.level].zh : null) },
      { header: '证书编号', value: (q) => q.certificateNo, width: 20 },
      { header: '认定日期', value: (q) => q.issuedOn },
      { header: '有效期至', value: (q) => q.validUntil },
      { header: '文号', value: (q) => q.documentNo, width: 24 },
      { header: '状态', value: (q) => (q.revoked ? '已撤销' : q.valid ? '有效' : '已过期') },
    ],
    after: (deps, { scope }, f, afterId, limit) =>
      qualificationsAfter(deps.db, scope, f, deps.regions, afterId, limit),
  },
};

const pct = (v: number | null) => (v === null ? null : `${v}%`);

/** 高企培育库 of a year and its spreadsheet twin. */
const CULTIVATION_LIST: ListSpec<typeof cultivationQuerySchema, CultivationItem> = {
  path: '/cultivation',
  access: 'registry.read',
  tags: ['registry'],
  query: cultivationQuerySchema,
  item: cultivationItemSchema,
  rows: (deps, { scope }, q, limit, offset) => cultivationPage(deps, scope, q, limit, offset),
  count: (deps, { scope }, f) => cultivationCount(deps.db, scope, deps.regions, f),
  export: {
    name: '高企培育库',
    audit: { action: 'cultivation.export', objectType: 'organization' },
    columns: [
      { header: '年度', value: (x) => x.year, width: 8 },
      { header: '统一社会信用代码', value: (x) => x.uscc, width: 22 },
      { header: '单位名称', value: (x) => x.name, width: 36 },
      { header: '所属区域', value: (x) => x.regionName },
      { header: '营业收入(万元)', value: (x) => x.revenue },
      { header: '研发费用占比', value: (x) => pct(x.criteria[0].actual) },
      { header: '研发费用占比要求', value: (x) => `${x.criteria[0].required}%` },
      { header: '科技人员占比', value: (x) => pct(x.criteria[1].actual) },
      { header: '高新技术产品收入占比', value: (x) => pct(x.criteria[2].actual) },
      { header: '状态', value: (x) => (x.status === 'meets' ? '已达标' : '接近达标') },
      {
        header: '未达标指标',
        value: (x) =>
          x.criteria
            .filter((c) => !c.pass)
            .map((c) => c.name.zh)
            .join('、'),
        width: 30,
      },
    ],
    after: (deps, { scope }, f, afterId, limit) => cultivationAfter(deps, scope, f, afterId, limit),
  },
};

export function qualificationRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['registry'];
    const write = { access: 'registry.write' as const };

    listRoutes(app, deps, QUALIFICATIONS_LIST);
    listRoutes(app, deps, CULTIVATION_LIST);

    r.post(
      '/qualifications',
      {
        config: write,
        schema: { tags, body: qualificationBodySchema, response: { 201: qualificationSchema } },
      },
      async (req, reply) =>
        reply.status(201).send(await createQualification(deps, auditContext(req), actorOf(req), req.body)),
    );

    r.patch(
      '/qualifications/:id',
      {
        config: write,
        schema: {
          tags,
          params: idParamSchema,
          body: qualificationUpdateSchema,
          response: { 200: qualificationSchema },
        },
      },
      async (req) => updateQualification(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );

    r.post(
      '/qualifications/:id/revoke',
      {
        config: write,
        schema: {
          tags,
          params: idParamSchema,
          body: revokeBodySchema,
          response: { 200: qualificationSchema },
        },
      },
      async (req) => revokeQualification(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );
  };
}
