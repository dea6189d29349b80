/**
 * The web's one list of feature modules. The menu (and so the routes, the 403 guard and the
 * home-page cards) and the i18n dictionaries are built from it, in this order. Adding a module is
 * one folder under features/ with a feature.ts, and one line here; docs/adding-a-module.md is the
 * recipe.
 */
import { adminFeature } from './admin/feature';
import { agriFeature } from './agri/feature';
import { authFeature } from './auth/feature';
import { contractsFeature } from './contracts/feature';
import { creditFeature } from './credit/feature';
import { financeFeature } from './finance/feature';
import { ipFeature } from './ip/feature';
import { marketFeature } from './market/feature';
import { onboardingFeature } from './onboarding/feature';
import { planFeature } from './plan/feature';
import { policiesFeature } from './policies/feature';
import { portalFeature } from './portal/feature';
import { projectsFeature } from './projects/feature';
import { registryFeature } from './registry/feature';

export const FEATURES = [
  authFeature,
  adminFeature,
  registryFeature,
  planFeature,
  projectsFeature,
  policiesFeature,
  creditFeature,
  marketFeature,
  contractsFeature,
  ipFeature,
  financeFeature,
  agriFeature,
  portalFeature,
  onboardingFeature,
] as const;

type Feature = (typeof FEATURES)[number];
/** The features whose pages sit under one expandable item of the side menu. */
export type GroupedFeature = Extract<Feature, { group: unknown }>;

type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every feature's Chinese texts in one dictionary (app/i18n/zh.ts adds the app's own). */
export const FEATURES_ZH = Object.assign({}, ...FEATURES.map((f) => f.zh)) as Intersection<Feature['zh']>;
/** The same keys in English. */
export const FEATURES_EN = Object.assign({}, ...FEATURES.map((f) => f.en)) as Record<
  keyof typeof FEATURES_ZH,
  string
>;
