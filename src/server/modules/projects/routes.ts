import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import { applicationRoutes } from './applications-routes';
import { attachmentRoutes } from './attachments-routes';
import { callRoutes } from './calls-routes';
import { notificationRoutes } from './notifications-routes';
import { reportRoutes } from './reports-routes';
import { reviewRoutes } from './review-routes';

/** Everything under /api/v1/projects. */
export function projectRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    await app.register(callRoutes(deps));
    await app.register(applicationRoutes(deps));
    await app.register(attachmentRoutes(deps));
    await app.register(reportRoutes(deps));
    await app.register(notificationRoutes(deps));
    await app.register(reviewRoutes(deps));
  };
}
