import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, okSchema } from '../../../../domain/contracts/common';
import { notificationListQuerySchema, notificationListSchema } from '../../../../domain/contracts/projects';
import { actorOf } from '../../../platform/access';
import type { Deps } from '../../../platform/deps';
import { listNotifications, markAllRead, markRead } from './notifications';

/** The signed-in user's own in-app notifications. */
export function notificationRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['projects'];
    const config = { access: 'user' as const };

    r.get(
      '/notifications',
      {
        config,
        schema: { tags, querystring: notificationListQuerySchema, response: { 200: notificationListSchema } },
      },
      async (req) => listNotifications(deps, actorOf(req), req.query),
    );

    r.post(
      '/notifications/:id/read',
      { config, schema: { tags, params: idParamSchema, response: { 200: okSchema } } },
      async (req) => markRead(deps, actorOf(req), req.params.id),
    );

    r.post(
      '/notifications/read-all',
      { config, schema: { tags, response: { 200: okSchema } } },
      async (req) => markAllRead(deps, actorOf(req)),
    );
  };
}
