import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listResponse } from '../../../domain/contracts/common';
import {
  publicAchievementSchema,
  publicDemandSchema,
  publicListQuerySchema,
} from '../../../domain/contracts/market';
import type { Deps } from '../../platform/deps';
import { pageOf } from '../../platform/listing';
import { countPublicAchievements, publicAchievements } from './achievements-repo';
import { countPublicDemands, publicDemands } from './demands-repo';

const tags = ['market'];
/** Anonymous readers: generous for a person browsing, a wall for a scraper. */
const rateLimit = { max: 60, timeWindow: '1 minute' };

/** /api/v1/public/market: published listings without contacts or confidential parts. */
export function publicMarketRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'public' as const, rateLimit };
    r.get(
      '/achievements',
      {
        config,
        schema: {
          tags,
          querystring: publicListQuerySchema,
          response: { 200: listResponse(publicAchievementSchema) },
        },
      },
      async (req) => {
        const { limit, offset } = pageOf(req.query);
        const [items, total] = await Promise.all([
          publicAchievements(deps.db, req.query, limit, offset),
          countPublicAchievements(deps.db, req.query),
        ]);
        return { items, total };
      },
    );
    r.get(
      '/demands',
      {
        config,
        schema: {
          tags,
          querystring: publicListQuerySchema,
          response: { 200: listResponse(publicDemandSchema) },
        },
      },
      async (req) => {
        const { limit, offset } = pageOf(req.query);
        const [items, total] = await Promise.all([
          publicDemands(deps.db, req.query, limit, offset),
          countPublicDemands(deps.db, req.query),
        ]);
        return { items, total };
      },
    );
  };
}
