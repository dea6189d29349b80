import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import { changes, creates, reads, recordRoutes } from '../../platform/record-kit';
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
    listRoutes(app, deps, CARRIERS_LIST);
    recordRoutes(app, deps, {
      path: '/carriers',
      tags: ['registry'],
      read: 'registry.read',
      write: 'registry.write',
      get: reads({ response: carrierDetailSchema, run: carrierDetail }),
      create: creates({ body: carrierBodySchema, response: carrierItemSchema, run: createCarrier }),
      update: changes({ body: carrierUpdateSchema, response: carrierItemSchema, run: updateCarrier }),
      moves: { end: changes({ body: facilityEndBodySchema, response: carrierItemSchema, run: endCarrier }) },
    });

    r.put(
      '/carriers/:id/annual/:year',
      {
        config: { access: 'registry.write' },
        schema: {
          tags: ['registry'],
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
