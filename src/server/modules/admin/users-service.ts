import { randomBytes, randomInt } from 'node:crypto';
import type { z } from 'zod';
import type {
  createUserBodySchema,
  User,
  UserWithPassword,
  updateUserBodySchema,
} from '../../../domain/contracts/admin';
import { msg } from '../../../domain/message';
import { isAdminRole, ROLE_BINDING, type RoleCode } from '../../../domain/roles';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { AppError, conflict, invalid, notFound } from '../../platform/errors';
import { pageOf } from '../../platform/listing';
import { hashPassword } from '../../platform/passwords';
import { endUserSessions } from '../../platform/sessions';
import {
  type UserBinding as Binding,
  clearLoginThrottle,
  countUsers,
  departmentExists,
  findUserById,
  findUserByUsername,
  getUserRow,
  insertUser,
  listUsers,
  organizationExists,
  parkExists,
  setInitialPassword,
  type UserListQuery,
  type UserListRow,
  updateUserProfile,
  updateUserRole,
  updateUserStatus,
} from './users-repo';

type CreateBody = z.infer<typeof createUserBodySchema>;
type UpdateBody = z.infer<typeof updateUserBodySchema>;

const USER = msg('用户', 'user');

export function presentUser(r: UserListRow): User {
  const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
  return {
    ...r,
    role: r.role as RoleCode | null,
    lockedUntil: iso(r.lockedUntil),
    lastLoginAt: iso(r.lastLoginAt),
    createdAt: iso(r.createdAt)!,
  };
}

/**
 * A first password nobody chose: handed to the user once and changed at first sign-in. 18 random
 * characters plus one of each class, so it meets any policy the security administrator can set.
 */
/**
 * One page of accounts, as the users list and secadmin's role grants show them: an account's
 * binding, never a business record.
 */
export async function listUserPage(deps: Deps, q: UserListQuery): Promise<{ items: User[]; total: number }> {
  const { limit, offset } = pageOf(q);
  const [rows, total] = await Promise.all([listUsers(deps.db, q, limit, offset), countUsers(deps.db, q)]);
  return { items: rows.map(presentUser), total };
}

export function generateInitialPassword(): string {
  const pick = (chars: string) => chars[randomInt(chars.length)];
  return `${randomBytes(14).toString('base64url')}${pick('ABCDEFGHJKLMNPQRSTUVWXYZ')}${pick('abcdefghijkmnpqrstuvwxyz')}${pick('23456789')}${pick('#%+=@')}`;
}

/** 三员分立: administrator accounts are created and reset only with `npm run admin:create`. */
function refuseAdminRole(role: string) {
  if (isAdminRole(role)) {
    throw new AppError(
      403,
      'separation_of_duties',
      msg(
        '三员账户（系统、安全、审计管理员）只能通过命令 npm run admin:create 管理',
        'Administrator accounts (system, security, audit) are managed only with npm run admin:create',
      ),
      'role',
    );
  }
}

/** Checks that the role's required binding is there and exists; fields the role does not use are cleared. */
async function resolveBinding(
  tx: Tx,
  deps: Deps,
  role: RoleCode | null,
  b: Partial<Binding>,
): Promise<Binding> {
  if (!role) return checkBindingExists(tx, deps, b);
  const need = ROLE_BINDING[role];
  const out: Binding = { departmentId: b.departmentId ?? null, regionCode: null, orgId: null, parkId: null };
  if (out.departmentId && !(await departmentExists(tx, out.departmentId)))
    throw invalid('departmentId', msg('部门不存在', 'No such department'));
  if (need === 'region') {
    const region = b.regionCode ? deps.regions.get(b.regionCode) : undefined;
    if (!region || region.level === 'city' || !region.holdsData) {
      throw invalid(
        'regionCode',
        msg('县(市、区)用户须指定所属县(市、区)或功能区', 'A county user needs a county or functional zone'),
      );
    }
    out.regionCode = region.code;
  }
  if (need === 'org') {
    if (!b.orgId)
      throw invalid(
        'orgId',
        msg('企业/院所用户须指定所属单位', 'An organisation user needs an organisation'),
      );
    if (!(await organizationExists(tx, b.orgId)))
      throw invalid('orgId', msg('单位不存在', 'No such organisation'));
    out.orgId = b.orgId;
  }
  if (need === 'park') {
    if (!b.parkId) throw invalid('parkId', msg('园区用户须指定所属园区', 'A park user needs a park'));
    if (!(await parkExists(tx, b.parkId))) throw invalid('parkId', msg('园区不存在', 'No such park'));
    out.parkId = b.parkId;
  }
  return out;
}

/**
 * Before a role is granted any binding may be set; each given one must exist. The role's grant
 * then checks that the one it needs is there and clears the others.
 */
async function checkBindingExists(tx: Tx, deps: Deps, b: Partial<Binding>): Promise<Binding> {
  const out: Binding = {
    departmentId: b.departmentId ?? null,
    regionCode: b.regionCode ?? null,
    orgId: b.orgId ?? null,
    parkId: b.parkId ?? null,
  };
  if (out.departmentId && !(await departmentExists(tx, out.departmentId)))
    throw invalid('departmentId', msg('部门不存在', 'No such department'));
  if (out.regionCode) {
    const region = deps.regions.get(out.regionCode);
    if (!region || region.level === 'city' || !region.holdsData)
      throw invalid('regionCode', msg('县(市、区)不存在', 'No such county or zone'));
  }
  if (out.orgId && !(await organizationExists(tx, out.orgId)))
    throw invalid('orgId', msg('单位不存在', 'No such organisation'));
  if (out.parkId && !(await parkExists(tx, out.parkId)))
    throw invalid('parkId', msg('园区不存在', 'No such park'));
  return out;
}

async function loadManageable(tx: Tx, id: string) {
  const user = await findUserById(tx, id);
  if (!user) throw notFound(USER);
  if (user.role) refuseAdminRole(user.role);
  return user;
}

/** What the audit log keeps of an account: never the password hash or the second factor. */
function snapshot(u: Awaited<ReturnType<typeof findUserById>>) {
  const {
    passwordHash: _p,
    totpSecret: _t,
    totpLastStep: _s,
    totpGuessStep: _g,
    totpGuesses: _n,
    ...rest
  } = u;
  return rest;
}

/** The system administrator creates the account, bound as needed, with no role and a random first password. */
export async function createUser(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  body: CreateBody,
): Promise<UserWithPassword> {
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  const user = await deps.db.transaction(async (tx) => {
    if (await findUserByUsername(tx, body.username)) {
      throw conflict(msg('用户名已存在', 'The username is taken'), 'username');
    }
    const binding = await resolveBinding(tx, deps, null, body);
    const created = await insertUser(tx, {
      username: body.username,
      displayName: body.displayName,
      ...binding,
      passwordHash,
      mustChangePassword: true,
      createdBy: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'user.create',
      targetType: 'user',
      targetId: created.id,
      after: snapshot(created),
    });
    return presentUser((await getUserRow(tx, created.id))!);
  });
  return { ...user, initialPassword };
}

export async function updateUser(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: UpdateBody,
): Promise<User> {
  return deps.db.transaction(async (tx) => {
    const before = await loadManageable(tx, id);
    const role = before.role as RoleCode | null;
    const binding = await resolveBinding(tx, deps, role, { ...before, ...stripUndefined(body) });
    const after = await updateUserProfile(tx, id, body.displayName ?? before.displayName, binding);
    // A new binding changes what the account may see: it signs in again under it.
    const moved = (['regionCode', 'orgId', 'parkId'] as const).some((k) => before[k] !== after[k]);
    if (moved && id !== actor.id) await endUserSessions(tx, id, 'binding-changed');
    await writeAudit(tx, ctx, {
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return presentUser((await getUserRow(tx, id))!);
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function setUserStatus(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  status: 'active' | 'disabled',
) {
  return deps.db.transaction(async (tx) => {
    const before = await loadManageable(tx, id);
    if (id === actor.id)
      throw new AppError(
        403,
        'own_account',
        msg('不能停用自己的账户', 'You cannot disable your own account'),
      );
    await updateUserStatus(tx, id, status);
    if (status === 'disabled') await endUserSessions(tx, id, 'disabled');
    await writeAudit(tx, ctx, {
      action: status === 'active' ? 'user.enable' : 'user.disable',
      targetType: 'user',
      targetId: id,
      before: { status: before.status },
      after: { status },
    });
    return presentUser((await getUserRow(tx, id))!);
  });
}

export async function resetPassword(deps: Deps, ctx: AuditContext, id: string): Promise<UserWithPassword> {
  await loadManageable(deps.db, id);
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  const user = await deps.db.transaction(async (tx) => {
    await setInitialPassword(tx, id, passwordHash);
    await endUserSessions(tx, id, 'password-reset');
    await writeAudit(tx, ctx, { action: 'user.reset-password', targetType: 'user', targetId: id });
    return presentUser((await getUserRow(tx, id))!);
  });
  return { ...user, initialPassword };
}

/**
 * The security administrator grants or changes the role of an account the system administrator
 * created. The audit entry names both: the granting actor and the account's creator.
 */
export async function grantRole(deps: Deps, ctx: AuditContext, actor: Actor, id: string, role: RoleCode) {
  refuseAdminRole(role);
  if (id === actor.id)
    throw new AppError(403, 'own_role', msg('不能修改自己的角色', 'You cannot change your own role'), 'role');
  return deps.db.transaction(async (tx) => {
    const before = await loadManageable(tx, id);
    const binding = await resolveBinding(tx, deps, role, before);
    await updateUserRole(tx, id, role, binding);
    if (before.role !== role) await endUserSessions(tx, id, 'role-changed');
    await writeAudit(tx, ctx, {
      action: 'user.grant-role',
      targetType: 'user',
      targetId: id,
      before: { role: before.role, ...pickBinding(before) },
      after: { role, ...binding, grantedBy: actor.username, createdBy: before.createdBy },
    });
    return presentUser((await getUserRow(tx, id))!);
  });
}

function pickBinding(b: Binding): Binding {
  return { departmentId: b.departmentId, regionCode: b.regionCode, orgId: b.orgId, parkId: b.parkId };
}

export async function unlockUser(deps: Deps, ctx: AuditContext, id: string) {
  return deps.db.transaction(async (tx) => {
    const target = await loadManageable(tx, id);
    await clearLoginThrottle(tx, target.username);
    await writeAudit(tx, ctx, { action: 'user.unlock', targetType: 'user', targetId: id });
    return presentUser((await getUserRow(tx, id))!);
  });
}
