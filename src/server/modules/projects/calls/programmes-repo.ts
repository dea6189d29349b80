import { asc, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { programmes } from '../../../db/schema';

/** Upserts programmes by code; a programme missing from the rows stays. */
export async function upsertProgrammes(db: Db | Tx, rows: (typeof programmes.$inferInsert)[]) {
  await db
    .insert(programmes)
    .values(rows)
    .onConflictDoUpdate({
      target: programmes.code,
      set: {
        name: sql.raw('excluded.name'),
        nameEn: sql.raw('excluded.name_en'),
        department: sql.raw('excluded.department'),
      },
    });
}

export function programmeRows(tx: Tx) {
  return tx.select().from(programmes).orderBy(asc(programmes.code));
}
