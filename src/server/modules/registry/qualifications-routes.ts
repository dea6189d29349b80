import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, listResponse } from '../../../domain/contracts/common';
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
import { auditRead } from '../../platform/audit-trail';
import type { Deps } from '../../platform/deps';
import { sendXlsx } from '../../platform/excel';
import { keysetBatches } from '../../platform/list-kit';
import { scopeOf } from '../../platform/scope';
import { cultivationBatches, cultivationPool } from './cultivation';
import { qualificationsAfter } from './qualifications-repo';
import {
  createQualification,
  listQualificationPage,
  revokeQualification,
  updateQualification,
} from './qualifications-service';

export function qualificationRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['registry'];
    const read = { access: 'registry.read' as const };
    const write = { access: 'registry.write' as const };

    r.get(
      '/qualifications',
      {
        config: read,
        schema: {
          tags,
          querystring: qualificationListQuerySchema,
          response: { 200: listResponse(qualificationSchema) },
        },
      },
      async (req) => listQualificationPage(deps, actorOf(req), req.query),
    );

    r.get(
      '/qualifications/export.xlsx',
      {
        config: read,
        schema: {
          tags,
          querystring: qualificationListQuerySchema.omit({ page: true, pageSize: true, sort: true }),
        },
      },
      async (req, reply) => {
        await auditRead(req, { action: 'qualification.export', object: { type: 'qualification' } });
        const scope = scopeOf(actorOf(req), deps.regions);
        const batches = keysetBatches(
          (after: string | null, limit) =>
            qualificationsAfter(deps.db, scope, req.query, deps.regions, after, limit),
          (row) => row.id,
        );
        return sendXlsx(
          reply,
          '资质.xlsx',
          '资质',
          [
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
          batches,
        );
      },
    );

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

    r.get(
      '/cultivation',
      {
        config: read,
        schema: {
          tags,
          querystring: cultivationQuerySchema,
          response: { 200: listResponse(cultivationItemSchema) },
        },
      },
      async (req) => cultivationPool(deps, actorOf(req), req.query),
    );

    r.get(
      '/cultivation/export.xlsx',
      {
        config: read,
        schema: {
          tags,
          querystring: cultivationQuerySchema.omit({ page: true, pageSize: true, sort: true }),
        },
      },
      async (req, reply) => {
        await auditRead(req, { action: 'cultivation.export', object: { type: 'organization' } });
        const q = { ...req.query, page: 1, pageSize: 200 };
        const pct = (v: number | null) => (v === null ? null : `${v}%`);
        return sendXlsx(
          reply,
          `高企培育库-${q.year}.xlsx`,
          '高企培育库',
          [
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
          cultivationBatches(deps, actorOf(req), q),
        );
      },
    );
  };
}
