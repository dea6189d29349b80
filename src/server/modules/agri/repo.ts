/** The SQL of the agricultural carriers (parks, bases, cooperatives), park outputs and trainings. */
import { and, asc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AgriUnitKind } from '../../../domain/agri';
import type { TrainingListQuery, UnitListQuery } from '../../../domain/contracts/agri';
import type { Tx } from '../../db/client';
import { agriParkOutputs as po, regions, agriTrainings as t, agriUnits as u } from '../../db/schema';
import type { FiltersOf } from '../../platform/list-kit';
import { pageRows, rowsAfter } from '../../platform/list-kit';
import { likePattern, orderBy } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import { regionFilter, type Scope, scopeWhere } from '../../platform/scope';

const park = alias(u, 'park');

function unitSelect(tx: Tx) {
  return tx
    .select({
      id: u.id,
      kind: u.kind,
      level: u.level,
      name: u.name,
      regionCode: u.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${u.regionCode})`,
      orgId: u.orgId,
      parkId: u.parkId,
      parkName: park.name,
      recognisedOn: u.recognisedOn,
      endedOn: u.endedOn,
      note: u.note,
      outputYear: sql<number | null>`lo.year`,
      output: sql<string | null>`lo.output::text`,
      growthPct: sql<string | null>`lo.growth_pct::text`,
    })
    .from(u)
    .leftJoin(regions, eq(regions.code, u.regionCode))
    .leftJoin(park, eq(park.id, u.parkId))
    .leftJoin(
      sql`lateral (select ${po.year} as year, ${po.output} as output, ${po.growthPct} as growth_pct from ${po} where ${po.unitId} = ${u.id} order by ${po.year} desc limit 1) lo`,
      sql`true`,
    )
    .$dynamic();
}
export type UnitRow = Awaited<ReturnType<typeof unitSelect>>[number];
export type UnitFilters = FiltersOf<UnitListQuery>;

/** Counting on a day: recognised by then and not ended. */
const unitActiveOn = (day: string) =>
  sql`${u.recognisedOn} <= ${day} and (${u.endedOn} is null or ${u.endedOn} > ${day})`;

function unitWhere(scope: Scope, kinds: readonly AgriUnitKind[], f: UnitFilters, tree: RegionTree) {
  return and(
    scopeWhere(scope, { regionCode: u.regionCode }),
    inArray(u.kind, [...kinds]),
    f.kind ? eq(u.kind, f.kind) : undefined,
    f.level ? eq(u.level, f.level) : undefined,
    regionFilter(tree, u.regionCode, f.regionCode),
    f.asOf ? unitActiveOn(f.asOf) : undefined,
    f.q ? ilike(u.name, likePattern(f.q)) : undefined,
  );
}

const UNIT_SORT = { name: u.name, recognisedOn: u.recognisedOn, level: u.level, regionCode: u.regionCode };

export function listUnits(
  tx: Tx,
  scope: Scope,
  kinds: readonly AgriUnitKind[],
  q: UnitListQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  const order = orderBy(q.sort ?? '-recognisedOn', UNIT_SORT, asc(u.id));
  return pageRows(unitSelect(tx), unitWhere(scope, kinds, q, tree), order, limit, offset);
}

export async function countUnits(
  tx: Tx,
  scope: Scope,
  kinds: readonly AgriUnitKind[],
  f: UnitFilters,
  tree: RegionTree,
) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(u)
    .where(unitWhere(scope, kinds, f, tree));
  return row.n;
}

export function unitsAfter(
  tx: Tx,
  scope: Scope,
  kinds: readonly AgriUnitKind[],
  f: UnitFilters,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(unitSelect(tx), unitWhere(scope, kinds, f, tree), u.id, afterId, limit);
}

export async function getUnit(tx: Tx, scope: Scope, id: string) {
  const [row] = await unitSelect(tx)
    .where(and(eq(u.id, id), scopeWhere(scope, { regionCode: u.regionCode })))
    .limit(1);
  return row;
}

export async function lockUnit(tx: Tx, id: string) {
  const [row] = await tx.select().from(u).where(eq(u.id, id)).for('update');
  return row;
}

export async function insertUnit(tx: Tx, values: typeof u.$inferInsert) {
  const [row] = await tx.insert(u).values(values).returning();
  return row;
}

export async function insertUnits(tx: Tx, values: (typeof u.$inferInsert)[]) {
  return tx.insert(u).values(values).returning({ id: u.id, name: u.name, kind: u.kind });
}

export async function updateUnitRow(tx: Tx, id: string, set: Partial<typeof u.$inferInsert>) {
  const [row] = await tx
    .update(u)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(u.id, id))
    .returning();
  return row;
}

/** A park's yearly output, replaced when the year is entered again; returns the row before. */
export async function upsertParkOutput(tx: Tx, values: typeof po.$inferInsert) {
  const [before] = await tx
    .select()
    .from(po)
    .where(and(eq(po.unitId, values.unitId), eq(po.year, values.year)));
  await tx
    .insert(po)
    .values(values)
    .onConflictDoUpdate({
      target: [po.unitId, po.year],
      set: { output: values.output, growthPct: values.growthPct ?? null },
    });
  return before;
}

export async function insertParkOutputs(tx: Tx, values: (typeof po.$inferInsert)[]) {
  await tx.insert(po).values(values);
}

export function parkOutputs(tx: Tx, unitId: string) {
  return tx
    .select({
      year: po.year,
      output: sql<string>`${po.output}::text`,
      growthPct: sql<string | null>`${po.growthPct}::text`,
    })
    .from(po)
    .where(eq(po.unitId, unitId))
    .orderBy(asc(po.year));
}

// ---- trainings ----

function trainingSelect(tx: Tx) {
  return tx
    .select({
      id: t.id,
      kind: t.kind,
      title: t.title,
      regionCode: t.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${t.regionCode})`,
      heldOn: t.heldOn,
      attendances: t.attendances,
      organiser: t.organiser,
    })
    .from(t)
    .leftJoin(regions, eq(regions.code, t.regionCode))
    .$dynamic();
}
export type TrainingRow = Awaited<ReturnType<typeof trainingSelect>>[number];
export type TrainingFilters = FiltersOf<TrainingListQuery>;

function trainingWhere(scope: Scope, f: TrainingFilters, tree: RegionTree): SQL | undefined {
  return and(
    scopeWhere(scope, { regionCode: t.regionCode }),
    f.kind ? eq(t.kind, f.kind) : undefined,
    regionFilter(tree, t.regionCode, f.regionCode),
    f.year ? sql`extract(year from ${t.heldOn}) = ${f.year}` : undefined,
    f.q ? or(ilike(t.title, likePattern(f.q)), ilike(t.organiser, likePattern(f.q))) : undefined,
  );
}

const TRAINING_SORT = { heldOn: t.heldOn, attendances: t.attendances, title: t.title };

export function listTrainings(
  tx: Tx,
  scope: Scope,
  q: TrainingListQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  const order = orderBy(q.sort ?? '-heldOn', TRAINING_SORT, asc(t.id));
  return pageRows(trainingSelect(tx), trainingWhere(scope, q, tree), order, limit, offset);
}

export async function countTrainings(tx: Tx, scope: Scope, f: TrainingFilters, tree: RegionTree) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(t)
    .where(trainingWhere(scope, f, tree));
  return row.n;
}

export function trainingsAfter(
  tx: Tx,
  scope: Scope,
  f: TrainingFilters,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(trainingSelect(tx), trainingWhere(scope, f, tree), t.id, afterId, limit);
}

export async function insertTraining(tx: Tx, values: typeof t.$inferInsert) {
  const [row] = await tx.insert(t).values(values).returning();
  return row;
}

export async function insertTrainings(tx: Tx, values: (typeof t.$inferInsert)[]) {
  await tx.insert(t).values(values);
}

export async function getTraining(tx: Tx, scope: Scope, id: string) {
  const [row] = await trainingSelect(tx)
    .where(and(eq(t.id, id), scopeWhere(scope, { regionCode: t.regionCode })))
    .limit(1);
  return row;
}

/** Whether any carrier is recorded (the demo loads once). */
export async function anyUnit(tx: Tx) {
  const [row] = await tx.select({ id: u.id }).from(u).limit(1);
  return !!row;
}
