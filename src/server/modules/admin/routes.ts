import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import { auditRoutes } from './audit-routes';
import { departmentRoutes } from './departments-routes';
import { securityRoutes } from './security-routes';
import { userRoutes } from './users-routes';

export function adminRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    await app.register(userRoutes(deps));
    await app.register(departmentRoutes(deps));
    await app.register(securityRoutes(deps));
    await app.register(auditRoutes(deps));
  };
}
