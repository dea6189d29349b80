import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import { carrierRoutes } from './carriers-routes';
import { importRoutes } from './import/routes';
import { orgRoutes } from './orgs-routes';
import { parkRoutes } from './parks-routes';
import { platformRoutes } from './platforms-routes';
import { qualificationRoutes } from './qualifications-routes';

/** Everything under /api/v1/registry. */
export function registryRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    await app.register(orgRoutes(deps));
    await app.register(qualificationRoutes(deps));
    await app.register(platformRoutes(deps));
    await app.register(carrierRoutes(deps));
    await app.register(importRoutes(deps));
    await app.register(parkRoutes(deps));
  };
}
