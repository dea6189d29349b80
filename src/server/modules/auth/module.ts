import type { ServerModule } from '../index';
import { authRoutes } from './routes';

export const authModule: ServerModule = { name: 'auth', prefix: 'auth', routes: authRoutes };
