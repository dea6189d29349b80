import type { ServerModule } from '../index';
import { loadDemoPortal } from './demo';
import { publicPortalRoutes } from './public-routes';
import { portalRoutes } from './routes';

/** 门户 (issue 14's public portal): 公示 and objections, 服务指南, published statistics. */
export const portalModule: ServerModule = {
  name: 'portal',
  prefix: 'portal',
  routes: portalRoutes,
  publicRoutes: publicPortalRoutes,
  /** The portal's public routes are the site's own: /api/v1/public/calls, /notices, … */
  publicPrefix: '',
  demo: loadDemoPortal,
};
