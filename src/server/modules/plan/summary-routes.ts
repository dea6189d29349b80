import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/access';
import { auditRead } from '../../platform/audit-trail';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { loadStatedShares } from './summary-check';
import { renderSummaryDocx } from './summary-docx';
import { buildSummaryDoc } from './summary-model';
import { indicatorValues } from './values-service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const summaryQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  /** Defaults to the city, or to a county user's own county. */
  region: z.string().max(16).optional(),
});

/**
 * GET /reports/annual-summary.docx — the year's work summary figures as a Word document, every
 * number taken from `indicatorValues` at the end of the year (or today within the current year).
 */
export function summaryRoutes(deps: Deps) {
  const statedShares = loadStatedShares(process.env.KECHUANG_CITY ?? 'quanzhou');
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/reports/annual-summary.docx',
      { config: { access: 'plan.read' }, schema: { tags: ['plan'], querystring: summaryQuerySchema } },
      async (req, reply) => {
        const { year, region } = req.query;
        const values = await indicatorValues(deps, actorOf(req), { year, region });
        await auditRead(req, { action: 'plan.summary.download', object: { type: 'report' } });
        const city = deps.regions.rows.find((x) => x.level === 'city')!;
        const doc = buildSummaryDoc({
          year,
          asOf: values.asOf,
          generatedOn: clock.today(),
          regionCode: values.region,
          regionName: deps.regions.get(values.region)?.name ?? values.region,
          cityCode: city.code,
          rows: values.items,
          statedShares,
        });
        const buffer = await renderSummaryDocx(doc);
        const filename = `科技创新工作总结-${year}.docx`;
        return reply
          .header('content-type', DOCX)
          .header(
            'content-disposition',
            `attachment; filename="annual-summary-${year}.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
          )
          .send(buffer);
      },
    );
  };
}
