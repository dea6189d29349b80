import type { ServerModule } from '../index';
import { loadDemoFinance } from './demo';
import { financeRoutes } from './routes';

/** 科技金融 (product.md module 6; patent pledges of issue 13). */
export const financeModule: ServerModule = {
  name: 'finance',
  prefix: 'finance',
  routes: financeRoutes,
  demo: ({ db }) => loadDemoFinance(db),
};
