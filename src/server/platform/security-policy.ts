import {
  DEFAULT_SECURITY_POLICY,
  type SecurityPolicy,
  securityPolicySchema,
} from '../../domain/password-policy';
import type { Tx } from '../db/client';
import { findSetting, saveSetting } from './settings-repo';

const KEY = 'security-policy';
const TTL_MS = 5_000;
let cached: { at: number; value: SecurityPolicy } | undefined;

/** Read often (every request checks session timeouts), changed rarely: cached for a few seconds. */
export async function getSecurityPolicy(tx: Tx): Promise<SecurityPolicy> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
  const row = await findSetting(tx, KEY);
  const parsed = securityPolicySchema.safeParse(row?.value);
  const value = parsed.success ? parsed.data : DEFAULT_SECURITY_POLICY;
  cached = { at: Date.now(), value };
  return value;
}

export async function saveSecurityPolicy(tx: Tx, value: SecurityPolicy): Promise<void> {
  await saveSetting(tx, KEY, value);
  cached = undefined;
}

export function forgetCachedSecurityPolicy() {
  cached = undefined;
}
