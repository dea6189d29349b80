import { seedDemoAccounts } from '../../db/seed/demo-accounts';
import type { ServerModule } from '../index';
import { adminRoutes } from './routes';

export const adminModule: ServerModule = {
  name: 'admin',
  prefix: 'admin',
  routes: adminRoutes,
  // One account per role; the registry's demo organisations must exist first.
  demo: async ({ db, demoPassword }) => {
    const created = await seedDemoAccounts(db, demoPassword);
    return {
      accounts: created.map((a) => ({ username: a.username, role: a.role, displayName: a.displayName })),
    };
  },
};
