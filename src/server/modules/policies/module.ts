import type { ServerModule } from '../index';
import { loadDemoPolicies } from './demo';
import { policyRoutes, publicPolicyRoutes } from './routes';

/** 政策文件库 (product.md module 7, the document library). */
export const policiesModule: ServerModule = {
  name: 'policies',
  prefix: 'policies',
  routes: policyRoutes,
  publicRoutes: publicPolicyRoutes,
  demo: ({ db, regions }) => loadDemoPolicies(db, regions),
};
