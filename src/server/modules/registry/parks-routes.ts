import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, listResponse } from '../../../domain/contracts/common';
import {
  parkAnnualBodySchema,
  parkAnnualSchema,
  parkDetailSchema,
  parkItemSchema,
  parkListQuerySchema,
  yearParamSchema,
} from '../../../domain/contracts/registry-facilities';
import { actorOf, auditContext } from '../../platform/access';
import { auditRead } from '../../platform/audit-trail';
import type { Deps } from '../../platform/deps';
import { sendXlsx } from '../../platform/excel';
import { keysetBatches } from '../../platform/list-kit';
import { scopeOf } from '../../platform/scope';
import { parksAfter } from './parks-repo';
import { listParkPage, parkDetail, saveParkAnnual } from './parks-service';

/** 高新区"一区多园": /api/v1/registry/parks. */
export function parkRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['registry'];
    const read = { access: 'registry.read' as const };

    r.get(
      '/parks',
      {
        config: read,
        schema: { tags, querystring: parkListQuerySchema, response: { 200: listResponse(parkItemSchema) } },
      },
      async (req) => listParkPage(deps, actorOf(req), req.query),
    );

    r.get(
      '/parks/export.xlsx',
      {
        config: read,
        schema: { tags, querystring: parkListQuerySchema.omit({ page: true, pageSize: true, sort: true }) },
      },
      async (req, reply) => {
        await auditRead(req, { action: 'park.export', object: { type: 'park' } });
        const scope = scopeOf(actorOf(req), deps.regions);
        const batches = keysetBatches(
          (after: { sort: number; id: string } | null, limit) =>
            parksAfter(deps.db, scope, req.query, deps.regions, after, limit),
          (p) => ({ sort: p.sort, id: p.id }),
        );
        return sendXlsx(
          reply,
          '园区.xlsx',
          '园区',
          [
            { header: '园区代码', value: (p) => p.code, width: 20 },
            { header: '园区名称', value: (p) => p.name, width: 30 },
            { header: '所属区域', value: (p) => p.regionName },
            { header: '数据年度', value: (p) => p.year },
            { header: '工业总产值(万元)', value: (p) => p.industrialOutput, width: 20 },
            { header: '企业数', value: (p) => p.enterprises },
            { header: '高新技术企业数', value: (p) => p.hteCount },
          ],
          batches,
        );
      },
    );

    r.get(
      '/parks/:id',
      { config: read, schema: { tags, params: idParamSchema, response: { 200: parkDetailSchema } } },
      async (req) => parkDetail(deps, actorOf(req), req.params.id),
    );

    r.put(
      '/parks/:id/annual/:year',
      {
        config: { access: 'registry.write' },
        schema: {
          tags,
          params: yearParamSchema,
          body: parkAnnualBodySchema,
          response: { 200: parkAnnualSchema },
        },
      },
      async (req) =>
        saveParkAnnual(deps, auditContext(req), actorOf(req), req.params.id, req.params.year, req.body),
    );
  };
}
