import type { ServerModule } from '../index';
import { loadDemoContracts } from './demo';
import { contractRoutes, publicContractRoutes } from './routes';

/** 技术合同认定登记 (product.md module 4, the registration half of the technology market). */
export const contractsModule: ServerModule = {
  name: 'contracts',
  prefix: 'contracts',
  routes: contractRoutes,
  publicRoutes: publicContractRoutes,
  demo: ({ db, regions }) => loadDemoContracts(db, regions),
};
