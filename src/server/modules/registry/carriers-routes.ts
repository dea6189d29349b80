import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema } from '../../../domain/contracts/common';
import { carrierItemSchema } from '../../../domain/contracts/registry';
import {
  carrierAnnualBodySchema,
  carrierAnnualSchema,
  carrierBodySchema,
  carrierDetailSchema,
  carrierListQuerySchema,
  carrierUpdateSchema,
  facilityEndBodySchema,
  yearParamSchema,
} from '../../../domain/contracts/registry-facilities';
import { CARRIER_KIND_NAMES, LEVEL_NAMES, RECORD_STATUS_NAMES } from '../../../domain/registry';
import { actorOf, auditContext } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import { type CarrierRow, carriersAfter, countCarriers, listCarriers } from './carriers-repo';
import {
  carrierDetail,
  createCarrier,
  endCarrier,
  saveCarrierAnnual,
  updateCarrier,
} from './carriers-service';

/** The list and its spreadsheet twin (see platform/list-kit.ts). */
const CARRIERS_LIST: ListSpec<typeof carrierListQuerySchema, CarrierRow> = {
  path: '/carriers',
  access: 'registry.read',
  tags: ['registry'],
  query: carrierListQuerySchema,
  item: carrierItemSchema,
  rows: (deps, { scope }, q, limit, offset) => listCarriers(deps.db, scope, q, deps.regions, limit, offset),
  count: (deps, { scope }, f) => countCarriers(deps.db, scope, f, deps.regions),
  export: {
    name: '孵化载体',
    audit: { action: 'carrier.export', objectType: 'carrier' },
    columns: [
      { header: '载体名称', value: (c) => c.name, width: 36 },
      { header: '载体类型', value: (c) => CARRIER_KIND_NAMES[c.kind].zh },
      { header: '级别', value: (c) => LEVEL_NAMES[c.level].zh },
      { header: '运营单位', value: (c) => c.operatorOrgName, width: 36 },
      { header: '所属区域', value: (c) => c.regionName },
      { header: '认定日期', value: (c) => c.recognizedOn },
      { header: '文号', value: (c) => c.documentNo, width: 24 },
      { header: '状态', value: (c) => RECORD_STATUS_NAMES[c.status].zh },
      { header: '终止日期', value: (c) => c.endedOn },
      { header: '数据年度', value: (c) => c.latestYear },
      { header: '服务创业企业数', value: (c) => c.startupsServed },
      { header: '服务创业团队数', value: (c) => c.teamsServed },
    ],
    after: (deps, { scope }, f, afterId, limit) =>
      carriersAfter(deps.db, scope, f, deps.regions, afterId, limit),
  },
};

/** 孵化载体: /api/v1/registry/carriers. */
export function carrierRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['registry'];
    const read = { access: 'registry.read' as const };
    const write = { access: 'registry.write' as const };

    listRoutes(app, deps, CARRIERS_LIST);

    r.get(
      '/carriers/:id',
      { config: read, schema: { tags, params: idParamSchema, response: { 200: carrierDetailSchema } } },
      async (req) => carrierDetail(deps, actorOf(req), req.params.id),
    );

    r.post(
      '/carriers',
      { config: write, schema: { tags, body: carrierBodySchema, response: { 201: carrierItemSchema } } },
      async (req, reply) =>
        reply.status(201).send(await createCarrier(deps, auditContext(req), actorOf(req), req.body)),
    );

    r.patch(
      '/carriers/:id',
      {
        config: write,
        schema: {
          tags,
          params: idParamSchema,
          body: carrierUpdateSchema,
          response: { 200: carrierItemSchema },
        },
      },
      async (req) => updateCarrier(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );

    r.post(
      '/carriers/:id/end',
      {
        config: write,
        schema: {
          tags,
          params: idParamSchema,
          body: facilityEndBodySchema,
          response: { 200: carrierItemSchema },
        },
      },
      async (req) => endCarrier(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );

    r.put(
      '/carriers/:id/annual/:year',
      {
        config: write,
        schema: {
          tags,
          params: yearParamSchema,
          body: carrierAnnualBodySchema,
          response: { 200: carrierAnnualSchema },
        },
      },
      async (req) =>
        saveCarrierAnnual(deps, auditContext(req), actorOf(req), req.params.id, req.params.year, req.body),
    );
  };
}
