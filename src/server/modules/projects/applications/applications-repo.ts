import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { applicationListQuerySchema } from '../../../../domain/contracts/projects';
import type { Tx } from '../../../db/client';
import {
  applications as a,
  applicationEvents,
  attachments,
  calls,
  organizations,
  payments,
  users,
} from '../../../db/schema';
import { countUpTo, likePattern, orderBy } from '../../../platform/listing';
import type { RegionTree } from '../../../platform/region-tree';
import { type Scope, scopeWhere } from '../../../platform/scope';
import { regionFilter } from '../../registry/orgs-repo';

export type ApplicationQuery = z.infer<typeof applicationListQuerySchema>;
export type ApplicationFilters = Omit<ApplicationQuery, 'page' | 'pageSize' | 'sort'>;
export type ApplicationRecord = typeof a.$inferSelect;
export type Org = typeof organizations.$inferSelect;

/**
 * Whose an application is: the applicant's organisation, its county, and — for experts — the
 * applications assigned to them (an active assignment: neither declined nor replaced).
 */
export const applicationScopeColumns = {
  regionCode: a.regionCode,
  orgId: a.orgId,
  assignedTo: (userId: string) =>
    sql`exists (select 1 from review_assignments ra join experts e on e.id = ra.expert_id where ra.application_id = ${a.id} and e.user_id = ${userId} and ra.status not in ('declined', 'replaced'))`,
};

const listColumns = {
  id: a.id,
  callId: a.callId,
  callTitle: calls.title,
  programmeCode: calls.programmeCode,
  year: calls.year,
  orgId: a.orgId,
  orgName: organizations.name,
  regionCode: a.regionCode,
  title: a.title,
  field: a.field,
  state: a.state,
  version: a.version,
  requestedAmount: a.requestedAmount,
  panelScore: a.panelScore,
  proposedAmount: a.proposedAmount,
  approvedAmount: a.approvedAmount,
  publicityUntil: a.publicityUntil,
  endsOn: a.endsOn,
  submittedAt: a.submittedAt,
  updatedAt: a.updatedAt,
};

function select(tx: Tx) {
  return tx
    .select(listColumns)
    .from(a)
    .innerJoin(calls, eq(calls.id, a.callId))
    .innerJoin(organizations, eq(organizations.id, a.orgId));
}

export type ApplicationListRow = Awaited<ReturnType<typeof listApplications>>[number];

/**
 * How a keyword is looked for: through its characters' index (`chars`: best when few rows match,
 * and for counting), or by reading rows in list order until a page is full (`scan`: best when
 * many match, as a capped count tells).
 */
export type KeywordPath = 'chars' | 'scan';

function where(
  scope: Scope,
  f: ApplicationFilters,
  tree: RegionTree,
  keyword: KeywordPath = 'chars',
): SQL | undefined {
  const conds: (SQL | undefined)[] = [scopeWhere(scope, applicationScopeColumns)];
  if (f.callId) conds.push(eq(a.callId, f.callId));
  if (f.toRecommend) conds.push(eq(a.state, 'submitted'));
  if (f.state) conds.push(eq(a.state, f.state));
  conds.push(regionFilter(tree, a.regionCode, f.regionCode));
  if (f.q) conds.push(keywordMatch(f.q, keyword));
  return and(...conds);
}

/**
 * The keyword in the title or in the applicant's name, in any letter case. Both are kept in lower
 * case in `search_text` (by triggers, drizzle/0009); the keyword's characters, looked up in
 * `search_chars` (GIN), find the candidates, and LIKE keeps those holding the whole keyword.
 */
function keywordMatch(q: string, path: KeywordPath): SQL {
  const lower = q.toLowerCase();
  const like = sql`${a.searchText} like ${likePattern(lower)}`;
  if (path === 'scan') return like;
  const chars = [...new Set(lower)].filter((c) => /[\p{L}\p{N}]/u.test(c));
  if (chars.length === 0) return like;
  const query = chars.map((c) => `'${c}'`).join(' & ');
  return sql`(${a.searchChars} @@ ${query}::tsquery and ${like})`;
}

const SORTABLE = {
  updatedAt: a.updatedAt,
  submittedAt: a.submittedAt,
  panelScore: a.panelScore,
  title: a.title,
  createdAt: a.createdAt,
};

export function listApplications(
  tx: Tx,
  scope: Scope,
  f: ApplicationQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
  keyword?: KeywordPath,
) {
  return select(tx)
    .where(where(scope, f, tree, keyword))
    .orderBy(...orderBy(f.sort, SORTABLE, desc(a.updatedAt)), asc(a.id))
    .limit(limit)
    .offset(offset);
}

export async function countApplications(
  tx: Tx,
  scope: Scope,
  f: ApplicationFilters,
  tree: RegionTree,
  cap?: number,
) {
  const cond = where(scope, f, tree);
  if (cap !== undefined) return countUpTo(tx, sql`${a}`, cond, cap);
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(a).where(cond);
  return row.n;
}

export async function listRowOf(tx: Tx, id: string): Promise<ApplicationListRow | undefined> {
  const [row] = await select(tx).where(eq(a.id, id));
  return row;
}

/** The list rows of these applications that the scope covers (a batch's report and its letter). */
export function visibleListRows(tx: Tx, scope: Scope, ids: string[]) {
  return select(tx).where(and(inArray(a.id, ids), scopeWhere(scope, applicationScopeColumns)));
}

/** The application if the scope covers it — the same condition as the lists — else undefined. */
export async function getVisibleApplication(
  tx: Tx,
  scope: Scope,
  id: string,
): Promise<ApplicationRecord | undefined> {
  const [row] = await tx
    .select()
    .from(a)
    .where(and(eq(a.id, id), scopeWhere(scope, applicationScopeColumns)));
  return row;
}

export async function countOrgApplications(tx: Tx, callId: string, orgId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(a)
    .where(and(eq(a.callId, callId), eq(a.orgId, orgId)));
  return row.n;
}

export function eventsOf(tx: Tx, id: string) {
  return tx
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, id))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
}

/** Attachment metadata (never the content) in upload order. */
export function attachmentsOf(tx: Tx, id: string) {
  return tx
    .select({
      id: attachments.id,
      applicationId: attachments.applicationId,
      kind: attachments.kind,
      fileName: attachments.fileName,
      mime: attachments.mime,
      size: attachments.size,
      sha256: attachments.sha256,
      uploadedAt: attachments.uploadedAt,
    })
    .from(attachments)
    .where(eq(attachments.applicationId, id))
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id));
}

export function paymentsOf(tx: Tx, id: string) {
  return tx
    .select()
    .from(payments)
    .where(eq(payments.applicationId, id))
    .orderBy(asc(payments.paidOn), asc(payments.recordedAt));
}

/** Active accounts of the applicant organisation (enterprise or institution users). */
export async function applicantUserIds(tx: Tx, orgId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.orgId, orgId),
        inArray(users.role, ['enterprise', 'institution']),
        eq(users.status, 'active'),
      ),
    );
  return rows.map((r) => r.id);
}

/** Active county accounts whose region covers the application's (a zone rolls up to its county). */
export async function countyUserIds(tx: Tx, tree: RegionTree, regionCode: string): Promise<string[]> {
  const covering: string[] = [];
  for (let r = tree.get(regionCode); r; r = r.parentCode ? tree.get(r.parentCode) : undefined)
    covering.push(r.code);
  if (covering.length === 0) covering.push(regionCode);
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'county'), inArray(users.regionCode, covering), eq(users.status, 'active')));
  return rows.map((r) => r.id);
}

/** The organisation; locked when two writers must not both pass a check on it. */
export async function getOrg(tx: Tx, id: string, forUpdate = false): Promise<Org | undefined> {
  const q = tx.select().from(organizations).where(eq(organizations.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** Locks an application row, so writes that check a sum over it (payments) run one at a time. */
export async function lockApplicationRow(tx: Tx, id: string) {
  await tx.select({ id: a.id }).from(a).where(eq(a.id, id)).for('update');
}

export async function insertApplication(tx: Tx, values: typeof a.$inferInsert) {
  const [row] = await tx.insert(a).values(values).returning();
  return row;
}

export async function insertEvent(tx: Tx, values: typeof applicationEvents.$inferInsert) {
  await tx.insert(applicationEvents).values(values);
}

/**
 * Changes an application only if it is still at the version and in the state the writer saw, and
 * moves its version on; undefined when someone else changed it first.
 */
export async function updateIfUnchanged(
  tx: Tx,
  id: string,
  seen: { version: number; state: string },
  set: Partial<typeof a.$inferInsert>,
): Promise<ApplicationRecord | undefined> {
  const [row] = await tx
    .update(a)
    .set({ ...set, version: sql`${a.version} + 1` })
    .where(and(eq(a.id, id), eq(a.version, seen.version), eq(a.state, seen.state)))
    .returning();
  return row;
}
