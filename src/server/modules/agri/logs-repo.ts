/** The SQL of the commissioners' service logs and their photos. */
import { and, asc, desc, eq, ilike, inArray, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { ServiceLogListQuery } from '../../../domain/contracts/agri';
import type { Tx } from '../../db/client';
import {
  agriCommissioners as c,
  agriDispatches as d,
  agriServiceLogs as l,
  agriLogPhotos as p,
  regions,
} from '../../db/schema';
import type { FiltersOf } from '../../platform/list-kit';
import { pageRows, rowsAfter } from '../../platform/list-kit';
import { likePattern, orderBy } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import { regionFilter, type Scope, scopeWhere } from '../../platform/scope';

function logSelect(tx: Tx) {
  return tx
    .select({
      id: l.id,
      dispatchId: l.dispatchId,
      commissionerId: l.commissionerId,
      commissionerName: c.name,
      servedKind: d.servedKind,
      servedName: d.servedName,
      servedOrgId: d.servedOrgId,
      regionCode: l.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${l.regionCode})`,
      servedAt: sql<string>`to_char(${l.servedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
      place: l.place,
      lat: l.lat,
      lng: l.lng,
      content: l.content,
      status: l.status,
      satisfaction: l.satisfaction,
      rejectReason: l.rejectReason,
      flags: l.flags,
      flagNotes: l.flagNotes,
      photos: sql<number>`(select count(*)::int from ${p} where ${p.logId} = ${l.id})`,
      commissionerUserId: c.userId,
    })
    .from(l)
    .innerJoin(d, eq(d.id, l.dispatchId))
    .innerJoin(c, eq(c.id, l.commissionerId))
    .leftJoin(regions, eq(regions.code, l.regionCode))
    .$dynamic();
}
export type LogRow = Awaited<ReturnType<typeof logSelect>>[number];
export type LogFilters = FiltersOf<ServiceLogListQuery>;

/** County: logs in its region; commissioner: its own; a served organisation: those addressed to it. */
const logScope = (scope: Scope) =>
  scopeWhere(scope, {
    regionCode: l.regionCode,
    orgId: d.servedOrgId,
    assignedTo: (userId) => sql`${c.userId} = ${userId}`,
  });

function logWhere(scope: Scope, f: LogFilters, tree: RegionTree): SQL | undefined {
  return and(
    logScope(scope),
    regionFilter(tree, l.regionCode, f.regionCode),
    f.commissionerId ? eq(l.commissionerId, f.commissionerId) : undefined,
    f.dispatchId ? eq(l.dispatchId, f.dispatchId) : undefined,
    f.status ? eq(l.status, f.status) : undefined,
    f.flag === 'any'
      ? sql`cardinality(${l.flags}) > 0`
      : f.flag
        ? sql`${f.flag} = any(${l.flags})`
        : undefined,
    f.year
      ? sql`${l.servedAt} >= ${`${f.year}-01-01T00:00:00+08:00`}::timestamptz and ${l.servedAt} < ${`${f.year + 1}-01-01T00:00:00+08:00`}::timestamptz`
      : undefined,
    f.q
      ? or(
          ilike(l.content, likePattern(f.q)),
          ilike(l.place, likePattern(f.q)),
          ilike(d.servedName, likePattern(f.q)),
          ilike(c.name, likePattern(f.q)),
        )
      : undefined,
  );
}

const LOG_SORT = { servedAt: l.servedAt, status: l.status, place: l.place };

export function listLogs(
  tx: Tx,
  scope: Scope,
  q: ServiceLogListQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  const order = orderBy(q.sort ?? '-servedAt', LOG_SORT, asc(l.id));
  return pageRows(logSelect(tx), logWhere(scope, q, tree), order, limit, offset);
}

export async function countLogs(tx: Tx, scope: Scope, f: LogFilters, tree: RegionTree) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(l)
    .innerJoin(d, eq(d.id, l.dispatchId))
    .innerJoin(c, eq(c.id, l.commissionerId))
    .where(logWhere(scope, f, tree));
  return row.n;
}

export function logsAfter(
  tx: Tx,
  scope: Scope,
  f: LogFilters,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(logSelect(tx), logWhere(scope, f, tree), l.id, afterId, limit);
}

export async function getLog(tx: Tx, scope: Scope, id: string) {
  const [row] = await logSelect(tx)
    .where(and(eq(l.id, id), logScope(scope)))
    .limit(1);
  return row;
}

export async function lockLog(tx: Tx, id: string) {
  const [row] = await tx.select().from(l).where(eq(l.id, id)).for('update');
  return row;
}

export async function insertLog(tx: Tx, values: typeof l.$inferInsert) {
  const [row] = await tx.insert(l).values(values).returning();
  return row;
}

export async function insertLogs(tx: Tx, values: (typeof l.$inferInsert)[]) {
  return tx.insert(l).values(values).returning({ id: l.id });
}

export async function updateLogRow(tx: Tx, id: string, set: Partial<typeof l.$inferInsert>) {
  const [row] = await tx.update(l).set(set).where(eq(l.id, id)).returning();
  return row;
}

/** The commissioner's logs with coordinates nearest before and after an instant (travel check). */
export async function neighbourLogs(tx: Tx, commissionerId: string, at: Date, exceptId: string) {
  const cols = { id: l.id, servedAt: l.servedAt, lat: l.lat, lng: l.lng, place: l.place };
  const base = and(
    eq(l.commissionerId, commissionerId),
    ne(l.id, exceptId),
    sql`${l.lat} is not null and ${l.lng} is not null`,
  );
  const [before] = await tx
    .select(cols)
    .from(l)
    .where(and(base, lt(l.servedAt, at)))
    .orderBy(desc(l.servedAt))
    .limit(1);
  const [after] = await tx
    .select(cols)
    .from(l)
    .where(and(base, sql`${l.servedAt} >= ${at.toISOString()}::timestamptz`))
    .orderBy(asc(l.servedAt))
    .limit(1);
  return [before, after].filter((x) => !!x);
}

// ---- photos ----

export async function insertPhoto(tx: Tx, values: typeof p.$inferInsert) {
  const [row] = await tx
    .insert(p)
    .values(values)
    .returning({ id: p.id, fileName: p.fileName, sha256: p.sha256, size: p.size });
  return row;
}

export async function insertPhotos(tx: Tx, values: (typeof p.$inferInsert)[]) {
  await tx.insert(p).values(values);
}

export function photosOf(tx: Tx, logId: string) {
  return tx
    .select({ id: p.id, fileName: p.fileName, sha256: p.sha256, size: p.size })
    .from(p)
    .where(eq(p.logId, logId))
    .orderBy(asc(p.createdAt), asc(p.id));
}

export async function getPhoto(tx: Tx, id: string) {
  const [row] = await tx.select().from(p).where(eq(p.id, id));
  return row;
}

/** Other logs holding a photo of these content hashes (the same photo used twice). */
export function logsWithPhotos(tx: Tx, hashes: string[], exceptLogId: string) {
  if (hashes.length === 0) return Promise.resolve([]);
  return tx
    .selectDistinct({ logId: p.logId, sha256: p.sha256 })
    .from(p)
    .where(and(inArray(p.sha256, hashes), ne(p.logId, exceptLogId)));
}
