/**
 * The server's one list of modules. The app registers each module's routes under its prefix, and
 * a new embedded database loads each module's demo data in this order (a module's demo data may
 * rely on the modules above it). Adding a module is one folder under modules/ and one line here;
 * docs/adding-a-module.md is the recipe.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/client';
import type { Deps } from '../platform/deps';
import type { RegionTree } from '../platform/region-tree';
import { adminModule } from './admin/module';
import { agriModule } from './agri/module';
import { authModule } from './auth/module';
import { contractsModule } from './contracts/module';
import { creditModule } from './credit/module';
import { financeModule } from './finance/module';
import { ipModule } from './ip/module';
import { marketModule } from './market/module';
import { onboardingModule, orgAccountsModule } from './onboarding/module';
import { planModule } from './plan/module';
import { policiesModule } from './policies/module';
import { portalModule } from './portal/module';
import { projectsModule } from './projects/module';
import { referenceModule } from './reference/module';
import { registryModule } from './registry/module';
import { workbenchModule } from './workbench/module';

export interface DemoContext {
  db: Db;
  /** Reloaded before each module's loader, so regions added by an earlier loader are seen. */
  regions: RegionTree;
  /** The demo accounts' password (configuration). */
  demoPassword: string;
}

export interface ServerModule {
  /** Stable name; also the last part of the API prefix unless `prefix` says otherwise. */
  name: string;
  /** Mounted at `/api/v1/<prefix>`. */
  prefix: string;
  routes(deps: Deps): FastifyPluginAsync;
  /** Routes anyone may call (access 'public'), mounted at `/api/v1/public/<prefix>`. */
  publicRoutes?(deps: Deps): FastifyPluginAsync;
  /** Where `publicRoutes` go below `/api/v1/public` when not at `prefix` ('' for the portal's own). */
  publicPrefix?: string;
  /** Loads this module's demo data on a new embedded database; returns a summary for the audit. */
  demo?(ctx: DemoContext): Promise<unknown>;
  /** What is inconsistent in the module's own configuration; the app refuses to start if any. */
  check?(): string[];
}

export const MODULES: readonly ServerModule[] = [
  authModule,
  referenceModule,
  registryModule,
  planModule,
  adminModule,
  projectsModule,
  creditModule,
  policiesModule,
  marketModule,
  contractsModule,
  ipModule,
  financeModule,
  agriModule,
  portalModule,
  onboardingModule,
  orgAccountsModule,
  workbenchModule,
];
