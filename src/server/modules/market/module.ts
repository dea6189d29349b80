import type { ServerModule } from '../index';
import { loadDemoMarket } from './demo';
import { publicMarketRoutes } from './public-routes';
import { marketRoutes } from './routes';

/** 技术市场 (product.md module 4; issue 12's market half). */
export const marketModule: ServerModule = {
  name: 'market',
  prefix: 'market',
  routes: marketRoutes,
  publicRoutes: publicMarketRoutes,
  demo: async (ctx) => {
    const { intended: _pairs, ...summary } = await loadDemoMarket(ctx);
    return summary;
  },
};
