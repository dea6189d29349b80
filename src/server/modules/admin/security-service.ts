import { msg } from '../../../domain/message';
import type { SecurityPolicy } from '../../../domain/password-policy';
import {
  isPermission,
  PERMISSIONS,
  type Permission,
  ROLE_CODES,
  ROLE_NAMES,
  ROLE_SCOPE,
  type RoleCode,
  separationOfDutiesViolations,
} from '../../../domain/roles';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import type { AuditContext } from '../../platform/audit';
import { writeAudit } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { getSecurityPolicy, saveSecurityPolicy } from '../../platform/security-policy';
import { endSession, endUserSessions } from '../../platform/sessions';
import { clearEnrolment } from '../auth/mfa-service';
import {
  findOpenSessionByPrefix,
  findRole,
  listRoleRows,
  type OpenSessionRow,
  setRolePermissions,
} from './security-repo';
import { userExists } from './users-repo';

export async function listRoles(db: Db) {
  const rows = await listRoleRows(db);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return ROLE_CODES.filter((c) => byCode.has(c)).map((code) => {
    const row = byCode.get(code)!;
    return {
      code,
      name: ROLE_NAMES[code].zh,
      nameEn: ROLE_NAMES[code].en,
      scope: ROLE_SCOPE[code],
      permissions: row.permissions.filter(isPermission),
      userCount: row.userCount,
    };
  });
}

export function listPermissions() {
  return Object.entries(PERMISSIONS).map(([code, p]) => ({
    code,
    name: p.name.zh,
    nameEn: p.name.en,
    group: p.group,
  }));
}

export async function updateRolePermissions(
  db: Db,
  ctx: AuditContext,
  code: RoleCode,
  permissions: Permission[],
) {
  const wanted = [...new Set(permissions)].sort();
  const violations = separationOfDutiesViolations(code, wanted);
  if (violations.length > 0) {
    const names = violations.map((p) => PERMISSIONS[p].name);
    throw new AppError(
      400,
      'separation_of_duties',
      msg(
        `三员分立：${ROLE_NAMES[code].zh}不能拥有 ${names.map((n) => n.zh).join('、')}`,
        `Separation of duties: ${ROLE_NAMES[code].en} cannot hold ${names.map((n) => n.en).join(', ')}`,
      ),
      'permissions',
    );
  }
  await db.transaction(async (tx) => {
    const before = await findRole(tx, code);
    if (!before) throw notFound(msg('角色', 'role'));
    await setRolePermissions(tx, code, wanted);
    await writeAudit(tx, ctx, {
      action: 'role.update',
      targetType: 'role',
      targetId: code,
      before: { permissions: before.permissions },
      after: { permissions: wanted },
    });
  });
  return (await listRoles(db)).find((r) => r.code === code)!;
}

export async function updateSecurityPolicy(db: Db, ctx: AuditContext, value: SecurityPolicy) {
  await db.transaction(async (tx) => {
    const before = await getSecurityPolicy(tx);
    await saveSecurityPolicy(tx, value);
    await writeAudit(tx, ctx, {
      action: 'security-policy.update',
      targetType: 'settings',
      targetId: 'security-policy',
      before,
      after: value,
    });
  });
  return value;
}

/** A session as the list shows it: the id is the hash of the cookie, and only a prefix is shown. */
export function presentSession(s: OpenSessionRow) {
  return {
    ...s,
    id: s.id.slice(0, 16),
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
  };
}

export async function forceLogout(db: Db, ctx: AuditContext, idPrefix: string) {
  await db.transaction(async (tx) => {
    const row = await findOpenSessionByPrefix(tx, idPrefix);
    if (!row) throw notFound(msg('会话', 'session'));
    await endSession(tx, row.id, 'forced');
    await writeAudit(tx, ctx, { action: 'session.force-logout', targetType: 'user', targetId: row.userId });
  });
}

/** Forgets an account's authenticator and recovery codes and ends its sessions; audited. */
export async function resetSecondFactor(db: Db, ctx: AuditContext, actor: Actor, id: string) {
  if (id === actor.id)
    throw new AppError(
      403,
      'own_account',
      msg('不能重置自己的身份验证器', 'You cannot reset your own authenticator'),
    );
  await db.transaction(async (tx) => {
    if (!(await userExists(tx, id))) throw notFound(msg('用户', 'user'));
    await clearEnrolment(tx, id);
    await endUserSessions(tx, id, 'second-factor-reset');
    await writeAudit(tx, ctx, { action: 'user.reset-second-factor', targetType: 'user', targetId: id });
  });
}
