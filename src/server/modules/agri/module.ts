import type { ServerModule } from '../index';
import { loadDemoAgri } from './demo';
import { agriRoutes } from './routes';

/** 农业科技 and 科技特派员 (issue 15): carriers, trainings, commissioners, dispatches, service logs. */
export const agriModule: ServerModule = {
  name: 'agri',
  prefix: 'agri',
  routes: agriRoutes,
  demo: (ctx) => loadDemoAgri(ctx),
};
