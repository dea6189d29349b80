/** The SQL of 科技特派员: commissioners, their dispatches and the yearly appraisal. */
import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type {
  AppraisalListQuery,
  CommissionerListQuery,
  DispatchListQuery,
} from '../../../domain/contracts/agri';
import type { Tx } from '../../db/client';
import {
  agriAppraisals as ap,
  agriCommissioners as c,
  agriDispatches as d,
  agriServiceLogs as l,
  regions,
  users,
} from '../../db/schema';
import type { FiltersOf } from '../../platform/list-kit';
import { pageRows, rowsAfter } from '../../platform/list-kit';
import { likePattern, orderBy } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import { regionFilter, type Scope, scopeWhere } from '../../platform/scope';

// ---- commissioners ----

function commissionerSelect(tx: Tx) {
  return tx
    .select({
      id: c.id,
      name: c.name,
      expertise: c.expertise,
      employer: c.employer,
      regionCode: c.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${c.regionCode})`,
      mobile: c.mobile,
      idNumberSealed: c.idNumberSealed,
      userId: c.userId,
      username: users.username,
      dispatches: sql<number>`(select count(*)::int from ${d} where ${d.commissionerId} = ${c.id})`,
      logs: sql<number>`(select count(*)::int from ${l} where ${l.commissionerId} = ${c.id})`,
    })
    .from(c)
    .leftJoin(regions, eq(regions.code, c.regionCode))
    .leftJoin(users, eq(users.id, c.userId))
    .$dynamic();
}
export type CommissionerRow = Awaited<ReturnType<typeof commissionerSelect>>[number];
export type CommissionerFilters = FiltersOf<CommissionerListQuery>;

/** A county sees the commissioners it manages; a commissioner itself only. */
const commissionerScope = (scope: Scope) =>
  scopeWhere(scope, { regionCode: c.regionCode, assignedTo: (userId) => sql`${c.userId} = ${userId}` });

function commissionerWhere(scope: Scope, f: CommissionerFilters, tree: RegionTree) {
  return and(
    commissionerScope(scope),
    regionFilter(tree, c.regionCode, f.regionCode),
    f.q
      ? or(
          ilike(c.name, likePattern(f.q)),
          ilike(c.expertise, likePattern(f.q)),
          ilike(c.employer, likePattern(f.q)),
        )
      : undefined,
  );
}

const COMMISSIONER_SORT = { name: c.name, employer: c.employer, regionCode: c.regionCode };

export function listCommissioners(
  tx: Tx,
  scope: Scope,
  q: CommissionerListQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  const order = orderBy(q.sort ?? 'name', COMMISSIONER_SORT, asc(c.id));
  return pageRows(commissionerSelect(tx), commissionerWhere(scope, q, tree), order, limit, offset);
}

export async function countCommissioners(tx: Tx, scope: Scope, f: CommissionerFilters, tree: RegionTree) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(c)
    .where(commissionerWhere(scope, f, tree));
  return row.n;
}

export function commissionersAfter(
  tx: Tx,
  scope: Scope,
  f: CommissionerFilters,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(commissionerSelect(tx), commissionerWhere(scope, f, tree), c.id, afterId, limit);
}

export async function getCommissioner(tx: Tx, scope: Scope, id: string) {
  const [row] = await commissionerSelect(tx)
    .where(and(eq(c.id, id), commissionerScope(scope)))
    .limit(1);
  return row;
}

/** The commissioner a user account is. */
export async function commissionerOfUser(tx: Tx, userId: string) {
  const [row] = await tx.select().from(c).where(eq(c.userId, userId)).limit(1);
  return row;
}

export async function lockCommissioner(tx: Tx, id: string) {
  const [row] = await tx.select().from(c).where(eq(c.id, id)).for('update');
  return row;
}

export async function insertCommissioner(tx: Tx, values: typeof c.$inferInsert) {
  const [row] = await tx.insert(c).values(values).returning();
  return row;
}

export async function insertCommissioners(tx: Tx, values: (typeof c.$inferInsert)[]) {
  return tx.insert(c).values(values).returning({ id: c.id, regionCode: c.regionCode });
}

export async function updateCommissionerRow(tx: Tx, id: string, set: Partial<typeof c.$inferInsert>) {
  const [row] = await tx
    .update(c)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(c.id, id))
    .returning();
  return row;
}

/** A user by name, with its role, for linking a commissioner's account. */
export async function userByName(tx: Tx, username: string) {
  const [row] = await tx
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
  return row;
}

export async function userLinked(tx: Tx, userId: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: c.id })
    .from(c)
    .where(and(eq(c.userId, userId), exceptId ? sql`${c.id} <> ${exceptId}` : undefined))
    .limit(1);
  return !!row;
}

// ---- dispatches ----

function dispatchSelect(tx: Tx) {
  return tx
    .select({
      id: d.id,
      commissionerId: d.commissionerId,
      commissionerName: c.name,
      servedKind: d.servedKind,
      servedName: d.servedName,
      servedOrgId: d.servedOrgId,
      regionCode: d.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${d.regionCode})`,
      startsOn: d.startsOn,
      endsOn: d.endsOn,
      agreementNo: d.agreementNo,
      agreementFileName: d.agreementFileName,
      logs: sql<number>`(select count(*)::int from ${l} where ${l.dispatchId} = ${d.id})`,
    })
    .from(d)
    .innerJoin(c, eq(c.id, d.commissionerId))
    .leftJoin(regions, eq(regions.code, d.regionCode))
    .$dynamic();
}
export type DispatchRow = Awaited<ReturnType<typeof dispatchSelect>>[number];
export type DispatchFilters = FiltersOf<DispatchListQuery>;

/** County: dispatches into its region; commissioner: its own; a served organisation: those to it. */
export const dispatchScope = (scope: Scope) =>
  scopeWhere(scope, {
    regionCode: d.regionCode,
    orgId: d.servedOrgId,
    assignedTo: (userId) => sql`${c.userId} = ${userId}`,
  });

function dispatchWhere(scope: Scope, f: DispatchFilters, tree: RegionTree): SQL | undefined {
  return and(
    dispatchScope(scope),
    regionFilter(tree, d.regionCode, f.regionCode),
    f.commissionerId ? eq(d.commissionerId, f.commissionerId) : undefined,
    f.servedKind ? eq(d.servedKind, f.servedKind) : undefined,
    f.activeOn ? sql`${d.startsOn} <= ${f.activeOn} and ${d.endsOn} >= ${f.activeOn}` : undefined,
    f.q ? or(ilike(d.servedName, likePattern(f.q)), ilike(c.name, likePattern(f.q))) : undefined,
  );
}

const DISPATCH_SORT = { startsOn: d.startsOn, endsOn: d.endsOn, servedName: d.servedName };

export function listDispatches(
  tx: Tx,
  scope: Scope,
  q: DispatchListQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  const order = orderBy(q.sort ?? '-startsOn', DISPATCH_SORT, asc(d.id));
  return pageRows(dispatchSelect(tx), dispatchWhere(scope, q, tree), order, limit, offset);
}

export async function countDispatches(tx: Tx, scope: Scope, f: DispatchFilters, tree: RegionTree) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(d)
    .innerJoin(c, eq(c.id, d.commissionerId))
    .where(dispatchWhere(scope, f, tree));
  return row.n;
}

export function dispatchesAfter(
  tx: Tx,
  scope: Scope,
  f: DispatchFilters,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(dispatchSelect(tx), dispatchWhere(scope, f, tree), d.id, afterId, limit);
}

export async function getDispatch(tx: Tx, scope: Scope, id: string) {
  const [row] = await dispatchSelect(tx)
    .where(and(eq(d.id, id), dispatchScope(scope)))
    .limit(1);
  return row;
}

/** The stored dispatch with its commissioner's account, for a write. */
export async function dispatchForWrite(tx: Tx, id: string) {
  const [row] = await tx
    .select({ dispatch: d, commissionerUserId: c.userId })
    .from(d)
    .innerJoin(c, eq(c.id, d.commissionerId))
    .where(eq(d.id, id));
  return row;
}

export async function insertDispatch(tx: Tx, values: typeof d.$inferInsert) {
  const [row] = await tx.insert(d).values(values).returning({ id: d.id });
  return row;
}

export async function insertDispatches(tx: Tx, values: (typeof d.$inferInsert)[]) {
  return tx
    .insert(d)
    .values(values)
    .returning({ id: d.id, commissionerId: d.commissionerId, startsOn: d.startsOn, endsOn: d.endsOn });
}

export async function setAgreement(
  tx: Tx,
  id: string,
  file: { fileName: string; mime: string; content: Buffer },
) {
  await tx
    .update(d)
    .set({ agreementFileName: file.fileName, agreementMime: file.mime, agreementFile: file.content })
    .where(eq(d.id, id));
}

export async function agreementOf(tx: Tx, id: string) {
  const [row] = await tx
    .select({ fileName: d.agreementFileName, mime: d.agreementMime, content: d.agreementFile })
    .from(d)
    .where(eq(d.id, id));
  return row;
}

// ---- appraisal ----

export type AppraisalFilters = FiltersOf<AppraisalListQuery>;

function appraisalSelect(tx: Tx, year: number) {
  // The year in China time.
  const from = `${year}-01-01T00:00:00+08:00`;
  const to = `${year + 1}-01-01T00:00:00+08:00`;
  const inYear = sql`${l.commissionerId} = ${c.id} and ${l.servedAt} >= ${from}::timestamptz and ${l.servedAt} < ${to}::timestamptz`;
  return tx
    .select({
      id: c.id,
      name: c.name,
      regionCode: c.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${c.regionCode})`,
      logs: sql<number>`(select count(*)::int from ${l} where ${inYear})`,
      confirmed: sql<number>`(select count(*)::int from ${l} where ${inYear} and ${l.status} = 'confirmed')`,
      anomalies: sql<number>`(select count(*)::int from ${l} where ${inYear} and cardinality(${l.flags}) > 0)`,
      satisfaction: sql<
        number | null
      >`(select avg(${l.satisfaction})::float8 from ${l} where ${inYear} and ${l.status} = 'confirmed')`,
      countyGrade: ap.countyGrade,
    })
    .from(c)
    .leftJoin(regions, eq(regions.code, c.regionCode))
    .leftJoin(ap, and(eq(ap.commissionerId, c.id), eq(ap.year, year)))
    .$dynamic();
}
export type AppraisalRow = Awaited<ReturnType<typeof appraisalSelect>>[number];

function appraisalWhere(scope: Scope, f: AppraisalFilters, tree: RegionTree) {
  return and(
    commissionerScope(scope),
    regionFilter(tree, c.regionCode, f.regionCode),
    f.q ? ilike(c.name, likePattern(f.q)) : undefined,
  );
}

export function listAppraisals(
  tx: Tx,
  scope: Scope,
  q: AppraisalListQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  const order = orderBy(q.sort ?? 'name', COMMISSIONER_SORT, asc(c.id));
  return pageRows(appraisalSelect(tx, q.year), appraisalWhere(scope, q, tree), order, limit, offset);
}

export function appraisalsAfter(
  tx: Tx,
  scope: Scope,
  f: AppraisalFilters,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(appraisalSelect(tx, f.year), appraisalWhere(scope, f, tree), c.id, afterId, limit);
}

export async function countAppraisals(tx: Tx, scope: Scope, f: AppraisalFilters, tree: RegionTree) {
  return countCommissioners(tx, scope, { regionCode: f.regionCode, q: f.q }, tree);
}

export async function upsertAppraisal(tx: Tx, values: typeof ap.$inferInsert) {
  const [before] = await tx
    .select()
    .from(ap)
    .where(and(eq(ap.commissionerId, values.commissionerId), eq(ap.year, values.year)));
  await tx
    .insert(ap)
    .values(values)
    .onConflictDoUpdate({
      target: [ap.commissionerId, ap.year],
      set: {
        countyGrade: values.countyGrade,
        note: values.note,
        gradedBy: values.gradedBy,
        updatedAt: sql`now()`,
      },
    });
  return before;
}

export async function insertAppraisals(tx: Tx, values: (typeof ap.$inferInsert)[]) {
  await tx.insert(ap).values(values);
}
