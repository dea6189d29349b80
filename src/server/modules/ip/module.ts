import type { ServerModule } from '../index';
import { loadDemoPatents } from './demo';
import { ipRoutes } from './routes';

/** 知识产权 (product.md module 5): patents from records, their import and applicant matching. */
export const ipModule: ServerModule = {
  name: 'ip',
  prefix: 'ip',
  routes: ipRoutes,
  demo: ({ db, regions }) => loadDemoPatents(db, regions),
};
