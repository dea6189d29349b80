import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { indicatorCodeSchema, listResponse } from '../../../domain/contracts/common';
import {
  drillFilterSchema,
  drillQuerySchema,
  drillRowSchema,
  indicatorSchema,
  indicatorValuesQuerySchema,
  indicatorValuesSchema,
} from '../../../domain/contracts/plan';
import { actorOf } from '../../platform/access';
import { auditRead } from '../../platform/audit-trail';
import type { Deps } from '../../platform/deps';
import { sendXlsx } from '../../platform/excel';
import { CATALOGUE } from './catalogue';
import { drillBatches, drillPage } from './drill';
import { rankingRoutes } from './rankings-routes';
import { reportedRoutes } from './reported-routes';
import { summaryRoutes } from './summary-routes';
import { targetRoutes } from './targets-routes';
import { indicatorValues } from './values-service';

/** Everything under /api/v1/plan. */
export function planRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['plan'];
    const read = { access: 'plan.read' as const };
    await app.register(rankingRoutes(deps));
    await app.register(summaryRoutes(deps));
    await app.register(reportedRoutes(deps));
    await app.register(targetRoutes(deps));

    r.get(
      '/indicators',
      { config: read, schema: { tags, response: { 200: listResponse(indicatorSchema) } } },
      async () => ({
        items: [...CATALOGUE],
        total: CATALOGUE.length,
      }),
    );

    r.get(
      '/indicator-values',
      {
        config: { ...read, revalidate: true },
        schema: { tags, querystring: indicatorValuesQuerySchema, response: { 200: indicatorValuesSchema } },
      },
      async (req) => {
        const result = await indicatorValues(deps, actorOf(req), req.query);
        return { ...result, items: result.items.map(({ indicator: _i, ...row }) => row) };
      },
    );

    const codeParams = z.object({ code: indicatorCodeSchema });

    r.get(
      '/indicators/:code/records',
      {
        config: read,
        schema: {
          tags,
          params: codeParams,
          querystring: drillQuerySchema,
          response: { 200: listResponse(drillRowSchema) },
        },
      },
      async (req) => {
        const { page, pageSize, ...q } = req.query;
        return drillPage(deps, actorOf(req), req.params.code, q, pageSize, (page - 1) * pageSize);
      },
    );

    r.get(
      '/indicators/:code/records/export.xlsx',
      {
        config: read,
        schema: {
          tags,
          params: codeParams,
          querystring: drillFilterSchema,
        },
      },
      async (req, reply) => {
        await auditRead(req, {
          action: 'plan.indicator-records.export',
          object: { type: 'indicator', id: req.params.code },
        });
        return sendXlsx(
          reply,
          `${req.params.code}-${req.query.year}-明细.xlsx`,
          '明细',
          [
            { header: '统一社会信用代码', value: (x) => x.uscc, width: 22 },
            { header: '单位名称', value: (x) => x.orgName, width: 36 },
            { header: '所属区域', value: (x) => x.regionName },
            { header: '记录', value: (x) => x.detail, width: 30 },
            { header: '数量', value: (x) => x.amount },
          ],
          drillBatches(deps, actorOf(req), req.params.code, req.query),
        );
      },
    );

    r.get(
      '/indicator-values/export.xlsx',
      { config: read, schema: { tags, querystring: indicatorValuesQuerySchema } },
      async (req, reply) => {
        const result = await indicatorValues(deps, actorOf(req), req.query);
        await auditRead(req, { action: 'plan.indicator-values.export', object: { type: 'indicator' } });
        const fmt = (v: number | null | undefined) => (v === null || v === undefined ? null : v);
        return sendXlsx(
          reply,
          `指标-${result.year}.xlsx`,
          `${result.year}年指标`,
          [
            { header: '区域', value: (x) => x.regionName },
            { header: '指标代码', value: (x) => x.code, width: 22 },
            { header: '指标', value: (x) => x.name, width: 36 },
            {
              header: '类型',
              value: (x) => ({ computed: '计算', reported: '填报', derived: '派生' })[x.kind],
            },
            { header: `${result.year}年`, value: (x) => fmt(x.value) },
            { header: '单位', value: (x) => x.unit },
            { header: `${result.year - 1}年`, value: (x) => fmt(x.lastYear) },
            { header: '目标', value: (x) => fmt(x.target) },
            { header: '完成进度(%)', value: (x) => fmt(x.progress) },
            { header: '预警', value: (x) => x.warning ?? null },
            { header: '来源', value: (x) => x.source ?? null, width: 40 },
          ],
          (async function* () {
            yield result.items;
          })(),
        );
      },
    );
  };
}
