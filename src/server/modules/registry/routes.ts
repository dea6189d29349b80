import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import { orgRoutes } from './orgs-routes';
import { qualificationRoutes } from './qualifications-routes';

/** Everything under /api/v1/registry. */
export function registryRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    await app.register(orgRoutes(deps));
    await app.register(qualificationRoutes(deps));
  };
}
