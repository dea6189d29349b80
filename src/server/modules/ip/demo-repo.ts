/** The demo patents' SQL: the registry organisations to name as applicants, and batched inserts. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { ipLegalEvents, ipPatents as p, organizations as o } from '../../db/schema';
import type { PatentInsert } from './import-repo';

export async function anyPatent(tx: Tx) {
  const [row] = await tx.select({ id: p.id }).from(p).limit(1);
  return !!row;
}

/** Enterprises and institutes of each county, in a stable order. */
export function demoApplicantOrgs(tx: Tx) {
  return tx
    .select({ id: o.id, name: o.name, regionCode: o.regionCode })
    .from(o)
    .where(sql`${o.kind} in ('enterprise', 'university', 'institute')`)
    .orderBy(o.uscc);
}

/** Inserts patents in multi-row statements; answers their ids by application number. */
export async function insertPatentBatch(tx: Tx, rows: PatentInsert[]) {
  return tx.insert(p).values(rows).returning({ id: p.id, appNo: p.appNo });
}

export async function insertEventBatch(tx: Tx, rows: (typeof ipLegalEvents.$inferInsert)[]) {
  if (rows.length > 0) await tx.insert(ipLegalEvents).values(rows);
}
