import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../../domain/contracts/common';
import {
  matchCreateSchema,
  matchItemSchema,
  matchTransitionSchema,
  rankedListSchema,
} from '../../../domain/contracts/market';
import { actorOf, auditContext } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { listRoutes } from '../../platform/list-kit';
import { MATCHES_LIST } from './lists';
import { createMatch, rankedFor, transitionMatch } from './matches-service';

const tags = ['market'];
const rankQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

/** Ranked counterparts of a demand or an achievement, and the matches taken up from them. */
export function matchRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'market.read' as const };
    listRoutes(app, deps, MATCHES_LIST);
    for (const side of ['demand', 'achievement'] as const) {
      r.get(
        `/${side}s/:id/matches`,
        {
          config,
          schema: {
            tags,
            params: idParamSchema,
            querystring: rankQuery,
            response: { 200: rankedListSchema },
          },
        },
        async (req) => rankedFor(deps, actorOf(req), side, req.params.id, req.query.limit),
      );
      r.post(
        `/${side}s/:id/matches`,
        {
          config,
          schema: {
            tags,
            params: idParamSchema,
            body: matchCreateSchema,
            response: { 201: matchItemSchema },
          },
        },
        async (req, reply) =>
          reply
            .status(201)
            .send(await createMatch(deps, auditContext(req), actorOf(req), side, req.params.id, req.body)),
      );
    }
    r.post(
      '/matches/:id/transition',
      {
        config,
        schema: {
          tags,
          params: idParamSchema,
          body: matchTransitionSchema,
          response: { 200: matchItemSchema },
        },
      },
      async (req) => transitionMatch(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );
  };
}
