import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { importResultSchema } from '../../../domain/contracts/market';
import { actorOf, auditContext } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { readUpload } from '../../platform/uploads';
import { importTemplate } from './import';
import { importAchievements } from './import-service';

const tags = ['market'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel import of achievements (蓝火 batches), with its template. */
export function importRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'market.manage' as const };
    r.get('/achievements/import-template.xlsx', { config, schema: { tags } }, async (_req, reply) =>
      reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent('科技成果导入模板.xlsx')}`,
        )
        .send(await importTemplate()),
    );
    r.post(
      '/achievements/import',
      { config, schema: { tags, response: { 200: importResultSchema } } },
      async (req) => {
        const { file } = await readUpload(req);
        return importAchievements(deps, auditContext(req), actorOf(req), file);
      },
    );
  };
}
