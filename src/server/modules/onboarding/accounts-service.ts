/**
 * Accounts without a bureau administrator: the unit administrator manages its organisation's
 * sub-accounts (申报员, 财务) and resets their passwords; its own password is reset by the county
 * on the organisation's stamped request, or through an e-mail link (single-use, expiring).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { OrgAccount, OrgAccountBody } from '../../../domain/contracts/onboarding';
import { msg } from '../../../domain/message';
import type { SubAccountKind } from '../../../domain/onboarding';
import { passwordPolicyProblem } from '../../../domain/password-policy';
import type { RoleCode } from '../../../domain/roles';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { sendMail } from '../../platform/mail';
import { hashPassword } from '../../platform/passwords';
import { getSecurityPolicy } from '../../platform/security-policy';
import { endUserSessions } from '../../platform/sessions';
import { clearLoginThrottle } from '../admin/users-repo';
import { generateInitialPassword } from '../admin/users-service';
import { canResetAdmin } from './policy';
import { REGISTRATION } from './registration-service';
import {
  countRecentTokens,
  findAccount,
  insertAccount,
  insertResetToken,
  lockLiveToken,
  lockOrgAccount,
  type OrgAccountRow,
  orgKindOf,
  setAccountPassword,
  setAccountStatus,
  spendToken,
  unitAdminByEmail,
  usernameTaken,
} from './repo';
import { registrationDetail } from './review-service';

const ACCOUNT = msg('账号', 'account');

/** A reset link lives this long, and an account gets at most this many an hour. */
export const RESET_TOKEN_MINUTES = 30;
export const RESET_LINKS_PER_HOUR = 3;

export function presentOrgAccount(r: OrgAccountRow): OrgAccount {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    kind: r.role === 'accountant' ? 'finance' : 'applicant',
    status: r.status,
    lastLoginAt: r.lastLoginAt,
    createdAt: r.createdAt,
  };
}

function ownOrg(actor: Actor): string {
  if (actor.role !== 'unit_admin' || !actor.orgId) throw forbidden();
  return actor.orgId;
}

/** 申报员 holds the organisation's business role (企业, or 高校/院所 for the others); 财务 reads only. */
async function roleFor(tx: Tx, orgId: string, kind: SubAccountKind): Promise<RoleCode> {
  if (kind === 'finance') return 'accountant';
  const org = await orgKindOf(tx, orgId);
  return org?.kind === 'enterprise' ? 'enterprise' : 'institution';
}

/** POST /org-accounts: a sub-account of the unit administrator's own organisation, with a first password. */
export async function createOrgAccount(deps: Deps, ctx: AuditContext, actor: Actor, body: OrgAccountBody) {
  const orgId = ownOrg(actor);
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  return deps.db.transaction(async (tx) => {
    if (await usernameTaken(tx, body.username))
      throw conflict(msg('用户名已被使用', 'The username is taken'), 'username');
    const role = await roleFor(tx, orgId, body.kind);
    const created = await insertAccount(tx, {
      username: body.username,
      displayName: body.displayName,
      role,
      orgId,
      passwordHash,
      mustChangePassword: true,
      createdBy: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'org_account.create',
      targetType: 'user',
      targetId: created.id,
      after: { username: body.username, displayName: body.displayName, role, orgId },
    });
    return { id: created.id, username: created.username, initialPassword };
  });
}

/** A sub-account of the actor's own organisation, or 404 (another organisation's, or the administrator's own). */
async function loadOwn(tx: Tx, actor: Actor, id: string) {
  const row = await lockOrgAccount(tx, ownOrg(actor), id);
  if (!row) throw notFound(ACCOUNT);
  return row;
}

export async function setOrgAccountStatus(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  status: 'active' | 'disabled',
) {
  await deps.db.transaction(async (tx) => {
    const row = await loadOwn(tx, actor, id);
    if (row.status === status) return;
    await setAccountStatus(tx, id, status);
    if (status === 'disabled') await endUserSessions(tx, id, 'disabled');
    await writeAudit(tx, ctx, {
      action: status === 'disabled' ? 'org_account.disable' : 'org_account.enable',
      targetType: 'user',
      targetId: id,
      before: { status: row.status },
      after: { status },
    });
  });
  return { ok: true as const };
}

/** A new first password for a sub-account (changed at its next sign-in); its sessions end. */
export async function resetOrgAccountPassword(deps: Deps, ctx: AuditContext, actor: Actor, id: string) {
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  return deps.db.transaction(async (tx) => {
    const row = await loadOwn(tx, actor, id);
    await setAccountPassword(tx, id, passwordHash, true);
    await endUserSessions(tx, id, 'password-reset');
    await clearLoginThrottle(tx, row.username);
    await writeAudit(tx, ctx, { action: 'org_account.reset_password', targetType: 'user', targetId: id });
    return { username: row.username, initialPassword };
  });
}

/**
 * POST /onboarding/registrations/{id}/admin-password: the county resets the unit administrator of
 * an organisation it approved, after checking the organisation's stamped request (named in the audit).
 */
export async function resetUnitAdminPassword(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  registrationId: string,
  stampedRequest: string,
) {
  const reg = await registrationDetail(deps, actor, registrationId);
  if (!canResetAdmin(actor, reg))
    throw conflict(
      msg(
        '只有已通过的单位注册可以重置其单位管理员密码',
        'Only an approved organisation’s administrator is reset here',
      ),
      'status',
    );
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  return deps.db.transaction(async (tx) => {
    const user = await findAccount(tx, reg.userId!);
    if (user?.role !== 'unit_admin') throw notFound(REGISTRATION);
    await setAccountPassword(tx, user.id, passwordHash, true);
    await endUserSessions(tx, user.id, 'password-reset');
    await clearLoginThrottle(tx, user.username);
    await writeAudit(tx, ctx, {
      action: 'unit_admin.reset_password',
      targetType: 'user',
      targetId: user.id,
      after: { stampedRequest, registration: reg.trackingNo, orgId: reg.orgId },
    });
    return { username: user.username, initialPassword };
  });
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * POST /public/onboarding/password-resets: a unit administrator asks for a link by username and the
 * e-mail it registered with. The answer is the same whether or not they match (no account is
 * revealed); a match gets a mail with a link valid for RESET_TOKEN_MINUTES, at most
 * RESET_LINKS_PER_HOUR an hour.
 */
export async function requestPasswordReset(
  deps: Deps,
  ctx: AuditContext,
  body: { username: string; email: string },
  origin: string,
) {
  await deps.db.transaction(async (tx) => {
    const user = await unitAdminByEmail(tx, body.username, body.email);
    if (user?.status !== 'active') return;
    const now = clock.now();
    if ((await countRecentTokens(tx, user.id, new Date(now.getTime() - 3_600_000))) >= RESET_LINKS_PER_HOUR)
      return;
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000);
    await insertResetToken(tx, { userId: user.id, tokenHash: sha256(token), expiresAt });
    await sendMail(tx, {
      to: body.email,
      subject: '科创平台：重置单位管理员密码',
      body:
        `您好，${user.username}：\n\n请在 ${RESET_TOKEN_MINUTES} 分钟内打开以下链接设置新密码（仅可使用一次）：\n` +
        `${origin}/reset-password?token=${token}\n\n如非本人操作，请忽略本邮件。`,
    });
    await writeAudit(tx, ctx, {
      action: 'password_reset.request',
      targetType: 'user',
      targetId: user.id,
      actorUsername: user.username,
    });
  });
  return { ok: true as const };
}

/** POST /public/onboarding/password-resets/confirm: the link's token and the new password. */
export async function confirmPasswordReset(
  deps: Deps,
  ctx: AuditContext,
  body: { token: string; newPassword: string },
) {
  const passwordHash = await hashPassword(body.newPassword);
  await deps.db.transaction(async (tx) => {
    const token = await lockLiveToken(tx, sha256(body.token), clock.now());
    const user = token ? await findAccount(tx, token.userId) : undefined;
    if (!token || !user || user.status !== 'active')
      throw invalid(
        'token',
        msg('链接无效或已过期，请重新申请', 'The link is invalid or has expired; ask again'),
      );
    const problem = passwordPolicyProblem(body.newPassword, await getSecurityPolicy(tx), user.username);
    if (problem) throw invalid('newPassword', problem);
    await setAccountPassword(tx, user.id, passwordHash, false);
    await spendToken(tx, token.id);
    await endUserSessions(tx, user.id, 'password-reset');
    await clearLoginThrottle(tx, user.username);
    await writeAudit(tx, ctx, {
      action: 'password_reset.complete',
      targetType: 'user',
      targetId: user.id,
      actorUsername: user.username,
    });
  });
  return { ok: true as const };
}
