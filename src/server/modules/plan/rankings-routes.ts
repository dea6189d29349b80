import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type RankingUnitRow, rankingQuerySchema, rankingSchema } from '../../../domain/contracts/plan';
import { auditRead } from '../../platform/audit-trail';
import type { Deps } from '../../platform/deps';
import { oneBatch, sendXlsx, type XlsxColumn } from '../../platform/excel';
import { ranking, schemeFor } from './rankings-service';

const FLAG_NAMES = { missing: '缺数', outlier_high: '异常高值', outlier_low: '异常低值' } as const;

/**
 * /api/v1/plan/rankings: the county ranking and the sub-park assessment. Every plan reader sees the
 * whole ranking, county users included: it is how their county is judged and holds only aggregates.
 */
export function rankingRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['plan'];
    const read = { access: 'plan.read' as const };

    r.get(
      '/rankings',
      {
        config: { ...read, revalidate: true },
        schema: { tags, querystring: rankingQuerySchema, response: { 200: rankingSchema } },
      },
      async (req) => ranking(deps, schemeFor(req.query.scheme), req.query.year, req.query.asOf),
    );

    r.get(
      '/rankings/export.xlsx',
      { config: read, schema: { tags, querystring: rankingQuerySchema } },
      async (req, reply) => {
        await auditRead(req, { action: 'plan.rankings.export', object: { type: 'report' } });
        const result = await ranking(deps, schemeFor(req.query.scheme), req.query.year, req.query.asOf);
        const columns: XlsxColumn<RankingUnitRow>[] = [
          { header: '排名', value: (u) => u.rank, width: 8 },
          { header: result.subject === 'county' ? '县(市、区)' : '分园', value: (u) => u.name, width: 24 },
          { header: '综合得分', value: (u) => u.score, width: 12 },
          { header: `${result.year - 1}年排名`, value: (u) => u.rankLastYear, width: 12 },
          { header: '排名变化', value: (u) => u.rankChange, width: 10 },
          { header: '末位', value: (u) => (u.lastPlace ? '是' : ''), width: 8 },
          {
            header: `末位淘汰预警(连续${result.lastPlaceYears}年末位)`,
            value: (u) => (u.eliminationFlag ? '是' : ''),
            width: 22,
          },
          ...result.criteria.flatMap((c, i): XlsxColumn<RankingUnitRow>[] => [
            { header: `${c.name}(${c.unit})`, value: (u) => u.items[i].value, width: 22 },
            { header: `${c.name}得分(权重${c.weight})`, value: (u) => u.items[i].points, width: 22 },
            {
              header: `${c.name}标记`,
              value: (u) => (u.items[i].flag ? FLAG_NAMES[u.items[i].flag!] : null),
              width: 12,
            },
          ]),
        ];
        return sendXlsx(
          reply,
          `${result.schemeName}-${result.year}.xlsx`,
          `${result.year}年排名`,
          columns,
          oneBatch(result.units),
        );
      },
    );
  };
}
