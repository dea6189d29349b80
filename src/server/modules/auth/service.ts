import type { Me } from '../../../domain/contracts/auth';
import { msg } from '../../../domain/message';
import { passwordPolicyProblem } from '../../../domain/password-policy';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { AppError, invalid } from '../../platform/errors';
import { hashPassword, verifyPassword } from '../../platform/passwords';
import { getSecurityPolicy } from '../../platform/security-policy';
import { createSession, endSession, endUserSessions } from '../../platform/sessions';
import {
  clearThrottle,
  countFailedSignIn,
  findThrottle,
  findUserById,
  findUserByUsername,
  lockUsername,
  recordSignIn,
  setOwnPassword,
} from './auth-repo';
import { mfaRequired, startChallenge } from './mfa-service';

export type LoginOutcome =
  | { kind: 'session'; token: string }
  | { kind: 'mfa'; challenge: string; enrol: boolean };

const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', msg('用户名或密码错误', 'Wrong username or password'));

const locked = (until: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(
    423,
    'account_locked',
    msg(
      `登录失败次数过多，账户已锁定，请 ${minutes} 分钟后再试`,
      `Too many failed sign-ins: the account is locked; try again in ${minutes} minute(s)`,
    ),
  );
};

/**
 * Signs a user in. Unknown usernames, disabled accounts and wrong passwords all answer alike, and
 * failures are counted per username typed, so neither the answer nor the lockout reveals whether
 * an account exists.
 */
export async function login(
  db: Db,
  ctx: AuditContext & { userAgent?: string },
  username: string,
  password: string,
): Promise<LoginOutcome> {
  const name = username.trim().toLowerCase();
  const policy = await getSecurityPolicy(db);
  const throttle = await findThrottle(db, name);
  if (throttle?.lockedUntil && throttle.lockedUntil.getTime() > Date.now()) {
    await db.transaction((tx) =>
      writeAudit(tx, ctx, {
        action: 'auth.login',
        outcome: 'failure',
        actorUsername: name,
        after: { reason: 'locked' },
      }),
    );
    throw locked(throttle.lockedUntil);
  }
  const user = await findUserByUsername(db, name);
  const passwordOk = await verifyPassword(user?.passwordHash, password);
  if (!user || !passwordOk || user.status !== 'active') {
    const reason = !user ? 'unknown-user' : !passwordOk ? 'wrong-password' : 'disabled';
    const lockedUntil = await db.transaction(async (tx) => {
      const row = await countFailedSignIn(tx, name);
      await writeAudit(tx, ctx, {
        action: 'auth.login',
        outcome: 'failure',
        actorUsername: name,
        targetType: user ? 'user' : undefined,
        targetId: user?.id,
        after: { reason, failures: row.failures },
      });
      if (row.failures < policy.lockoutThreshold) return null;
      const until = new Date(Date.now() + policy.lockoutMinutes * 60_000);
      await lockUsername(tx, name, until);
      await writeAudit(tx, ctx, {
        action: 'auth.lockout',
        outcome: 'failure',
        actorUsername: name,
        targetType: user ? 'user' : undefined,
        targetId: user?.id,
        after: { lockedUntil: until.toISOString(), failures: row.failures },
      });
      return until;
    });
    throw lockedUntil ? locked(lockedUntil) : invalidCredentials();
  }
  if (!user.role) {
    // Created by the system administrator and not yet given a role by the security administrator.
    await db.transaction((tx) =>
      writeAudit(tx, ctx, {
        action: 'auth.login',
        outcome: 'failure',
        actorUsername: name,
        targetType: 'user',
        targetId: user.id,
        after: { reason: 'no-role' },
      }),
    );
    throw new AppError(
      403,
      'no_role',
      msg(
        '账户尚未授予角色，请联系安全管理员',
        'The account has no role yet: ask the security administrator',
      ),
    );
  }
  const role = user.role;
  if (mfaRequired(user, policy)) {
    return db.transaction(async (tx) => {
      await clearThrottle(tx, name);
      const challenge = await startChallenge(tx, user.id);
      await writeAudit(
        tx,
        { ...ctx, actor: { id: user.id, username: user.username, role } },
        { action: 'auth.password-ok', targetType: 'user', targetId: user.id, after: { next: 'mfa' } },
      );
      return { kind: 'mfa' as const, challenge, enrol: !user.totpSecret };
    });
  }
  return db.transaction(async (tx) => {
    await clearThrottle(tx, name);
    await recordSignIn(tx, user.id);
    const session = await createSession(tx, user.id, ctx.ip ?? '', ctx.userAgent);
    await writeAudit(
      tx,
      { ...ctx, actor: { id: user.id, username: user.username, role } },
      { action: 'auth.login', targetType: 'user', targetId: user.id },
    );
    return { kind: 'session' as const, token: session.token };
  });
}

export async function logout(db: Db, ctx: AuditContext, actor: Actor) {
  await db.transaction(async (tx) => {
    await endSession(tx, actor.sessionId, 'logout');
    await writeAudit(tx, ctx, { action: 'auth.logout', targetType: 'user', targetId: actor.id });
  });
}

export async function changeOwnPassword(
  db: Db,
  ctx: AuditContext,
  actor: Actor,
  current: string,
  next: string,
) {
  const user = await findUserById(db, actor.id);
  if (!(await verifyPassword(user.passwordHash, current))) {
    throw invalid('currentPassword', msg('当前密码不正确', 'The current password is wrong'));
  }
  const problem = passwordPolicyProblem(next, await getSecurityPolicy(db), user.username);
  if (problem) throw invalid('newPassword', problem);
  if (await verifyPassword(user.passwordHash, next)) {
    throw invalid(
      'newPassword',
      msg('新密码不能与当前密码相同', 'The new password must differ from the current one'),
    );
  }
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await setOwnPassword(tx, actor.id, passwordHash);
    await endUserSessions(tx, actor.id, 'password-changed', actor.sessionId);
    await writeAudit(tx, ctx, { action: 'auth.password-change', targetType: 'user', targetId: actor.id });
  });
}

export function presentMe(actor: Actor): Me {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    regionCode: actor.regionCode ?? undefined,
    orgId: actor.orgId ?? undefined,
    parkId: actor.parkId ?? undefined,
    departmentId: actor.departmentId ?? undefined,
    mustChangePassword: actor.mustChangePassword,
    abilities: [...actor.permissions].sort(),
  };
}
