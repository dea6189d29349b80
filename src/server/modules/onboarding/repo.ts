/** 门户与注册's SQL: registrations, the unit's own accounts, reset tokens and the mail outbox. */
import { and, asc, eq, gt, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type {
  OrgAccountFilters,
  OrgAccountListQuery,
  OutboxFilters,
  OutboxListQuery,
  RegistrationFilters,
  RegistrationListQuery,
} from '../../../domain/contracts/onboarding';
import { OPEN_STATUSES, type RegistrationStatus } from '../../../domain/onboarding';
import type { RoleCode } from '../../../domain/roles';
import type { Tx } from '../../db/client';
import {
  expertConflicts,
  experts,
  registrations as g,
  mailOutbox,
  organizations,
  passwordResetTokens,
  regions,
  users,
} from '../../db/schema';
import { pageRows, rowsAfter } from '../../platform/list-kit';
import { likePattern, orderBy } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import { regionFilter, type Scope } from '../../platform/scope';

const iso = (c: SQL | typeof g.submittedAt) =>
  sql<string>`to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

function selectRegistrations(tx: Tx) {
  return tx
    .select({
      id: g.id,
      trackingNo: g.trackingNo,
      kind: g.kind,
      status: g.status,
      uscc: g.uscc,
      name: g.name,
      regionCode: g.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${g.regionCode})`,
      contactName: g.contactName,
      contactMobile: g.contactMobile,
      nameMismatch: g.nameMismatch,
      existingOrg: sql<boolean>`${g.existingOrgId} is not null`,
      submittedAt: iso(g.submittedAt),
      reviewedAt: sql<
        string | null
      >`case when ${g.reviewedAt} is null then null else ${iso(g.reviewedAt as never)} end`,
    })
    .from(g)
    .leftJoin(regions, eq(regions.code, g.regionCode))
    .$dynamic();
}
export type RegistrationRow = Awaited<ReturnType<typeof selectRegistrations>>[number];

/**
 * Which registrations a reviewer reads: the city's staff all; a county the organisations of its
 * county and zones (experts are reviewed by the city's staff, whatever region they live in).
 */
function scopeCondition(scope: Scope): SQL {
  switch (scope.kind) {
    case 'city':
      return sql`true`;
    case 'region':
      return and(eq(g.kind, 'org'), inArray(g.regionCode, scope.regionCodes))!;
    default:
      return sql`false`;
  }
}

function whereRegistrations(scope: Scope, f: RegistrationFilters, tree: RegionTree) {
  return and(
    scopeCondition(scope),
    regionFilter(tree, g.regionCode, f.regionCode),
    f.kind ? eq(g.kind, f.kind) : undefined,
    f.status ? eq(g.status, f.status) : undefined,
    f.q
      ? or(
          ilike(g.name, likePattern(f.q)),
          ilike(g.trackingNo, likePattern(f.q)),
          ilike(g.uscc, likePattern(f.q)),
        )
      : undefined,
  );
}

const SORTABLE = { submittedAt: g.submittedAt, name: g.name, status: g.status, trackingNo: g.trackingNo };

export function listRegistrations(
  tx: Tx,
  scope: Scope,
  q: RegistrationListQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  const order = orderBy(q.sort ?? '-submittedAt', SORTABLE, asc(g.id));
  return pageRows(selectRegistrations(tx), whereRegistrations(scope, q, tree), order, limit, offset);
}

export async function countRegistrations(tx: Tx, scope: Scope, f: RegistrationFilters, tree: RegionTree) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(g)
    .where(whereRegistrations(scope, f, tree));
  return row.n;
}

export function registrationsAfter(
  tx: Tx,
  scope: Scope,
  f: RegistrationFilters,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(selectRegistrations(tx), whereRegistrations(scope, f, tree), g.id, afterId, limit);
}

/** One registration as a reviewer's scope sees it (undefined: not found). */
export async function getVisibleRegistration(tx: Tx, scope: Scope, id: string) {
  const [row] = await tx
    .select({ id: g.id })
    .from(g)
    .where(and(eq(g.id, id), scopeCondition(scope)));
  return row ? getRegistration(tx, id) : undefined;
}

/** The stored request with its region's and the attached organisation's names, without the file. */
export async function getRegistration(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      r: g,
      regionName: sql<string>`coalesce(${regions.name}, ${g.regionCode})`,
      existingOrgName: organizations.name,
    })
    .from(g)
    .leftJoin(regions, eq(regions.code, g.regionCode))
    .leftJoin(organizations, eq(organizations.id, g.existingOrgId))
    .where(eq(g.id, id));
  return row;
}

/** The stored row, locked until the transaction ends, for a decision or a correction. */
export async function lockRegistration(tx: Tx, id: string) {
  const [row] = await tx.select().from(g).where(eq(g.id, id)).for('update');
  return row;
}

export async function findByTracking(tx: Tx, trackingNo: string) {
  const [row] = await tx.select().from(g).where(eq(g.trackingNo, trackingNo));
  return row;
}

/** An open (pending or returned) request for the USCC, other than `exceptId`. */
export async function openRegistrationFor(tx: Tx, uscc: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: g.id })
    .from(g)
    .where(
      and(
        eq(g.uscc, uscc),
        inArray(g.status, [...OPEN_STATUSES]),
        exceptId ? sql`${g.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return row;
}

/** A username held by an account, or asked for by an open request other than `exceptId`. */
export async function usernameTaken(tx: Tx, username: string, exceptId?: string) {
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  if (user) return true;
  const [open] = await tx
    .select({ id: g.id })
    .from(g)
    .where(
      and(
        eq(g.username, username),
        inArray(g.status, [...OPEN_STATUSES]),
        exceptId ? sql`${g.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return !!open;
}

export async function insertRegistration(tx: Tx, values: typeof g.$inferInsert) {
  const [row] = await tx.insert(g).values(values).returning({ id: g.id, trackingNo: g.trackingNo });
  return row;
}

export async function updateRegistration(tx: Tx, id: string, set: Partial<typeof g.$inferInsert>) {
  await tx
    .update(g)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(g.id, id));
}

export async function registrationFile(tx: Tx, id: string) {
  const [row] = await tx
    .select({ fileName: g.fileName, fileMime: g.fileMime, content: g.fileContent })
    .from(g)
    .where(eq(g.id, id));
  return row;
}

/** Pending requests in a reviewer's scope (the workbench's badge). */
export async function countPending(tx: Tx, scope: Scope) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(g)
    .where(and(scopeCondition(scope), eq(g.status, 'pending' satisfies RegistrationStatus)));
  return row.n;
}

// ---- the registry and accounts, as approval needs them ----------------------------------------

export async function orgByUscc(tx: Tx, uscc: string) {
  const [row] = await tx
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.uscc, uscc));
  return row;
}

export async function orgsByUscc(tx: Tx, usccs: string[]) {
  if (usccs.length === 0) return [];
  return tx
    .select({ id: organizations.id, uscc: organizations.uscc })
    .from(organizations)
    .where(inArray(organizations.uscc, usccs));
}

export async function orgKindOf(tx: Tx, orgId: string) {
  const [row] = await tx
    .select({ kind: organizations.kind, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return row;
}

/** The organisation's unit administrator (one per organisation), if any. */
export async function unitAdminOf(tx: Tx, orgId: string) {
  const [row] = await tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'unit_admin')))
    .limit(1);
  return row;
}

export async function insertAccount(
  tx: Tx,
  values: {
    username: string;
    displayName: string;
    role: RoleCode;
    orgId: string | null;
    passwordHash: string;
    mustChangePassword: boolean;
    createdBy: string;
  },
) {
  const [row] = await tx.insert(users).values(values).returning({ id: users.id, username: users.username });
  return row;
}

export async function setAccountPassword(tx: Tx, id: string, passwordHash: string, mustChange: boolean) {
  await tx
    .update(users)
    .set({
      passwordHash,
      mustChangePassword: mustChange,
      passwordChangedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(users.id, id));
}

export async function setAccountStatus(tx: Tx, id: string, status: 'active' | 'disabled') {
  await tx.update(users).set({ status, updatedAt: new Date() }).where(eq(users.id, id));
}

// ---- the unit administrator's sub-accounts ----------------------------------------------------

/** The roles a unit administrator's sub-accounts hold: 申报员 (the organisation's business role) and 财务. */
export const SUB_ACCOUNT_ROLES: RoleCode[] = ['enterprise', 'institution', 'accountant'];

function selectAccounts(tx: Tx) {
  return tx
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      status: users.status,
      lastLoginAt: sql<
        string | null
      >`case when ${users.lastLoginAt} is null then null else to_char(${users.lastLoginAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') end`,
      createdAt: sql<string>`to_char(${users.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
    })
    .from(users)
    .$dynamic();
}
export type OrgAccountRow = Awaited<ReturnType<typeof selectAccounts>>[number];

function whereAccounts(orgId: string, f: OrgAccountFilters) {
  return and(
    eq(users.orgId, orgId),
    f.kind === 'finance'
      ? eq(users.role, 'accountant')
      : f.kind === 'applicant'
        ? inArray(users.role, ['enterprise', 'institution'])
        : inArray(users.role, SUB_ACCOUNT_ROLES),
    f.status ? eq(users.status, f.status) : undefined,
    f.q ? or(ilike(users.username, likePattern(f.q)), ilike(users.displayName, likePattern(f.q))) : undefined,
  );
}

const ACCOUNT_SORTABLE = { username: users.username, createdAt: users.createdAt, status: users.status };

export function listOrgAccounts(
  tx: Tx,
  orgId: string,
  q: OrgAccountListQuery,
  limit: number,
  offset: number,
) {
  const order = orderBy(q.sort ?? '-createdAt', ACCOUNT_SORTABLE, asc(users.id));
  return pageRows(selectAccounts(tx), whereAccounts(orgId, q), order, limit, offset);
}

export async function countOrgAccounts(tx: Tx, orgId: string, f: OrgAccountFilters) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(users).where(whereAccounts(orgId, f));
  return row.n;
}

export function orgAccountsAfter(
  tx: Tx,
  orgId: string,
  f: OrgAccountFilters,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(selectAccounts(tx), whereAccounts(orgId, f), users.id, afterId, limit);
}

/** One sub-account of the organisation, locked; undefined when it is not one (another org's, or not a sub-role). */
export async function lockOrgAccount(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.orgId, orgId), inArray(users.role, SUB_ACCOUNT_ROLES)))
    .for('update');
  return row;
}

// ---- password reset links ----------------------------------------------------------------------

/** A unit administrator whose approved registration gave this e-mail address. */
export async function unitAdminByEmail(tx: Tx, username: string, email: string) {
  const [row] = await tx
    .select({ id: users.id, username: users.username, status: users.status })
    .from(users)
    .innerJoin(g, eq(g.userId, users.id))
    .where(
      and(
        eq(users.username, username),
        eq(users.role, 'unit_admin'),
        eq(g.status, 'approved'),
        eq(g.contactEmail, email),
      ),
    )
    .limit(1);
  return row;
}

/** Reset links asked for the account since a moment (the per-account limit). */
export async function countRecentTokens(tx: Tx, userId: string, since: Date) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.userId, userId), gt(passwordResetTokens.createdAt, since)));
  return row.n;
}

export async function insertResetToken(tx: Tx, values: typeof passwordResetTokens.$inferInsert) {
  await tx.insert(passwordResetTokens).values(values);
}

/** An unused, unexpired token, locked so it is spent once. */
export async function lockLiveToken(tx: Tx, tokenHash: string, now: Date) {
  const [row] = await tx
    .select()
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.tokenHash, tokenHash),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
      ),
    )
    .for('update');
  return row;
}

export async function spendToken(tx: Tx, id: string) {
  await tx.update(passwordResetTokens).set({ usedAt: new Date() }).where(eq(passwordResetTokens.id, id));
}

export async function insertExpert(tx: Tx, values: typeof experts.$inferInsert) {
  const [row] = await tx.insert(experts).values(values).returning({ id: experts.id });
  return row;
}

export async function insertExpertConflicts(tx: Tx, rows: (typeof expertConflicts.$inferInsert)[]) {
  if (rows.length > 0) await tx.insert(expertConflicts).values(rows);
}

export async function findAccount(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: users.id, username: users.username, status: users.status, role: users.role })
    .from(users)
    .where(eq(users.id, id));
  return row;
}

// ---- the outbox ------------------------------------------------------------------------------

function selectOutbox(tx: Tx) {
  return tx
    .select({
      id: mailOutbox.id,
      recipient: mailOutbox.recipient,
      subject: mailOutbox.subject,
      body: mailOutbox.body,
      status: mailOutbox.status,
      createdAt: sql<string>`to_char(${mailOutbox.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
    })
    .from(mailOutbox)
    .$dynamic();
}
export type OutboxRow = Awaited<ReturnType<typeof selectOutbox>>[number];

const whereOutbox = (f: OutboxFilters) =>
  f.q
    ? or(ilike(mailOutbox.recipient, likePattern(f.q)), ilike(mailOutbox.subject, likePattern(f.q)))
    : undefined;

export function listOutbox(tx: Tx, q: OutboxListQuery, limit: number, offset: number) {
  const order = orderBy(q.sort ?? '-createdAt', { createdAt: mailOutbox.createdAt }, asc(mailOutbox.id));
  return pageRows(selectOutbox(tx), whereOutbox(q), order, limit, offset);
}

export async function countOutbox(tx: Tx, f: OutboxFilters) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(mailOutbox).where(whereOutbox(f));
  return row.n;
}

export function outboxAfter(tx: Tx, f: OutboxFilters, afterId: string | null, limit: number) {
  return rowsAfter(selectOutbox(tx), whereOutbox(f), mailOutbox.id, afterId, limit);
}

/** Several requests at once (the demo). */
export async function insertRegistrations(tx: Tx, values: (typeof g.$inferInsert)[]) {
  await tx.insert(g).values(values);
}
