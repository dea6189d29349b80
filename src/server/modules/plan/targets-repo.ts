import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { TargetKind } from '../../../domain/indicators';
import type { Tx } from '../../db/client';
import { planTargets } from '../../db/schema';
import { type Scope, scopeWhere } from '../../platform/scope';

export type TargetRow = typeof planTargets.$inferSelect;
export type NewTarget = typeof planTargets.$inferInsert;

export interface TargetFilters {
  year: number;
  regionCode?: string;
  indicatorCode?: string;
}

/** The targets of a year the scope may see, by indicator code. */
export function listTargetRows(tx: Tx, scope: Scope, f: TargetFilters) {
  const conds: SQL[] = [
    scopeWhere(scope, { regionCode: planTargets.regionCode }),
    eq(planTargets.year, f.year),
  ];
  if (f.regionCode) conds.push(eq(planTargets.regionCode, f.regionCode));
  if (f.indicatorCode) conds.push(eq(planTargets.indicatorCode, f.indicatorCode));
  return tx
    .select()
    .from(planTargets)
    .where(and(...conds))
    .orderBy(asc(planTargets.indicatorCode));
}

export function targetsOfYear(tx: Tx, year: number, regionCodes: string[]) {
  return tx
    .select()
    .from(planTargets)
    .where(and(eq(planTargets.year, year), inArray(planTargets.regionCode, regionCodes)));
}

export async function findTarget(
  tx: Tx,
  key: { year: number; indicatorCode: string; regionCode: string },
): Promise<TargetRow | undefined> {
  const [row] = await tx
    .select()
    .from(planTargets)
    .where(
      and(
        eq(planTargets.year, key.year),
        eq(planTargets.indicatorCode, key.indicatorCode),
        eq(planTargets.regionCode, key.regionCode),
      ),
    );
  return row;
}

export async function findTargetById(tx: Tx, id: string): Promise<TargetRow | undefined> {
  const [row] = await tx.select().from(planTargets).where(eq(planTargets.id, id));
  return row;
}

/** Creates the target of an indicator, year and region, or replaces the one there is. */
export async function upsertTarget(
  tx: Tx,
  key: { year: number; indicatorCode: string; regionCode: string },
  fields: { kind: TargetKind; value: string | null; note: string | null; updatedBy: string },
): Promise<TargetRow> {
  const [row] = await tx
    .insert(planTargets)
    .values({ ...key, ...fields })
    .onConflictDoUpdate({
      target: [planTargets.year, planTargets.indicatorCode, planTargets.regionCode],
      set: { ...fields, updatedAt: new Date() },
    })
    .returning();
  return row;
}

/** Adds targets, leaving any already set for the same indicator, year and region. */
export async function insertTargetsIfAbsent(tx: Tx, rows: NewTarget[]) {
  await tx.insert(planTargets).values(rows).onConflictDoNothing();
}

export async function insertTargets(tx: Tx, rows: NewTarget[]): Promise<TargetRow[]> {
  return tx.insert(planTargets).values(rows).returning();
}

export async function deleteTargetById(tx: Tx, id: string) {
  await tx.delete(planTargets).where(eq(planTargets.id, id));
}

/** Removes the targets of one indicator and year in the given regions; answers the rows removed. */
export function deleteTargetsIn(tx: Tx, year: number, indicatorCode: string, regionCodes: string[]) {
  return tx
    .delete(planTargets)
    .where(
      and(
        eq(planTargets.year, year),
        eq(planTargets.indicatorCode, indicatorCode),
        inArray(planTargets.regionCode, regionCodes),
      ),
    )
    .returning();
}
