/** The SQL of 专利行政执法 cases. */
import { aliasedTable, and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { CaseFilters, CaseListQuery } from '../../../domain/contracts/ip-cases';
import { CASE_DUE_SOON_DAYS, type CaseStatus, RUNNING } from '../../../domain/ip-cases';
import type { Tx } from '../../db/client';
import { ipCases as c, ipCaseEvents as e, ipCaseNumbers as n, regions } from '../../db/schema';
import { pageRows, rowsAfter } from '../../platform/list-kit';
import { likePattern, orderBy } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import { regionFilter, type Scope } from '../../platform/scope';

const bureau = aliasedTable(regions, 'bureau');

function select(tx: Tx) {
  return tx
    .select({
      id: c.id,
      caseNo: c.caseNo,
      kind: c.kind,
      title: c.title,
      patentAppNo: c.patentAppNo,
      requester: c.requester,
      respondent: c.respondent,
      regionCode: c.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${c.regionCode})`,
      bureauCode: c.bureauCode,
      bureauName: sql<string>`coalesce(${bureau.name}, ${c.bureauCode})`,
      status: c.status,
      receivedOn: c.receivedOn,
      filedOn: c.filedOn,
      deadline: c.deadline,
      extended: c.extended,
      endedOn: c.endedOn,
      version: c.version,
    })
    .from(c)
    .leftJoin(regions, eq(regions.code, c.regionCode))
    .leftJoin(bureau, eq(bureau.code, c.bureauCode))
    .$dynamic();
}

export type CaseRow = Awaited<ReturnType<typeof select>>[number];

/** Cases are seen by the bureau handling them and by the city; nobody else. */
function scopeCondition(scope: Scope): SQL {
  if (scope.kind === 'city') return sql`true`;
  if (scope.kind === 'region') return inArray(c.bureauCode, scope.regionCodes);
  return sql`false`;
}

function where(scope: Scope, f: CaseFilters, tree: RegionTree, today: string): SQL | undefined {
  const running = inArray(c.status, RUNNING as CaseStatus[]);
  return and(
    scopeCondition(scope),
    regionFilter(tree, c.regionCode, f.regionCode),
    f.kind ? eq(c.kind, f.kind) : undefined,
    f.status ? eq(c.status, f.status) : undefined,
    f.year ? sql`extract(year from ${c.filedOn}) = ${f.year}` : undefined,
    f.deadline === 'overdue' ? and(running, sql`${c.deadline} < ${today}::date`) : undefined,
    f.deadline === 'due_soon'
      ? and(
          running,
          sql`${c.deadline} between ${today}::date and ${today}::date + ${CASE_DUE_SOON_DAYS}::int`,
        )
      : undefined,
    f.q
      ? or(
          ilike(c.caseNo, likePattern(f.q)),
          ilike(c.title, likePattern(f.q)),
          ilike(c.requester, likePattern(f.q)),
          ilike(c.respondent, likePattern(f.q)),
          ilike(c.patentAppNo, likePattern(f.q)),
        )
      : undefined,
  );
}

const SORTABLE = {
  caseNo: c.caseNo,
  receivedOn: c.receivedOn,
  filedOn: c.filedOn,
  deadline: c.deadline,
  status: c.status,
};

export function listCases(
  tx: Tx,
  scope: Scope,
  q: CaseListQuery,
  tree: RegionTree,
  today: string,
  limit: number,
  offset: number,
) {
  const order = orderBy(q.sort ?? '-receivedOn', SORTABLE, asc(c.id));
  return pageRows(select(tx), where(scope, q, tree, today), order, limit, offset);
}

export async function countCases(tx: Tx, scope: Scope, f: CaseFilters, tree: RegionTree, today: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(c)
    .where(where(scope, f, tree, today));
  return row.n;
}

export function casesAfter(
  tx: Tx,
  scope: Scope,
  f: CaseFilters,
  tree: RegionTree,
  today: string,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(select(tx), where(scope, f, tree, today), c.id, afterId, limit);
}

/** One case as a scope sees it, or undefined (outside the scope reads as not found). */
export async function getCase(tx: Tx, scope: Scope, id: string) {
  const [row] = await tx
    .select({
      row: c,
      regionName: sql<string>`coalesce(${regions.name}, ${c.regionCode})`,
      bureauName: sql<string>`coalesce(${bureau.name}, ${c.bureauCode})`,
    })
    .from(c)
    .leftJoin(regions, eq(regions.code, c.regionCode))
    .leftJoin(bureau, eq(bureau.code, c.bureauCode))
    .where(and(eq(c.id, id), scopeCondition(scope)))
    .limit(1);
  return row;
}

export async function lockCase(tx: Tx, id: string) {
  const [row] = await tx.select().from(c).where(eq(c.id, id)).for('update');
  return row;
}

export type CaseRecord = typeof c.$inferSelect;

export async function insertCase(tx: Tx, values: typeof c.$inferInsert) {
  const [row] = await tx.insert(c).values(values).returning();
  return row;
}

/** Writes the change when the case is still at `version`; undefined when somebody was first. */
export async function updateCaseIfUnchanged(tx: Tx, id: string, version: number, set: Partial<CaseRecord>) {
  const [row] = await tx
    .update(c)
    .set({ ...set, version: sql`${c.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(c.id, id), eq(c.version, version)))
    .returning();
  return row;
}

export async function insertCaseEvents(tx: Tx, rows: (typeof e.$inferInsert)[]) {
  if (rows.length > 0) await tx.insert(e).values(rows);
}

export function caseEventsOf(tx: Tx, id: string) {
  return tx
    .select({
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      on: e.on,
      note: e.note,
      actorUsername: e.actorUsername,
      at: sql<string>`to_char(${e.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
    })
    .from(e)
    .where(eq(e.caseId, id))
    .orderBy(desc(e.id));
}

/** The next 案号 sequence of a bureau region and year (in the 立案 transaction: no gaps). */
export async function nextCaseSequence(tx: Tx, regionCode: string, year: number, count = 1): Promise<number> {
  const [row] = await tx
    .insert(n)
    .values({ regionCode, year, last: count })
    .onConflictDoUpdate({ target: [n.regionCode, n.year], set: { last: sql`${n.last} + ${count}` } })
    .returning({ last: n.last });
  return row.last - count + 1;
}

export async function insertCasesBulk(tx: Tx, rows: (typeof c.$inferInsert)[]) {
  return rows.length > 0 ? tx.insert(c).values(rows).returning({ id: c.id }) : [];
}

export async function anyCase(tx: Tx): Promise<boolean> {
  const rows = await tx.select({ id: c.id }).from(c).limit(1);
  return rows.length > 0;
}
