import type { ServerModule } from '../index';
import { loadDemoPatents } from './demo';
import { loadDemoCases } from './demo-cases';
import { ipRoutes } from './routes';

/** 知识产权 (product.md module 5): patents from records, their import and applicant matching;
 * patent enforcement cases. */
export const ipModule: ServerModule = {
  name: 'ip',
  prefix: 'ip',
  routes: ipRoutes,
  demo: async ({ db, regions }) => ({
    ...(await loadDemoPatents(db, regions)),
    ...(await loadDemoCases(db)),
  }),
};
