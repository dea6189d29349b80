import { type SQL, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client';

/** Whether a yearly source has been reported at all for the year (a `held` query of computed-sql.ts). */
export async function yearIsHeld(tx: Tx, held: SQL): Promise<boolean> {
  const [row] = await queryRows<{ held: boolean }>(tx, held);
  return !!row?.held;
}

/** One scan of a source: a row per leaf region or park (`k`) with a column per indicator code. */
export function aggregateRows(tx: Tx, query: SQL) {
  return queryRows<Record<string, string | number | null>>(tx, query);
}

/**
 * The current snapshot, and for each earlier snapshot the counted tables changed by transactions
 * it could not see (figure-cache.ts explains why that is exactly when a kept figure is stale).
 */
export async function snapshotChanges(tx: Tx, snapshots: string[]) {
  const [state] = await queryRows<{ now: string; changed: Record<string, string[]> | null }>(
    tx,
    sql`select pg_current_snapshot()::text as now,
          (select json_object_agg(s.snap, array(
             select distinct c.source from figure_changes c
              where c.xid >= pg_snapshot_xmin(s.snap::pg_snapshot)
                and not pg_visible_in_snapshot(c.xid, s.snap::pg_snapshot)))
             from json_array_elements_text(${JSON.stringify(snapshots)}::json) as s(snap)) as changed`,
  );
  return { now: state.now, changedSince: state.changed ?? {} };
}

export async function deleteFigureChangesOlderThanADay(tx: Tx) {
  await tx.execute(sql`delete from figure_changes where at < now() - interval '1 day'`);
}
