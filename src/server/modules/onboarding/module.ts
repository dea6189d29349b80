import type { ServerModule } from '../index';
import { orgAccountRoutes } from './accounts-routes';
import { loadDemoRegistrations } from './demo';
import { onboardingRoutes, publicOnboardingRoutes } from './routes';

/** 门户与注册 (product.md module 8): self-registration, its review, mail outbox. */
export const onboardingModule: ServerModule = {
  name: 'onboarding',
  prefix: 'onboarding',
  routes: onboardingRoutes,
  publicRoutes: publicOnboardingRoutes,
  demo: (ctx) => loadDemoRegistrations(ctx),
};

/** 单位账号管理: the unit administrator's sub-accounts, /api/v1/org-accounts. */
export const orgAccountsModule: ServerModule = {
  name: 'org-accounts',
  prefix: 'org-accounts',
  routes: orgAccountRoutes,
};
