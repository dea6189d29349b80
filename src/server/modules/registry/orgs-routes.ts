import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, listResponse } from '../../../domain/contracts/common';
import {
  annualStatsBodySchema,
  annualStatsSchema,
  orgBodySchema,
  orgChangeSchema,
  orgDetailSchema,
  orgListItemSchema,
  orgListQuerySchema,
  orgListResponseSchema,
  orgUpdateSchema,
} from '../../../domain/contracts/registry';
import { ORG_KIND_NAMES } from '../../../domain/registry';
import { actorOf, auditContext } from '../../platform/access';
import { auditRead } from '../../platform/audit-trail';
import type { Deps } from '../../platform/deps';
import { sendXlsx } from '../../platform/excel';
import { keysetBatches } from '../../platform/list-kit';
import { scopeOf } from '../../platform/scope';
import { orgsAfter } from './orgs-repo';
import {
  createOrganization,
  listOrganizations,
  organizationChanges,
  organizationDetail,
  saveAnnualStats,
  updateOrganization,
} from './orgs-service';

export function orgRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['registry'];
    const read = { access: 'registry.read' as const };

    r.get(
      '/orgs',
      {
        config: read,
        schema: { tags, querystring: orgListQuerySchema, response: { 200: orgListResponseSchema } },
      },
      async (req) => listOrganizations(deps, actorOf(req), req.query),
    );

    r.get(
      '/orgs/export.xlsx',
      {
        config: read,
        schema: { tags, querystring: orgListQuerySchema.omit({ page: true, pageSize: true, sort: true }) },
      },
      async (req, reply) => {
        await auditRead(req, { action: 'organization.export', object: { type: 'organization' } });
        const scope = scopeOf(actorOf(req), deps.regions);
        const batches = keysetBatches(
          (after: string | null, limit) => orgsAfter(deps.db, scope, req.query, deps.regions, after, limit),
          (row) => row.id,
        );
        return sendXlsx(
          reply,
          '创新主体.xlsx',
          '创新主体',
          [
            { header: '统一社会信用代码', value: (o) => o.uscc, width: 22 },
            { header: '单位名称', value: (o) => o.name, width: 36 },
            { header: '单位类型', value: (o) => ORG_KIND_NAMES[o.kind].zh },
            { header: '所属区域', value: (o) => o.regionName },
            { header: '行业代码', value: (o) => o.industryCode },
            { header: '行业', value: (o) => o.industryName, width: 26 },
            { header: '是否规上工业企业', value: (o) => (o.aboveSize ? '是' : '否') },
            { header: '园区', value: (o) => o.parkName },
            { header: '成立日期', value: (o) => o.foundedOn },
            { header: '有效资质', value: (o) => o.qualifications.join('、'), width: 30 },
          ],
          batches,
        );
      },
    );

    r.get(
      '/orgs/:id',
      { config: read, schema: { tags, params: idParamSchema, response: { 200: orgDetailSchema } } },
      async (req) => {
        const detail = await organizationDetail(deps, actorOf(req), req.params.id);
        // The full record (一企一档) is personal and commercial data: each view is audited.
        await auditRead(req, {
          action: 'organization.view',
          object: { type: 'organization', id: req.params.id },
          details: { name: detail.org.name },
        });
        return detail;
      },
    );

    r.get(
      '/orgs/:id/changes',
      {
        config: read,
        schema: { tags, params: idParamSchema, response: { 200: listResponse(orgChangeSchema) } },
      },
      async (req) => {
        const items = await organizationChanges(deps, actorOf(req), req.params.id);
        return { items, total: items.length };
      },
    );

    r.post(
      '/orgs',
      {
        config: { access: 'registry.write', idempotent: true },
        schema: { tags, body: orgBodySchema, response: { 201: orgListItemSchema } },
      },
      async (req, reply) =>
        reply.status(201).send(await createOrganization(deps, auditContext(req), actorOf(req), req.body)),
    );

    // Registry writers and an organisation's own account both come here; the policy decides
    // which fields each may change.
    r.patch(
      '/orgs/:id',
      {
        config: { access: 'business' },
        schema: { tags, params: idParamSchema, body: orgUpdateSchema, response: { 200: orgListItemSchema } },
      },
      async (req) => updateOrganization(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );

    r.put(
      '/orgs/:id/stats/:year',
      {
        config: { access: 'business' },
        schema: {
          tags,
          params: idParamSchema.extend({ year: z.coerce.number().int().min(1990).max(2100) }),
          body: annualStatsBodySchema,
          response: { 200: annualStatsSchema },
        },
      },
      async (req) =>
        saveAnnualStats(deps, auditContext(req), actorOf(req), req.params.id, req.params.year, req.body),
    );
  };
}
