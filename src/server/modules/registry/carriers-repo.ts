import { and, asc, eq, gt, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { CarrierFilters, CarrierListQuery } from '../../../domain/contracts/registry-facilities';
import type { Tx } from '../../db/client';
import { carrierAnnual as a, organizations, carriers as p } from '../../db/schema';
import { likePattern, orderBy } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import { type Scope, scopeWhere } from '../../platform/scope';
import { carrierSelect, facilityActiveOn } from './facilities-repo';
import { regionFilter } from './orgs-repo';

/** A carrier is its operator's: the operator's region (copied), the operator, the operator's park. */
export const carrierScopeColumns = {
  regionCode: p.regionCode,
  orgId: p.operatorOrgId,
  parkId: organizations.parkId,
};

function where(scope: Scope, f: CarrierFilters, tree: RegionTree): SQL | undefined {
  const conds: (SQL | undefined)[] = [
    scopeWhere(scope, carrierScopeColumns),
    regionFilter(tree, p.regionCode, f.regionCode),
  ];
  if (f.kind) conds.push(eq(p.kind, f.kind));
  if (f.level) conds.push(eq(p.level, f.level));
  if (f.status) conds.push(eq(p.status, f.status));
  if (f.operatorOrgId) conds.push(eq(p.operatorOrgId, f.operatorOrgId));
  if (f.activeOn) conds.push(facilityActiveOn(p, f.activeOn));
  if (f.q) conds.push(or(ilike(p.name, likePattern(f.q)), ilike(organizations.name, likePattern(f.q))));
  return and(...conds);
}

const SORTABLE = {
  name: p.name,
  kind: p.kind,
  level: p.level,
  status: p.status,
  recognizedOn: p.recognizedOn,
  endedOn: p.endedOn,
  regionCode: p.regionCode,
  operatorOrgName: organizations.name,
};

export type CarrierRow = Awaited<ReturnType<typeof listCarriers>>[number];

export function listCarriers(
  tx: Tx,
  scope: Scope,
  q: CarrierListQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  return carrierSelect(tx)
    .where(where(scope, q, tree))
    .orderBy(...orderBy(q.sort ?? '-recognizedOn', SORTABLE, asc(p.id)))
    .limit(limit)
    .offset(offset);
}

export async function countCarriers(tx: Tx, scope: Scope, f: CarrierFilters, tree: RegionTree) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(p)
    .innerJoin(organizations, eq(organizations.id, p.operatorOrgId))
    .where(where(scope, f, tree));
  return row.n;
}

/** Keyset pages for exports: constant cost per batch however deep the export goes. */
export function carriersAfter(
  tx: Tx,
  scope: Scope,
  f: CarrierFilters,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return carrierSelect(tx)
    .where(and(where(scope, f, tree), afterId ? gt(p.id, afterId) : undefined))
    .orderBy(asc(p.id))
    .limit(limit);
}

export async function getCarrierRow(tx: Tx, id: string): Promise<CarrierRow | undefined> {
  const [row] = await carrierSelect(tx).where(eq(p.id, id));
  return row;
}

const annualColumns = {
  year: a.year,
  startupsServed: a.startupsServed,
  teamsServed: a.teamsServed,
  areaM2: a.areaM2,
  incubatees: a.incubatees,
  graduates: a.graduates,
};

export function carrierAnnualRows(tx: Tx, carrierId: string) {
  return tx.select(annualColumns).from(a).where(eq(a.carrierId, carrierId)).orderBy(asc(a.year));
}

export async function getCarrierAnnual(tx: Tx, carrierId: string, year: number) {
  const [row] = await tx
    .select(annualColumns)
    .from(a)
    .where(and(eq(a.carrierId, carrierId), eq(a.year, year)));
  return row;
}

/** One year's figures, replaced whole: a figure left out is cleared. */
export async function upsertCarrierAnnual(tx: Tx, values: typeof a.$inferInsert) {
  const { carrierId: _c, year: _y, ...set } = values;
  const [row] = await tx
    .insert(a)
    .values(values)
    .onConflictDoUpdate({ target: [a.carrierId, a.year], set })
    .returning(annualColumns);
  return row;
}

/** A carrier's yearly figures carry its region for scoping; they follow a change of operator. */
export async function moveCarrierAnnual(tx: Tx, carrierId: string, regionCode: string) {
  await tx.update(a).set({ regionCode }).where(eq(a.carrierId, carrierId));
}
