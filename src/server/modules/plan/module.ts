import type { ServerModule } from '../index';
import { loadDemoPlan } from './demo-plan';
import { planRoutes } from './routes';

export const planModule: ServerModule = {
  name: 'plan',
  prefix: 'plan',
  routes: planRoutes,
  demo: ({ db, regions }) => loadDemoPlan(db, regions),
};
