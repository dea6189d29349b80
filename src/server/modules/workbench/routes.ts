import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dataYearsSchema, workbenchSchema } from '../../../domain/contracts/workbench';
import { actorOf } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { dataYears, EXPIRING_DAYS, workbench } from './service';

/** Everything under /api/v1/workbench. */
export function workbenchRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['workbench'];

    r.get(
      '',
      {
        config: { access: 'signed-in', revalidate: true },
        schema: {
          tags,
          summary: '工作台：待办计数（按本人权限与管辖范围） / To-do counts within the user’s scope',
          response: { 200: workbenchSchema },
        },
      },
      async (req) => ({ items: await workbench(deps, actorOf(req)), expiringDays: EXPIRING_DAYS }),
    );

    r.get(
      '/data-years',
      {
        config: { access: 'signed-in', revalidate: true },
        schema: {
          tags,
          summary: '有数据的年份及默认年份（最新有数据年份） / Years with data and the default year',
          response: { 200: dataYearsSchema },
        },
      },
      async () => dataYears(deps),
    );
  };
}
