/**
 * The cryptographic profile is chosen once, at installation: KECHUANG_CRYPTO_PROFILE=gm on the
 * first start selects the 国密 profile (GB/T 39786: SM3 audit chain, SM4 for secrets and personal
 * identifiers). It is recorded in the database, since an audit chain cannot change digest midway.
 */
import type { Db } from '../db/client';
import { hasAuditEntries } from './audit-repo';
import type { CryptoProfile } from './secret-box';
import { findSetting, insertSettingIfAbsent } from './settings-repo';

const KEY = 'crypto-profile';

export async function resolveCryptoProfile(db: Db, env: NodeJS.ProcessEnv): Promise<CryptoProfile> {
  const wanted = env.KECHUANG_CRYPTO_PROFILE;
  if (wanted && wanted !== 'gm' && wanted !== 'standard') {
    throw new Error('KECHUANG_CRYPTO_PROFILE must be "gm" or "standard"');
  }
  const row = await findSetting(db, KEY);
  if (row) {
    const stored = row.value as CryptoProfile;
    if (wanted && wanted !== stored) {
      throw new Error(
        `本安装的密码配置为 ${stored}，安装后不能更改 · This installation uses the ${stored} profile, chosen at installation; it cannot be changed`,
      );
    }
    return stored;
  }
  // An installation that already has an audit chain predates the choice: it stays standard.
  if ((await hasAuditEntries(db)) && wanted === 'gm') {
    throw new Error(
      '国密配置须在首次启动时选择 · The 国密 (gm) profile can only be chosen on a new installation',
    );
  }
  const chosen: CryptoProfile = wanted === 'gm' ? 'gm' : 'standard';
  await insertSettingIfAbsent(db, KEY, chosen);
  return chosen;
}
