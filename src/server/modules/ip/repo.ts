/** The patents' SQL: the list, one patent with its events, an organisation's patent figures. */
import { and, asc, eq, gte, ilike, lte, type SQL, sql } from 'drizzle-orm';
import type { PatentFilters, PatentListQuery } from '../../../domain/contracts/ip';
import { queryRows, type Tx } from '../../db/client';
import { ipLegalEvents as e, organizations, ipPatents as p, regions } from '../../db/schema';
import { pageRows, rowsAfter } from '../../platform/list-kit';
import { likePattern, orderBy } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import { regionFilter, type Scope } from '../../platform/scope';
import { patentValidOn } from './validity-sql';

function select(tx: Tx) {
  return tx
    .select({
      id: p.id,
      appNo: p.appNo,
      kind: p.kind,
      title: p.title,
      applicantNames: p.applicantNames,
      inventors: p.inventors,
      filedOn: p.filedOn,
      publishedOn: p.publishedOn,
      grantedOn: p.grantedOn,
      endedOn: p.endedOn,
      status: p.status,
      ipcMain: p.ipcMain,
      regionCode: p.regionCode,
      regionName: regions.name,
    })
    .from(p)
    .leftJoin(regions, eq(regions.code, p.regionCode))
    .$dynamic();
}

export type PatentRow = Awaited<ReturnType<typeof select>>[number];

/** Patents are public information: every business scope reads all of them. */
function scopeCondition(scope: Scope): SQL {
  return scope.kind === 'none' ? sql`false` : sql`true`;
}

/** An application number typed with or without its dot, ZL/CN prefix or check character. */
function numberFragment(q: string): string | null {
  const s = q
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/^(ZL|CN)/, '');
  return /^\d{4,}[.]?[\dX]?$/.test(s) ? s.replace('.', '') : null;
}

function where(scope: Scope, f: PatentFilters, tree: RegionTree): SQL | undefined {
  const num = f.q ? numberFragment(f.q) : null;
  return and(
    scopeCondition(scope),
    regionFilter(tree, p.regionCode, f.regionCode),
    f.kind ? eq(p.kind, f.kind) : undefined,
    f.status ? eq(p.status, f.status) : undefined,
    f.orgId ? sql`${p.orgIds} @> array[${f.orgId}]::uuid[]` : undefined,
    f.applicant ? ilike(p.applicantNames, likePattern(f.applicant)) : undefined,
    f.ipc ? ilike(p.ipcMain, `${f.ipc.replace(/[%_\\]/g, '').toUpperCase()}%`) : undefined,
    f.filedFrom ? gte(p.filedOn, f.filedFrom) : undefined,
    f.filedTo ? lte(p.filedOn, f.filedTo) : undefined,
    f.grantedFrom ? gte(p.grantedOn, f.grantedFrom) : undefined,
    f.grantedTo ? lte(p.grantedOn, f.grantedTo) : undefined,
    f.q
      ? num
        ? sql`replace(${p.appNo}, '.', '') like ${`${num}%`}`
        : and(...f.q.split(/\s+/).map((w) => ilike(p.title, likePattern(w))))
      : undefined,
  );
}

const SORTABLE = { appNo: p.appNo, filedOn: p.filedOn, grantedOn: p.grantedOn, title: p.title };

export function listPatents(
  tx: Tx,
  scope: Scope,
  q: PatentListQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  const order = orderBy(q.sort ?? '-filedOn', SORTABLE, asc(p.id));
  return pageRows(select(tx), where(scope, q, tree), order, limit, offset);
}

export async function countPatents(tx: Tx, scope: Scope, f: PatentFilters, tree: RegionTree) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(p)
    .where(where(scope, f, tree));
  return row.n;
}

export function patentsAfter(
  tx: Tx,
  scope: Scope,
  f: PatentFilters,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(select(tx), where(scope, f, tree), p.id, afterId, limit);
}

export async function patentByNumber(tx: Tx, scope: Scope, appNo: string) {
  const [row] = await tx
    .select({
      item: {
        id: p.id,
        appNo: p.appNo,
        kind: p.kind,
        title: p.title,
        applicantNames: p.applicantNames,
        inventors: p.inventors,
        filedOn: p.filedOn,
        publishedOn: p.publishedOn,
        grantedOn: p.grantedOn,
        endedOn: p.endedOn,
        status: p.status,
        ipcMain: p.ipcMain,
        regionCode: p.regionCode,
        regionName: regions.name,
      },
      address: p.address,
      applicants: p.applicants,
    })
    .from(p)
    .leftJoin(regions, eq(regions.code, p.regionCode))
    .where(and(eq(p.appNo, appNo), scopeCondition(scope)))
    .limit(1);
  return row;
}

export function eventsOf(tx: Tx, patentId: string) {
  return tx
    .select({ onDate: e.onDate, status: e.status, label: e.label })
    .from(e)
    .where(eq(e.patentId, patentId))
    .orderBy(asc(e.onDate), asc(e.id));
}

export async function orgNames(tx: Tx, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(sql`${organizations.id} in ${ids}`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** 一企一档: an organisation's patents by kind, its valid inventions today, and its yearly trend. */
export async function orgPatentFigures(tx: Tx, orgId: string, today: string, fromYear: number) {
  const mine = sql`${p.orgIds} @> array[${orgId}]::uuid[]`;
  const byKind = await tx
    .select({
      kind: p.kind,
      filed: sql<number>`count(*)::int`,
      granted: sql<number>`(count(*) filter (where ${p.grantedOn} is not null))::int`,
    })
    .from(p)
    .where(mine)
    .groupBy(p.kind);
  const [valid] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(p)
    .where(and(mine, eq(p.kind, 'invention'), patentValidOn(today)));
  const trend = await queryRows<{ year: number; filed: number; granted: number }>(
    tx,
    sql`select y.year::int as year,
      (select count(*)::int from ${p} where ${mine} and ${p.filedOn} >= make_date(y.year, 1, 1) and ${p.filedOn} < make_date(y.year + 1, 1, 1)) as filed,
      (select count(*)::int from ${p} where ${mine} and ${p.grantedOn} >= make_date(y.year, 1, 1) and ${p.grantedOn} < make_date(y.year + 1, 1, 1)) as granted
    from generate_series(${fromYear}::int, ${fromYear + 9}::int) as y(year) order by 1`,
  );
  return {
    byKind,
    validInventions: valid.n,
    trend: trend.map((r) => ({ year: Number(r.year), filed: Number(r.filed), granted: Number(r.granted) })),
  };
}

export function orgExists(tx: Tx, orgId: string) {
  return tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId)).limit(1);
}
