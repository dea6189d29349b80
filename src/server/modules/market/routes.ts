import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema } from '../../../domain/contracts/common';
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
import { actorOf, auditContext } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { listRoutes } from '../../platform/list-kit';
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

const tags = ['market'];

/** 技术市场: /api/v1/market. */
export function marketRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { access: 'market.read' as const };
    listRoutes(app, deps, ACHIEVEMENTS_LIST);
    listRoutes(app, deps, DEMANDS_LIST);

    r.get(
      '/achievements/:id',
      { config: read, schema: { tags, params: idParamSchema, response: { 200: achievementDetailSchema } } },
      async (req) => achievementDetail(deps, actorOf(req), req.params.id),
    );
    r.post(
      '/achievements',
      {
        config: read,
        schema: { tags, body: achievementBodySchema, response: { 201: achievementItemSchema } },
      },
      async (req, reply) =>
        reply.status(201).send(await createAchievement(deps, auditContext(req), actorOf(req), req.body)),
    );
    r.patch(
      '/achievements/:id',
      {
        config: read,
        schema: {
          tags,
          params: idParamSchema,
          body: achievementUpdateSchema,
          response: { 200: achievementItemSchema },
        },
      },
      async (req) => updateAchievement(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/achievements/:id/actions',
      {
        config: read,
        schema: {
          tags,
          params: idParamSchema,
          body: listingActionSchema,
          response: { 200: achievementItemSchema },
        },
      },
      async (req) => actOnAchievement(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/achievements/:id/interest',
      {
        config: read,
        schema: {
          tags,
          params: idParamSchema,
          body: interestBodySchema,
          response: { 200: achievementDetailSchema },
        },
      },
      async (req) => {
        await expressInterest(
          deps,
          auditContext(req),
          actorOf(req),
          'achievement',
          req.params.id,
          req.body.note,
        );
        return achievementDetail(deps, actorOf(req), req.params.id);
      },
    );

    r.get(
      '/demands/:id',
      { config: read, schema: { tags, params: idParamSchema, response: { 200: demandDetailSchema } } },
      async (req) => demandDetail(deps, actorOf(req), req.params.id),
    );
    r.post(
      '/demands',
      { config: read, schema: { tags, body: demandBodySchema, response: { 201: demandItemSchema } } },
      async (req, reply) =>
        reply.status(201).send(await createDemand(deps, auditContext(req), actorOf(req), req.body)),
    );
    r.patch(
      '/demands/:id',
      {
        config: read,
        schema: {
          tags,
          params: idParamSchema,
          body: demandUpdateSchema,
          response: { 200: demandItemSchema },
        },
      },
      async (req) => updateDemand(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/demands/:id/actions',
      {
        config: read,
        schema: {
          tags,
          params: idParamSchema,
          body: listingActionSchema,
          response: { 200: demandItemSchema },
        },
      },
      async (req) => actOnDemand(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/demands/:id/interest',
      {
        config: read,
        schema: {
          tags,
          params: idParamSchema,
          body: interestBodySchema,
          response: { 200: demandDetailSchema },
        },
      },
      async (req) => {
        await expressInterest(deps, auditContext(req), actorOf(req), 'demand', req.params.id, req.body.note);
        return demandDetail(deps, actorOf(req), req.params.id);
      },
    );

    await app.register(matchRoutes(deps));
    await app.register(callRoutes(deps));
    await app.register(importRoutes(deps));
  };
}
