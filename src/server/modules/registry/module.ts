import { generateDemoData } from '../../db/demo';
import type { ServerModule } from '../index';
import { registryRoutes } from './routes';

export const registryModule: ServerModule = {
  name: 'registry',
  prefix: 'registry',
  routes: registryRoutes,
  demo: ({ db }) => generateDemoData(db),
};
