import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, listResponse, okSchema } from '../../../domain/contracts/common';
import {
  targetBodySchema,
  targetQuerySchema,
  targetSchema,
  targetSplitBodySchema,
} from '../../../domain/contracts/plan';
import { TARGET_KIND_NAMES } from '../../../domain/indicators';
import { actorOf, auditContext } from '../../platform/access';
import { auditRead } from '../../platform/audit-trail';
import type { Deps } from '../../platform/deps';
import { oneBatch, sendXlsx } from '../../platform/excel';
import { deleteTarget, listTargets, putTarget, resolveTargets } from './targets-service';
import { splitTarget } from './targets-split';

const WARNINGS = {
  achieved: '已完成',
  on_track: '进度正常',
  behind: '进度滞后',
  seriously_behind: '严重滞后',
};

/** Plan targets under /api/v1/plan: list with progress, set, delete, split over counties, export. */
export function targetRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['plan'];
    const read = { access: 'plan.read' as const };
    const write = { access: 'plan.write' as const };

    r.get(
      '/targets',
      {
        config: read,
        schema: { tags, querystring: targetQuerySchema, response: { 200: listResponse(targetSchema) } },
      },
      async (req) => listTargets(deps, actorOf(req), req.query),
    );

    r.get(
      '/targets/export.xlsx',
      { config: read, schema: { tags, querystring: targetQuerySchema } },
      async (req, reply) => {
        await auditRead(req, { action: 'plan.target.export', object: { type: 'plan_target' } });
        const { items } = await listTargets(deps, actorOf(req), req.query);
        return sendXlsx(
          reply,
          `目标-${req.query.year}.xlsx`,
          `${req.query.year}年目标`,
          [
            { header: '区域', value: (t) => t.regionName },
            { header: '指标代码', value: (t) => t.indicatorCode, width: 22 },
            { header: '指标', value: (t) => t.indicatorName, width: 34 },
            { header: '目标类型', value: (t) => TARGET_KIND_NAMES[t.kind].zh },
            { header: '目标设定值', value: (t) => (t.value === null ? null : Number(t.value)) },
            { header: '单位', value: (t) => t.unit, width: 10 },
            { header: `${req.query.year - 1}年`, value: (t) => t.lastYear },
            { header: '目标数', value: (t) => t.resolved },
            { header: `${req.query.year}年完成`, value: (t) => t.current },
            { header: '完成进度(%)', value: (t) => t.progress },
            { header: '预警', value: (t) => (t.warning ? WARNINGS[t.warning] : null) },
            { header: '说明', value: (t) => t.note, width: 30 },
          ],
          oneBatch(items),
        );
      },
    );

    r.put(
      '/targets',
      { config: write, schema: { tags, body: targetBodySchema, response: { 200: targetSchema } } },
      async (req) => putTarget(deps, auditContext(req), actorOf(req), req.body),
    );

    r.delete(
      '/targets/:id',
      { config: write, schema: { tags, params: idParamSchema, response: { 200: okSchema } } },
      async (req) => deleteTarget(deps, auditContext(req), actorOf(req), req.params.id),
    );

    r.post(
      '/targets/split',
      {
        config: write,
        schema: { tags, body: targetSplitBodySchema, response: { 200: listResponse(targetSchema) } },
      },
      async (req) => {
        const written = await splitTarget(deps, auditContext(req), actorOf(req).username, req.body);
        const items = await resolveTargets(deps.db, deps.regions, written);
        return { items, total: items.length };
      },
    );
  };
}
