import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema } from '../../../domain/contracts/common';
import {
  callBodySchema,
  callDetailSchema,
  eventBodySchema,
  eventDetailSchema,
  proposalBodySchema,
  proposalParamSchema,
} from '../../../domain/contracts/market';
import { actorOf, auditContext } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { listRoutes } from '../../platform/list-kit';
import { changes, creates, reads, recordRoutes } from '../../platform/record-kit';
import { callDetail, closeCall, createCall, decideProposal, propose } from './calls-service';
import { createEvent, eventDetail } from './events-service';
import { CALLS_LIST, EVENTS_LIST } from './lists';

const tags = ['market'];

/** 揭榜/燎原 calls with their proposals, and 推介会 events. */
export function callRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { access: 'market.read' as const };
    listRoutes(app, deps, CALLS_LIST);
    listRoutes(app, deps, EVENTS_LIST);

    recordRoutes(app, deps, {
      path: '/calls',
      tags,
      read: 'market.read',
      write: 'market.manage',
      get: reads({ response: callDetailSchema, run: callDetail }),
      create: creates({ body: callBodySchema, response: callDetailSchema, run: createCall }),
      moves: {
        close: changes({
          response: callDetailSchema,
          run: (deps, audit, actor, id) => closeCall(deps, audit, actor, id),
        }),
      },
    });
    r.post(
      '/calls/:id/proposals',
      {
        config: { access: 'market.post' as const },
        schema: {
          tags,
          params: idParamSchema,
          body: proposalBodySchema,
          response: { 201: callDetailSchema },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await propose(deps, auditContext(req), actorOf(req), req.params.id, req.body)),
    );
    for (const decision of ['shortlist', 'pick'] as const) {
      r.post(
        `/calls/:id/proposals/:proposalId/${decision}`,
        { config: read, schema: { tags, params: proposalParamSchema, response: { 200: callDetailSchema } } },
        async (req) =>
          decideProposal(
            deps,
            auditContext(req),
            actorOf(req),
            req.params.id,
            req.params.proposalId,
            decision,
          ),
      );
    }

    recordRoutes(app, deps, {
      path: '/events',
      tags,
      read: 'market.read',
      write: 'market.manage',
      get: reads({ response: eventDetailSchema, run: eventDetail }),
      create: creates({ body: eventBodySchema, response: eventDetailSchema, run: createEvent }),
    });
  };
}
