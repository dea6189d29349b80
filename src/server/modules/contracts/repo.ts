/** The technology contracts' SQL: the list, the scope, the writes, the history and the numbers. */
import { aliasedTable, and, asc, desc, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ContractFilters, ContractListQuery } from '../../../domain/contracts/tech-contracts';
import { DECISION_DAYS, DUE_SOON_DAYS } from '../../../domain/tech-contracts';
import type { Tx } from '../../db/client';
import {
  techContractAmounts as a,
  techContracts as c,
  codeLists,
  techContractEvents as ev,
  techContractFiles as f,
  techContractNumbers as n,
  organizations,
  regions,
} from '../../db/schema';
import { pageRows, rowsAfter } from '../../platform/list-kit';
import { likePattern, orderBy } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import { regionFilter, type Scope } from '../../platform/scope';

const seller = aliasedTable(organizations, 'seller');
const day = (col: SQL | AnyPgColumn) => sql<string | null>`to_char(${col}, 'YYYY-MM-DD')`;

function select(tx: Tx) {
  return tx
    .select({
      id: c.id,
      title: c.title,
      typeCode: c.typeCode,
      subTypeCode: c.subTypeCode,
      sellerOrgId: c.sellerOrgId,
      sellerName: seller.name,
      sellerUscc: seller.uscc,
      regionCode: c.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${c.regionCode})`,
      registrarRegion: c.registrarRegion,
      buyerKind: c.buyerKind,
      buyerName: c.buyerName,
      buyerCountry: c.buyerCountry,
      currency: c.currency,
      exchangeRate: c.exchangeRate,
      contractAmountOrig: c.contractAmountOrig,
      techAmountOrig: c.techAmountOrig,
      contractAmount: c.contractAmount,
      techAmount: c.techAmount,
      signedOn: sql<string>`to_char(${c.signedOn}, 'YYYY-MM-DD')`,
      status: c.status,
      submittedOn: day(c.submittedOn),
      decisionDue: sql<
        string | null
      >`case when ${c.status} = 'submitted' then to_char(${c.submittedOn} + ${DECISION_DAYS}::int, 'YYYY-MM-DD') end`,
      registrationNo: c.registrationNo,
      registeredOn: day(c.registeredOn),
      cancelledOn: day(c.cancelledOn),
      source: c.source,
      matchId: sql<string | null>`${c.matchId}::text`,
      version: c.version,
      updatedAt: sql<string>`to_char(${c.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
    })
    .from(c)
    .innerJoin(seller, eq(seller.id, c.sellerOrgId))
    .leftJoin(regions, eq(regions.code, c.regionCode))
    .$dynamic();
}

export type ContractRow = Awaited<ReturnType<typeof select>>[number];

/**
 * Which contracts a scope reads: the city all; a county those of sellers in its region (it is
 * their registrar); an organisation its own as seller, and as buyer once submitted.
 */
export function scopeCondition(scope: Scope): SQL {
  switch (scope.kind) {
    case 'city':
      return sql`true`;
    case 'region':
      return inArray(c.regionCode, scope.regionCodes);
    case 'org':
      return or(eq(c.sellerOrgId, scope.orgId), and(eq(c.buyerOrgId, scope.orgId), ne(c.status, 'draft')))!;
    default:
      return sql`false`;
  }
}

function where(scope: Scope, f: ContractFilters, tree: RegionTree, today: string): SQL | undefined {
  const due = sql`${c.submittedOn} + ${DECISION_DAYS}::int`;
  return and(
    scopeCondition(scope),
    regionFilter(tree, c.regionCode, f.regionCode),
    f.status ? eq(c.status, f.status) : undefined,
    f.typeCode ? eq(c.typeCode, f.typeCode) : undefined,
    f.registrarRegion ? eq(c.registrarRegion, f.registrarRegion) : undefined,
    f.year ? sql`extract(year from ${c.registeredOn}) = ${f.year}` : undefined,
    f.deadline === 'overdue' ? and(eq(c.status, 'submitted'), sql`${due} < ${today}::date`) : undefined,
    f.deadline === 'due_soon'
      ? and(
          eq(c.status, 'submitted'),
          sql`${due} >= ${today}::date and ${due} - ${DUE_SOON_DAYS}::int <= ${today}::date`,
        )
      : undefined,
    f.q
      ? or(
          ilike(c.title, likePattern(f.q)),
          ilike(c.registrationNo, likePattern(f.q)),
          ilike(c.buyerName, likePattern(f.q)),
          ilike(seller.name, likePattern(f.q)),
        )
      : undefined,
  );
}

const SORTABLE = {
  title: c.title,
  status: c.status,
  signedOn: c.signedOn,
  submittedOn: c.submittedOn,
  registeredOn: c.registeredOn,
  registrationNo: c.registrationNo,
  contractAmount: c.contractAmount,
  techAmount: c.techAmount,
  updatedAt: c.updatedAt,
};

export function listContracts(
  tx: Tx,
  scope: Scope,
  q: ContractListQuery,
  tree: RegionTree,
  today: string,
  limit: number,
  offset: number,
) {
  const order = orderBy(q.sort ?? '-updatedAt', SORTABLE, asc(c.id));
  return pageRows(select(tx), where(scope, q, tree, today), order, limit, offset);
}

export async function countContracts(
  tx: Tx,
  scope: Scope,
  fl: ContractFilters,
  tree: RegionTree,
  today: string,
) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(c)
    .innerJoin(seller, eq(seller.id, c.sellerOrgId))
    .where(where(scope, fl, tree, today));
  return row.n;
}

export function contractsAfter(
  tx: Tx,
  scope: Scope,
  fl: ContractFilters,
  tree: RegionTree,
  today: string,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(select(tx), where(scope, fl, tree, today), c.id, afterId, limit);
}

/** One contract as a scope sees it, or undefined (out of scope reads as not found). */
export async function getContract(tx: Tx, scope: Scope, id: string) {
  const [row] = await select(tx)
    .where(and(eq(c.id, id), scopeCondition(scope)))
    .limit(1);
  return row;
}

/** The stored row, locked until the transaction ends, for a write. */
export async function lockContract(tx: Tx, id: string) {
  const [row] = await tx.select().from(c).where(eq(c.id, id)).for('update');
  return row;
}

export type ContractRecord = typeof c.$inferSelect;

export async function insertContract(tx: Tx, values: typeof c.$inferInsert) {
  const [row] = await tx.insert(c).values(values).returning();
  return row;
}

/** Several contracts at once (demo data, import). */
export async function insertContracts(tx: Tx, values: (typeof c.$inferInsert)[]) {
  if (values.length === 0) return [];
  return tx.insert(c).values(values).returning({ id: c.id, registrationNo: c.registrationNo });
}

/** Writes a change only at the version the actor saw; undefined when it moved meanwhile. */
export async function updateIfUnchanged(
  tx: Tx,
  id: string,
  version: number,
  set: Partial<typeof c.$inferInsert>,
) {
  const [row] = await tx
    .update(c)
    .set({ ...set, version: sql`${c.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(c.id, id), eq(c.version, version)))
    .returning();
  return row;
}

export async function insertEvent(tx: Tx, values: typeof ev.$inferInsert) {
  await tx.insert(ev).values(values);
}

export async function insertEvents(tx: Tx, values: (typeof ev.$inferInsert)[]) {
  if (values.length > 0) await tx.insert(ev).values(values);
}

export function eventsOf(tx: Tx, id: string) {
  return tx
    .select({
      action: ev.action,
      fromStatus: ev.fromStatus,
      toStatus: ev.toStatus,
      reasonCodes: ev.reasonCodes,
      note: ev.note,
      on: sql<string>`to_char(${ev.on}, 'YYYY-MM-DD')`,
      actorUsername: ev.actorUsername,
      at: sql<string>`to_char(${ev.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    })
    .from(ev)
    .where(eq(ev.contractId, id))
    .orderBy(asc(ev.at), asc(ev.id));
}

export async function insertAmounts(tx: Tx, values: (typeof a.$inferInsert)[]) {
  if (values.length > 0) await tx.insert(a).values(values);
}

export async function lastAmountVersion(tx: Tx, id: string): Promise<number> {
  const [row] = await tx
    .select({ v: sql<number>`coalesce(max(${a.version}), 0)::int` })
    .from(a)
    .where(eq(a.contractId, id));
  return row.v;
}

export function amountsOf(tx: Tx, id: string) {
  return tx
    .select({
      version: a.version,
      effectiveOn: sql<string>`to_char(${a.effectiveOn}, 'YYYY-MM-DD')`,
      exchangeRate: a.exchangeRate,
      contractAmountOrig: a.contractAmountOrig,
      techAmountOrig: a.techAmountOrig,
      contractAmount: a.contractAmount,
      techAmount: a.techAmount,
      note: a.note,
    })
    .from(a)
    .where(eq(a.contractId, id))
    .orderBy(asc(a.version));
}

export async function detailExtras(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      buyerUscc: c.buyerUscc,
      nontechCosts: c.nontechCosts,
      paymentTerms: c.paymentTerms,
      effectiveOn: day(c.effectiveOn),
      endOn: day(c.endOn),
      fieldCode: c.fieldCode,
      objectiveCode: c.objectiveCode,
      reasonCodes: c.reasonCodes,
      reasonNote: c.reasonNote,
    })
    .from(c)
    .where(eq(c.id, id));
  return row;
}

/**
 * The next registration number's sequence for a registrar region and year, taken in the caller's
 * transaction: the counter row is locked until it commits, and a rolled-back registration gives its
 * number back, so the numbers of a region and year have no gaps.
 */
export async function nextSequence(tx: Tx, registrarRegion: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(n)
    .values({ registrarRegion, year, last: 1 })
    .onConflictDoUpdate({ target: [n.registrarRegion, n.year], set: { last: sql`${n.last} + 1` } })
    .returning({ last: n.last });
  return row.last;
}

/** Reserves `count` numbers at once (demo data, import); returns the first. */
export async function reserveSequences(
  tx: Tx,
  registrarRegion: string,
  year: number,
  count: number,
): Promise<number> {
  const [row] = await tx
    .insert(n)
    .values({ registrarRegion, year, last: count })
    .onConflictDoUpdate({ target: [n.registrarRegion, n.year], set: { last: sql`${n.last} + ${count}` } })
    .returning({ last: n.last });
  return row.last - count + 1;
}

// ---- files ----------------------------------------------------------------------------------------

export async function insertFile(tx: Tx, values: typeof f.$inferInsert) {
  const [row] = await tx.insert(f).values(values).returning();
  return row;
}

export async function getFile(tx: Tx, id: string) {
  const [row] = await tx.select().from(f).where(eq(f.id, id));
  return row;
}

export async function removeFile(tx: Tx, id: string) {
  await tx.delete(f).where(eq(f.id, id));
}

export function filesOf(tx: Tx, id: string) {
  return tx
    .select({
      id: f.id,
      fileName: f.fileName,
      size: f.size,
      sha256: f.sha256,
      uploadedAt: sql<string>`to_char(${f.uploadedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
    })
    .from(f)
    .where(eq(f.contractId, id))
    .orderBy(asc(f.uploadedAt));
}

export async function countFiles(tx: Tx, id: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(f).where(eq(f.contractId, id));
  return row.n;
}

// ---- lookups --------------------------------------------------------------------------------------

export async function orgByUscc(tx: Tx, uscc: string) {
  const [row] = await tx
    .select({ id: organizations.id, name: organizations.name, regionCode: organizations.regionCode })
    .from(organizations)
    .where(eq(organizations.uscc, uscc));
  return row;
}

export async function orgById(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      id: organizations.id,
      name: organizations.name,
      uscc: organizations.uscc,
      regionCode: organizations.regionCode,
    })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row;
}

/** The public check: a registration number's status, day and type — nothing about the parties. */
export async function byRegistrationNo(tx: Tx, registrationNo: string) {
  const [row] = await tx
    .select({
      registrationNo: sql<string>`${c.registrationNo}`,
      status: c.status,
      registeredOn: day(c.registeredOn),
      cancelledOn: day(c.cancelledOn),
      typeCode: c.typeCode,
      subTypeCode: c.subTypeCode,
      registrarRegion: c.registrarRegion,
    })
    .from(c)
    .where(eq(c.registrationNo, registrationNo))
    .orderBy(desc(c.registeredOn))
    .limit(1);
  return row;
}

/** Contracts awaiting the decision of registrars within a scope (the workbench's to-do). */
export async function countPending(tx: Tx, scope: Scope) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(c)
    .where(and(scopeCondition(scope), eq(c.status, 'submitted')));
  return row.n;
}

/** Whether a code is on a code list (the high-tech fields). */
export async function codeListHas(tx: Tx, list: string, code: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: codeLists.id })
    .from(codeLists)
    .where(and(eq(codeLists.list, list), eq(codeLists.code, code)))
    .limit(1);
  return !!row;
}

// ---- demo data ------------------------------------------------------------------------------------

export async function anyContract(tx: Tx): Promise<boolean> {
  const [row] = await tx.select({ id: c.id }).from(c).limit(1);
  return !!row;
}

/** Enterprises and institutes of the registry, in a stable order, with their region. */
export function orgPool(tx: Tx) {
  return tx
    .select({ id: organizations.id, name: organizations.name, regionCode: organizations.regionCode })
    .from(organizations)
    .where(inArray(organizations.kind, ['enterprise', 'institute', 'university']))
    .orderBy(asc(organizations.uscc));
}

export async function insertFiles(tx: Tx, values: (typeof f.$inferInsert)[]) {
  if (values.length > 0) await tx.insert(f).values(values);
}

export async function registrationNoTaken(tx: Tx, registrationNo: string): Promise<boolean> {
  const [row] = await tx.select({ id: c.id }).from(c).where(eq(c.registrationNo, registrationNo)).limit(1);
  return !!row;
}
