import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AGRI_LEVEL_NAMES,
  AGRI_UNIT_GROUPS,
  AGRI_UNIT_KIND_NAMES,
  type AgriUnitGroup,
  TRAINING_KIND_NAMES,
} from '../../../domain/agri';
import {
  parkOutputBodySchema,
  trainingBodySchema,
  trainingItemSchema,
  trainingListQuerySchema,
  unitBodySchema,
  unitItemSchema,
  unitListQuerySchema,
  unitUpdateSchema,
} from '../../../domain/contracts/agri';
import { idParamSchema } from '../../../domain/contracts/common';
import { actorOf, auditContext } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import { logRoutes } from './logs-routes';
import { peopleRoutes } from './people-routes';
import {
  countTrainings,
  countUnits,
  listTrainings,
  listUnits,
  type TrainingRow,
  trainingsAfter,
  type UnitRow,
  unitsAfter,
} from './repo';
import { createTraining, createUnit, putParkOutput, unitDetail, updateUnit } from './service';

export const tags = ['agri'];

const UNIT_LIST_NAMES: Record<AgriUnitGroup, string> = {
  parks: '农业科技园区',
  bases: '示范基地与星创天地',
  cooperatives: '科技型农民专业合作社',
};

/** One list per group of carriers (/parks, /bases, /cooperatives), all over agri_units. */
function unitList(group: AgriUnitGroup): ListSpec<typeof unitListQuerySchema, UnitRow> {
  const kinds = AGRI_UNIT_GROUPS[group];
  return {
    path: `/${group}`,
    access: 'agri.read',
    tags,
    query: unitListQuerySchema,
    item: unitItemSchema,
    rows: (deps, { scope }, q, limit, offset) =>
      listUnits(deps.db, scope, kinds, q, deps.regions, limit, offset),
    count: (deps, { scope }, f) => countUnits(deps.db, scope, kinds, f, deps.regions),
    export: {
      name: UNIT_LIST_NAMES[group],
      audit: { action: 'agri.unit.export', objectType: 'agri_unit' },
      columns: [
        { header: '名称', value: (r) => r.name, width: 40 },
        { header: '类型', value: (r) => AGRI_UNIT_KIND_NAMES[r.kind].zh, width: 20 },
        { header: '级别', value: (r) => AGRI_LEVEL_NAMES[r.level].zh },
        { header: '所属区域', value: (r) => r.regionName },
        { header: '所属园区', value: (r) => r.parkName, width: 24 },
        { header: '认定日期', value: (r) => r.recognisedOn },
        { header: '终止日期', value: (r) => r.endedOn },
        { header: '产值年度', value: (r) => r.outputYear },
        { header: '产值（万元）', value: (r) => (r.output === null ? null : Number(r.output)) },
        { header: '同比增长（%）', value: (r) => (r.growthPct === null ? null : Number(r.growthPct)) },
      ],
      after: (deps, { scope }, f, afterId, limit) =>
        unitsAfter(deps.db, scope, kinds, f, deps.regions, afterId, limit),
    },
  };
}

const TRAININGS_LIST: ListSpec<typeof trainingListQuerySchema, TrainingRow> = {
  path: '/trainings',
  access: 'agri.read',
  tags,
  query: trainingListQuerySchema,
  item: trainingItemSchema,
  rows: (deps, { scope }, q, limit, offset) => listTrainings(deps.db, scope, q, deps.regions, limit, offset),
  count: (deps, { scope }, f) => countTrainings(deps.db, scope, f, deps.regions),
  export: {
    name: '科技特派员培训',
    audit: { action: 'agri.training.export', objectType: 'agri_training' },
    columns: [
      { header: '培训名称', value: (r) => r.title, width: 40 },
      { header: '方式', value: (r) => TRAINING_KIND_NAMES[r.kind].zh },
      { header: '所属区域', value: (r) => r.regionName },
      { header: '举办日期', value: (r) => r.heldOn },
      { header: '受训人次', value: (r) => r.attendances },
      { header: '主办单位', value: (r) => r.organiser, width: 24 },
    ],
    after: (deps, { scope }, f, afterId, limit) =>
      trainingsAfter(deps.db, scope, f, deps.regions, afterId, limit),
  },
};

const unitDetailSchema = z.object({
  unit: unitItemSchema,
  outputs: z.array(z.object({ year: z.number(), output: z.string(), growthPct: z.string().nullable() })),
});

/** 农业科技: /api/v1/agri. */
export function agriRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { access: 'agri.read' as const };
    const manage = { access: 'agri.manage' as const };

    for (const group of Object.keys(AGRI_UNIT_GROUPS) as AgriUnitGroup[]) {
      listRoutes(app, deps, unitList(group));
      r.post(
        `/${group}`,
        { config: manage, schema: { tags, body: unitBodySchema, response: { 201: unitItemSchema } } },
        async (req, reply) =>
          reply.status(201).send(await createUnit(deps, auditContext(req), actorOf(req), group, req.body)),
      );
    }
    r.get(
      '/units/:id',
      { config: read, schema: { tags, params: idParamSchema, response: { 200: unitDetailSchema } } },
      async (req) => unitDetail(deps, actorOf(req), req.params.id),
    );
    r.patch(
      '/units/:id',
      {
        config: manage,
        schema: { tags, params: idParamSchema, body: unitUpdateSchema, response: { 200: unitItemSchema } },
      },
      async (req) => updateUnit(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );
    r.put(
      '/parks/:id/outputs',
      {
        config: manage,
        schema: {
          tags,
          params: idParamSchema,
          body: parkOutputBodySchema,
          response: { 200: unitDetailSchema },
        },
      },
      async (req) => putParkOutput(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );

    listRoutes(app, deps, TRAININGS_LIST);
    r.post(
      '/trainings',
      { config: manage, schema: { tags, body: trainingBodySchema, response: { 201: trainingItemSchema } } },
      async (req, reply) =>
        reply.status(201).send(await createTraining(deps, auditContext(req), actorOf(req), req.body)),
    );

    await peopleRoutes(deps)(app);
    await logRoutes(deps)(app);
  };
}
