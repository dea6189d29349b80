import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import { applicationRoutes } from './applications/applications-routes';
import { attachmentRoutes } from './applications/attachments-routes';
import { batchRoutes } from './applications/batch-routes';
import { submissionRoutes } from './applications/submissions-routes';
import { callRoutes } from './calls/calls-routes';
import { notificationRoutes } from './notifications/notifications-routes';
import { reportRoutes } from './reports/reports-routes';
import { reviewRoutes } from './review/review-routes';

/** Everything under /api/v1/projects. */
export function projectRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    await app.register(callRoutes(deps));
    await app.register(applicationRoutes(deps));
    await app.register(batchRoutes(deps));
    await app.register(attachmentRoutes(deps));
    await app.register(submissionRoutes(deps));
    await app.register(reportRoutes(deps));
    await app.register(notificationRoutes(deps));
    await app.register(reviewRoutes(deps));
  };
}
