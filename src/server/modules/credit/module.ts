import type { ServerModule } from '../index';
import { loadDemoCredit } from './demo';
import { creditRoutes } from './routes';

/** 科研诚信: credit (misconduct) records that block applications, benefits and expert draws. */
export const creditModule: ServerModule = {
  name: 'credit',
  prefix: 'credit',
  routes: creditRoutes,
  demo: ({ db }) => loadDemoCredit(db),
};
