import type { ServerModule } from '../index';
import { referenceRoutes } from './routes';

export const referenceModule: ServerModule = {
  name: 'reference',
  prefix: 'reference',
  routes: referenceRoutes,
};
