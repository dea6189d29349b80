import { and, asc, desc, eq, getTableColumns, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { OrgListQuery } from '../../../domain/contracts/registry';
import { queryRows, type Tx } from '../../db/client';
import {
  auditLog,
  industries,
  organizations as o,
  orgAnnualStats,
  organizationNames,
  parks,
  qualifications,
  regions,
} from '../../db/schema';
import { clock } from '../../platform/clock';
import { COUNT_CAP, countUpTo, estimateRows } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import { regionFilter, type Scope, scopeWhere } from '../../platform/scope';
import { industrySectionRange, regionWords } from './search';
import { searchCondition } from './search-sql';
import { qualificationValidOn } from './validity-sql';

export const orgScopeColumns = { regionCode: o.regionCode, orgId: o.id, parkId: o.parkId };

type Filters = Omit<OrgListQuery, 'page' | 'pageSize' | 'sort'>;

/** Typing a 统一社会信用代码 finds that organisation by code, not by words. */
const USCC_LIKE = /^[0-9A-Za-z]{18}$/;

/**
 * A keyword search counts and ranks at most this many matches. Counting 10,000 of a query that
 * matches one organisation in ten means reading 100,000 rows; 2,000 keeps a broad query (晋江 鞋)
 * within a page's time, and whoever needs more narrows the query or exports.
 */
export const SEARCH_CAP = COUNT_CAP;

/** The keyword search of a list query, unless it is a USCC (matched by code) or absent. */
export function keywordSearch(q: { q?: string }, regionsTree: RegionTree) {
  if (!q.q || USCC_LIKE.test(q.q)) return null;
  const cols = { vector: sql`${o.searchVector}`, name: sql`${o.name}`, regionCode: sql`${o.regionCode}` };
  return searchCondition(cols, q.q, regionWords(regionsTree));
}

// The region filter moved to platform/scope with the other scope rules; kept here for importers.
export { regionFilter };

function where(
  scope: Scope,
  f: Filters,
  regionsTree: RegionTree,
  search: ReturnType<typeof searchCondition>,
): SQL | undefined {
  const conds: (SQL | undefined)[] = [scopeWhere(scope, orgScopeColumns)];
  conds.push(regionFilter(regionsTree, o.regionCode, f.regionCode));
  if (f.kind) conds.push(eq(o.kind, f.kind));
  if (f.industryCode) {
    if (/^[A-T]$/.test(f.industryCode)) {
      const range = industrySectionRange(f.industryCode);
      conds.push(
        range
          ? sql`(${o.industryCode} >= ${range.from} and ${o.industryCode} < ${range.before})`
          : sql`false`,
      );
    } else conds.push(sql`${o.industryCode} like ${`${f.industryCode}%`}`);
  }
  if (f.aboveSize !== undefined) conds.push(eq(o.aboveSize, f.aboveSize));
  if (f.parkId) conds.push(eq(o.parkId, f.parkId));
  if (f.qualification) {
    const levelCond = f.level ? sql` and ${qualifications.level} = ${f.level}` : sql``;
    // The holders are found once, from the type's index, and met by hash (`offset 0` keeps the
    // planner from turning this into a lookup per organisation read in list order: with a
    // combination that matches few or none, such as not 规上 and 高企, that read every index entry).
    conds.push(
      sql`${o.id} in (select ${qualifications.orgId} from ${qualifications} where ${qualifications.typeCode} = ${f.qualification} and ${qualificationValidOn(f.validOn ?? clock.today())}${levelCond} offset 0)`,
    );
  }
  if (f.q && USCC_LIKE.test(f.q)) conds.push(eq(o.uscc, f.q.toUpperCase()));
  else if (search) conds.push(search.where);
  return and(...conds);
}

const SORTABLE = {
  name: o.name,
  uscc: o.uscc,
  regionCode: o.regionCode,
  foundedOn: o.foundedOn,
  updatedAt: o.updatedAt,
};

function listColumns(today: string) {
  return {
    id: o.id,
    uscc: o.uscc,
    name: o.name,
    kind: o.kind,
    regionCode: o.regionCode,
    regionName: sql<string>`coalesce(${regions.name}, ${o.regionCode})`,
    industryCode: o.industryCode,
    industryName: industries.name,
    aboveSize: o.aboveSize,
    parkId: o.parkId,
    parkName: parks.name,
    foundedOn: o.foundedOn,
    qualifications: sql<
      string[]
    >`array(select distinct ${qualifications.typeCode} from ${qualifications} where ${qualifications.orgId} = ${o.id} and ${qualificationValidOn(today)})`,
    updatedAt: o.updatedAt,
  };
}

/** Rows with the qualifications valid on `validOn` (the list's date filter), today by default. */
function baseSelect(tx: Tx, validOn?: string) {
  return tx
    .select(listColumns(validOn ?? clock.today()))
    .from(o)
    .leftJoin(regions, eq(regions.code, o.regionCode))
    .leftJoin(industries, eq(industries.code, o.industryCode))
    .leftJoin(parks, eq(parks.id, o.parkId));
}

export type OrgListRow = Awaited<ReturnType<typeof listOrgs>>[number];

function orderOf(q: OrgListQuery): SQL[] {
  const field = q.sort?.replace(/^-/, '') as keyof typeof SORTABLE | undefined;
  const order: SQL[] = [];
  if (field && SORTABLE[field])
    order.push(q.sort!.startsWith('-') ? desc(SORTABLE[field]) : asc(SORTABLE[field]));
  // A USCC is unique: nothing ties, and its index (uscc, id) gives the order without the name.
  if (field !== 'uscc') order.push(asc(o.name));
  order.push(asc(o.id));
  return order;
}

/**
 * A page in the requested order (or by name); a keyword search here only filters. The page's ids
 * are chosen first, on organisations alone (an index in the list's order, read up to the page's
 * end: docs/performance.md), and names, regions and qualifications are joined for those rows only.
 */
export function listOrgs(
  tx: Tx,
  scope: Scope,
  q: OrgListQuery,
  regionsTree: RegionTree,
  limit: number,
  offset: number,
) {
  const order = orderOf(q);
  const search = keywordSearch(q, regionsTree);
  const cond = where(scope, q, regionsTree, search);
  // A keyword search counts no further than SEARCH_CAP (its total says "more than"): sorted, it
  // orders those first matches, as its pages by relevance do, not every organisation a broad
  // word finds. The subquery keeps the table's name, so the list's order applies to it unchanged.
  const source = search
    ? sql`(select ${o.id}, ${o.name}, ${o.uscc}, ${o.regionCode}, ${o.foundedOn}, ${o.updatedAt} from ${o} where ${cond ?? sql`true`} limit ${SEARCH_CAP + 1}) as ${o}`
    : sql`${o}`;
  const page = tx
    .select({ pageId: sql<string>`${o.id}`.as('page_id') })
    .from(source)
    .where(search ? undefined : cond)
    .orderBy(...order)
    .limit(limit)
    .offset(offset)
    .as('page');
  return tx
    .select(listColumns(q.validOn ?? clock.today()))
    .from(page)
    .innerJoin(o, eq(o.id, page.pageId))
    .leftJoin(regions, eq(regions.code, o.regionCode))
    .leftJoin(industries, eq(industries.code, o.industryCode))
    .leftJoin(parks, eq(parks.id, o.parkId))
    .orderBy(...order);
}

/**
 * A page of a keyword search by relevance: the SEARCH_CAP + 1 best matches (so a name holding the
 * whole keyword is never left out behind thousands that hold its characters apart) are ranked on
 * organisations alone, and only the page's ids leave; `matched` is how many were ranked (null
 * when the page lies past the end). Names, regions and qualifications are joined for those ids.
 */
export async function rankedOrgIds(
  tx: Tx,
  scope: Scope,
  q: OrgListQuery,
  regionsTree: RegionTree,
  search: NonNullable<ReturnType<typeof keywordSearch>>,
  limit: number,
  offset: number,
): Promise<{ ids: string[]; matched: number | null }> {
  // Pages end with the SEARCH_CAP best; the one more found only tells that the count is capped.
  const shown = Math.min(limit, SEARCH_CAP - offset);
  if (shown <= 0) return { ids: [], matched: null };
  const rows = await queryRows<{ id: string; n: number }>(
    tx,
    sql`select c.id, count(*) over ()::int as n
        from (select ${o.id} as id, ${o.name} as name, ${search.rank} as rank from ${o}
              where ${where(scope, q, regionsTree, search) ?? sql`true`}
              order by rank desc limit ${SEARCH_CAP + 1}) c
        order by c.rank desc, c.name, c.id limit ${shown} offset ${offset}`,
  );
  return { ids: rows.map((r) => r.id), matched: rows.length > 0 ? Number(rows[0].n) : null };
}

/** List rows of the given organisations, in the order of `ids`. */
export async function orgRowsByIds(tx: Tx, ids: string[], validOn?: string) {
  if (ids.length === 0) return [];
  const rows = await baseSelect(tx, validOn).where(inArray(o.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Past this many matches a list's total is the planner's estimate (`totalIsEstimate`): counting
 * a city-wide million exactly would cost more than the page itself. Below it the count is exact
 * and reads at most this many index entries.
 */
export const EXACT_COUNT_CAP = 10_000;

/**
 * How many match: a keyword search stops counting past `cap`; otherwise the count is exact up to
 * EXACT_COUNT_CAP and estimated beyond (`estimated`).
 */
export async function countOrgs(
  tx: Tx,
  scope: Scope,
  q: Filters,
  regionsTree: RegionTree,
  cap?: number,
): Promise<{ n: number; estimated: boolean }> {
  const cond = where(scope, q, regionsTree, keywordSearch(q, regionsTree));
  if (cap !== undefined) return { n: await countUpTo(tx, sql`${o}`, cond, cap), estimated: false };
  const n = await countUpTo(tx, sql`${o}`, cond, EXACT_COUNT_CAP);
  if (n <= EXACT_COUNT_CAP) return { n, estimated: false };
  return { n: Math.max(EXACT_COUNT_CAP + 1, await estimateRows(tx, sql`${o}`, cond)), estimated: true };
}

/** Keyset pages for exports: constant cost per batch however deep the export goes. */
export function orgsAfter(
  tx: Tx,
  scope: Scope,
  q: Filters,
  regionsTree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return baseSelect(tx, q.validOn)
    .where(
      and(
        where(scope, q, regionsTree, keywordSearch(q, regionsTree)),
        afterId ? gt(o.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(o.id))
    .limit(limit);
}

export async function getOrgListRow(tx: Tx, id: string): Promise<OrgListRow | undefined> {
  const [row] = await baseSelect(tx).where(eq(o.id, id));
  return row;
}

/** An organisation's list row and the record's other shown columns, in one statement. */
export async function getOrgPageRow(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      row: listColumns(clock.today()),
      more: {
        address: o.address,
        contactPerson: o.contactPerson,
        contactPhone: o.contactPhone,
        legacyRegNo: o.legacyRegNo,
        createdAt: o.createdAt,
      },
    })
    .from(o)
    .leftJoin(regions, eq(regions.code, o.regionCode))
    .leftJoin(industries, eq(industries.code, o.industryCode))
    .leftJoin(parks, eq(parks.id, o.parkId))
    .where(eq(o.id, id));
  return row as { row: OrgListRow; more: NonNullable<typeof row>['more'] } | undefined;
}

/** The stored columns an organisation is read and audited with (not its lexemes). */
const { searchVector: _lexemes, ...orgColumns } = getTableColumns(o);

export async function getOrg(tx: Tx, id: string) {
  const [row] = await tx.select(orgColumns).from(o).where(eq(o.id, id));
  return row;
}

export const SORTABLE_ORG_FIELDS = Object.keys(SORTABLE);

/* The organisation record's own reads and writes (orgs-service.ts holds the rules). */

export function formerNamesOf(tx: Tx, orgId: string) {
  return tx
    .select()
    .from(organizationNames)
    .where(eq(organizationNames.orgId, orgId))
    .orderBy(desc(organizationNames.usedUntil));
}

export function annualStatsOf(tx: Tx, orgId: string) {
  return tx
    .select()
    .from(orgAnnualStats)
    .where(eq(orgAnnualStats.orgId, orgId))
    .orderBy(asc(orgAnnualStats.year));
}

export async function industryExists(tx: Tx, code: string) {
  const [row] = await tx.select({ code: industries.code }).from(industries).where(eq(industries.code, code));
  return !!row;
}

export async function parkExists(tx: Tx, id: string) {
  const [row] = await tx.select({ id: parks.id }).from(parks).where(eq(parks.id, id));
  return !!row;
}

export async function orgIdByUscc(tx: Tx, uscc: string): Promise<string | undefined> {
  const [row] = await tx.select({ id: o.id }).from(o).where(eq(o.uscc, uscc));
  return row?.id;
}

export async function insertOrg(tx: Tx, values: typeof o.$inferInsert) {
  const [row] = await tx.insert(o).values(values).returning();
  return row;
}

export async function updateOrg(tx: Tx, id: string, set: Partial<typeof o.$inferInsert>) {
  const [row] = await tx
    .update(o)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(o.id, id))
    .returning();
  return row;
}

export async function insertFormerName(tx: Tx, orgId: string, name: string, changedBy: string) {
  await tx.insert(organizationNames).values({ orgId, name, changedBy });
}

/** Statistics, qualifications and facilities carry the region for scoping; they follow a move. */
export async function moveOrgRecords(tx: Tx, orgId: string, regionCode: string) {
  for (const table of ['org_annual_stats', 'qualifications'] as const) {
    await tx.execute(
      sql`update ${sql.identifier(table)} set region_code = ${regionCode} where org_id = ${orgId}`,
    );
  }
  await tx.execute(sql`update rd_platforms set region_code = ${regionCode} where host_org_id = ${orgId}`);
  await tx.execute(sql`update carriers set region_code = ${regionCode} where operator_org_id = ${orgId}`);
  await tx.execute(
    sql`update carrier_annual set region_code = ${regionCode} where carrier_id in (select id from carriers where operator_org_id = ${orgId})`,
  );
}

export async function annualStatsOfYear(tx: Tx, orgId: string, year: number) {
  const [row] = await tx
    .select()
    .from(orgAnnualStats)
    .where(and(eq(orgAnnualStats.orgId, orgId), eq(orgAnnualStats.year, year)));
  return row;
}

type StatsFields = Omit<typeof orgAnnualStats.$inferInsert, 'orgId' | 'year' | 'regionCode' | 'updatedAt'>;

export async function upsertAnnualStats(
  tx: Tx,
  key: { orgId: string; year: number; regionCode: string },
  fields: StatsFields,
) {
  await tx
    .insert(orgAnnualStats)
    .values({ ...fields, ...key, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [orgAnnualStats.orgId, orgAnnualStats.year],
      set: { ...fields, updatedAt: new Date() },
    });
}

/** The audit entries of one organisation, newest first (at most 200). */
export function orgAuditEntries(tx: Tx, orgId: string) {
  return tx
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, 'organization'), eq(auditLog.targetId, orgId)))
    .orderBy(desc(auditLog.id))
    .limit(200);
}
