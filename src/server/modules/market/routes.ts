import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import {
  achievementBodySchema,
  achievementDetailSchema,
  achievementItemSchema,
  achievementUpdateSchema,
  demandBodySchema,
  demandDetailSchema,
  demandItemSchema,
  demandUpdateSchema,
  interestBodySchema,
  listingActionSchema,
} from '../../../domain/contracts/market';
import type { Actor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { listRoutes } from '../../platform/list-kit';
import {
  type ChangeRoute,
  type CreateRoute,
  changes,
  creates,
  type RecordSpec,
  reads,
  recordRoutes,
} from '../../platform/record-kit';
import {
  achievementDetail,
  actOnAchievement,
  createAchievement,
  updateAchievement,
} from './achievements-service';
import { callRoutes } from './calls-routes';
import { actOnDemand, createDemand, demandDetail, updateDemand } from './demands-service';
import { importRoutes } from './import-routes';
import { ACHIEVEMENTS_LIST, DEMANDS_LIST } from './lists';
import { matchRoutes } from './match-routes';
import { expressInterest } from './matches-service';

/** 成果 or 需求: the same routes, the services of each side, interest answered with the detail. */
const listingRoutes = (
  path: string,
  kind: 'achievement' | 'demand',
  schemas: { body: z.ZodType; update: z.ZodType; item: z.ZodType; detail: z.ZodType },
  run: {
    detail: (deps: Deps, actor: Actor, id: string) => Promise<unknown>;
    create: CreateRoute<z.ZodType, z.ZodType>['run'];
    update: ChangeRoute<z.ZodType, z.ZodType>['run'];
    act: ChangeRoute<z.ZodType, z.ZodType>['run'];
  },
): RecordSpec => ({
  path,
  tags: ['market'],
  // Anyone with the market may list and ask; the services decide what each may change.
  read: 'market.read',
  write: 'market.read',
  get: reads({ response: schemas.detail, run: run.detail }),
  create: creates({ body: schemas.body, response: schemas.item, run: run.create }),
  update: changes({ body: schemas.update, response: schemas.item, run: run.update }),
  moves: {
    actions: changes({ body: listingActionSchema, response: schemas.item, run: run.act }),
    interest: changes({
      body: interestBodySchema,
      response: schemas.detail,
      run: async (deps, audit, actor, id, body) => {
        await expressInterest(deps, audit, actor, kind, id, body.note);
        return run.detail(deps, actor, id);
      },
    }),
  },
});

/** 技术市场: /api/v1/market. */
export function marketRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    listRoutes(app, deps, ACHIEVEMENTS_LIST);
    listRoutes(app, deps, DEMANDS_LIST);
    recordRoutes(
      app,
      deps,
      listingRoutes(
        '/achievements',
        'achievement',
        {
          body: achievementBodySchema,
          update: achievementUpdateSchema,
          item: achievementItemSchema,
          detail: achievementDetailSchema,
        },
        {
          detail: achievementDetail,
          create: createAchievement,
          update: updateAchievement,
          act: actOnAchievement,
        },
      ),
    );
    recordRoutes(
      app,
      deps,
      listingRoutes(
        '/demands',
        'demand',
        {
          body: demandBodySchema,
          update: demandUpdateSchema,
          item: demandItemSchema,
          detail: demandDetailSchema,
        },
        { detail: demandDetail, create: createDemand, update: updateDemand, act: actOnDemand },
      ),
    );

    await app.register(matchRoutes(deps));
    await app.register(callRoutes(deps));
    await app.register(importRoutes(deps));
  };
}
