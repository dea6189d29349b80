import type { ServerModule } from '../index';
import { CATALOGUE } from './catalogue';
import { catalogueProblems } from './catalogue-check';
import { COMPUTED } from './computed-sql';
import { loadDemoPlan } from './demo-plan';
import { planRoutes } from './routes';

export const planModule: ServerModule = {
  name: 'plan',
  prefix: 'plan',
  routes: planRoutes,
  demo: ({ db, regions }) => loadDemoPlan(db, regions),
  check: () => catalogueProblems(CATALOGUE, COMPUTED),
};
