/**
 * Creates (or resets) an administrator account: the only way to manage the three administrator
 * roles (三员分立), and how a PostgreSQL deployment gets its first users.
 *
 *   npm run admin:create -- <username> [sysadmin|secadmin|auditadmin] [--reset]
 *
 * Prints a generated one-time password, which the user must change at first sign-in, and the
 * account's second factor: the TOTP secret (with its otpauth URI, for any authenticator app) and
 * recovery codes. A reset issues a new password and a new secret.
 */

import { USERNAME_PATTERN } from '../../domain/contracts/admin';
import { ADMIN_ROLES, type AdminRole, ROLE_NAMES } from '../../domain/roles';
import { readConfig } from '../config';
import { DataDirLockedError, type Db, openDatabase } from '../db/client';
import { loadReferenceData } from '../db/seed/reference';
import { generateInitialPassword } from '../modules/admin/users-service';
import { enrolDirectly } from '../modules/auth/mfa-service';
import { otpauthUri } from '../modules/auth/totp';
import { writeAudit } from '../platform/audit';
import { resolveCryptoProfile } from '../platform/crypto-profile';
import { hashPassword } from '../platform/passwords';
import { installSecretKey, loadSecretKey } from '../platform/secret-box';
import { endUserSessions } from '../platform/sessions';
import { findAccount, insertAccount, resetAccountPassword } from './admin-create-repo';

function usage(message: string): never {
  console.error(
    `${message}\n用法 Usage: npm run admin:create -- <username> [${ADMIN_ROLES.join('|')}] [--reset]`,
  );
  process.exit(2);
}

async function main() {
  const args = process.argv.slice(2);
  const reset = args.includes('--reset');
  const [username, roleArg = 'sysadmin'] = args.filter((a) => !a.startsWith('--'));
  if (!username || !USERNAME_PATTERN.test(username))
    usage('请给出用户名（小写字母、数字、点、横线，3–64 位）');
  if (!(ADMIN_ROLES as readonly string[]).includes(roleArg)) usage(`角色须为 ${ADMIN_ROLES.join(', ')}`);
  const role = roleArg as AdminRole;

  const config = readConfig();
  // Read before the database opens, so a missing key stops the start before anything is written.
  const secretKey = loadSecretKey({
    env: process.env,
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  });
  // Under the start-up lock, as a server's start: it may run while servers start.
  const setUp = async (db: Db) => {
    installSecretKey(secretKey, await resolveCryptoProfile(db, process.env));
    await loadReferenceData(db, config.city);
  };
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl, setUp } : { dataDir: config.dataDir, setUp },
  ).catch((e) => {
    if (e instanceof DataDirLockedError) usage(e.message);
    throw e;
  });
  try {
    const password = generateInitialPassword();
    const passwordHash = await hashPassword(password);
    const ctx = { actor: undefined, ip: 'cli', requestId: 'admin:create' };
    const factor = await database.db.transaction(async (tx) => {
      const existing = await findAccount(tx, username);
      if (existing && !reset) usage(`用户 ${username} 已存在；要重置其密码请加 --reset`);
      if (existing) {
        if (existing.role !== role) usage(`用户 ${username} 的角色是 ${existing.role}，不是 ${role}`);
        await resetAccountPassword(tx, existing.id, passwordHash);
        await endUserSessions(tx, existing.id, 'password-reset');
        await writeAudit(tx, ctx, {
          action: 'user.reset-password',
          targetType: 'user',
          targetId: existing.id,
          actorUsername: 'cli',
        });
        return enrolDirectly(tx, existing.id);
      }
      {
        const created = await insertAccount(tx, {
          username,
          displayName: ROLE_NAMES[role].zh,
          role,
          passwordHash,
          mustChangePassword: true,
        });
        await writeAudit(tx, ctx, {
          action: 'user.create',
          targetType: 'user',
          targetId: created.id,
          actorUsername: 'cli',
          after: { username, role },
        });
        return enrolDirectly(tx, created.id);
      }
    });
    console.log(`${reset ? '已重置' : '已创建'} ${ROLE_NAMES[role].zh} ${username}`);
    console.log(`一次性密码 One-time password: ${password}`);
    console.log('首次登录后须修改密码。The password must be changed at first sign-in.');
    console.log(`\n双因素密钥 TOTP secret (any authenticator app): ${factor.secret}`);
    console.log(`  ${otpauthUri(factor.secret, username)}`);
    console.log('恢复码（各用一次）Recovery codes (one use each):');
    for (const code of factor.recoveryCodes) console.log(`  ${code}`);
    console.log('请当面或以安全方式交给本人。Hand these to the user in person or by a secure channel.');
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
