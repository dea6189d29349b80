import type { ServerModule } from '../index';
import { workbenchRoutes } from './routes';

/** 工作台: each user's to-do counts, and the default year every page opens on. */
export const workbenchModule: ServerModule = {
  name: 'workbench',
  prefix: 'workbench',
  routes: workbenchRoutes,
};
