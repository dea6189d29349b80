/**
 * What approval makes, inside the reviewer's transaction: for an organisation, its registry record
 * (created, or the existing one with that USCC) and the contact's account as its unit
 * administrator; for an expert, the account and its place in the expert pool (专家库) with the
 * declared conflicts. The password is the one the registrant chose (kept as its hash).
 */
import { msg } from '../../../domain/message';
import type { OrgKind } from '../../../domain/registry';
import type { Tx } from '../../db/client';
import type { registrations } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { conflict } from '../../platform/errors';
import { insertOrg } from '../registry/orgs-repo';
import { orgSearchText } from '../registry/search';
import {
  insertAccount,
  insertExpert,
  insertExpertConflicts,
  orgByUscc,
  orgsByUscc,
  unitAdminOf,
  usernameTaken,
} from './repo';

type Row = typeof registrations.$inferSelect;

async function createAccount(tx: Tx, ctx: AuditContext, actor: Actor, row: Row, orgId: string | null) {
  if (await usernameTaken(tx, row.username, row.id))
    throw conflict(msg('用户名已被使用', 'The username is taken'), 'username');
  const role = row.kind === 'org' ? ('unit_admin' as const) : ('expert' as const);
  const user = await insertAccount(tx, {
    username: row.username,
    displayName: row.contactName,
    role,
    orgId,
    passwordHash: row.passwordHash,
    mustChangePassword: false,
    createdBy: actor.username,
  });
  await writeAudit(tx, ctx, {
    action: 'user.create',
    targetType: 'user',
    targetId: user.id,
    after: {
      username: row.username,
      displayName: row.contactName,
      role,
      orgId,
      registration: row.trackingNo,
    },
  });
  return user.id;
}

async function approveOrg(tx: Tx, deps: Deps, ctx: AuditContext, actor: Actor, row: Row) {
  // Looked up again: the registry may have gained the USCC since the request came in.
  const existing = await orgByUscc(tx, row.uscc!);
  let orgId = existing?.id;
  if (existing && (await unitAdminOf(tx, existing.id)))
    throw conflict(msg('该单位已有单位管理员', 'The organisation already has a unit administrator'), 'uscc');
  if (!orgId) {
    const values = {
      uscc: row.uscc!,
      name: row.name,
      kind: (row.orgKind ?? 'enterprise') as OrgKind,
      regionCode: row.regionCode,
      contactPerson: row.contactName,
      contactPhone: row.contactMobile,
    };
    const created = await insertOrg(tx, {
      ...values,
      searchText: orgSearchText(values, deps.regions.get(row.regionCode)?.name),
    });
    orgId = created.id;
    await writeAudit(tx, ctx, {
      action: 'organization.create',
      targetType: 'organization',
      targetId: orgId,
      after: { ...values, contactPhone: undefined, registration: row.trackingNo },
    });
  }
  const userId = await createAccount(tx, ctx, actor, row, orgId);
  return { orgId, userId };
}

async function approveExpert(tx: Tx, ctx: AuditContext, actor: Actor, row: Row) {
  const userId = await createAccount(tx, ctx, actor, row, null);
  const known = await orgsByUscc(tx, [...(row.employerUscc ? [row.employerUscc] : []), ...row.conflictUsccs]);
  const byUscc = new Map(known.map((o) => [o.uscc, o.id]));
  const employerId = row.employerUscc ? (byUscc.get(row.employerUscc) ?? null) : null;
  const expert = await insertExpert(tx, {
    userId,
    name: row.contactName,
    orgId: employerId,
    title: row.title,
    fields: row.fields,
  });
  // Declared conflicts with organisations the registry knows; the rest stay on the request.
  const conflicts = row.conflictUsccs
    .map((u) => byUscc.get(u))
    .filter((id): id is string => !!id && id !== employerId)
    .map((orgId) => ({ expertId: expert.id, orgId, reason: 'declared' as const }));
  await insertExpertConflicts(tx, conflicts);
  await writeAudit(tx, ctx, {
    action: 'expert.create',
    targetType: 'expert',
    targetId: expert.id,
    after: {
      name: row.contactName,
      userId,
      orgId: employerId,
      fields: row.fields,
      conflicts: conflicts.length,
    },
  });
  return { userId, orgId: null };
}

export function approveRegistration(tx: Tx, deps: Deps, ctx: AuditContext, actor: Actor, row: Row) {
  return row.kind === 'org' ? approveOrg(tx, deps, ctx, actor, row) : approveExpert(tx, ctx, actor, row);
}
