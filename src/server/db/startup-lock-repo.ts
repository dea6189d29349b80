/**
 * The start-up lock: several app servers may start at once on one PostgreSQL database, and only
 * one at a time may migrate it and load its reference and demo data. A session-level advisory lock
 * with a fixed key; the others wait for it, then find the work done. It lives on the start-up's own
 * connection, so it is released when that connection ends, also when the process dies half-way.
 */
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';

/** Fixed for every Kechuang installation ("KCHG" as a number); other applications use other keys. */
export const STARTUP_LOCK_KEY = 0x4b434847;

export async function takeStartupLock(db: NodePgDatabase<Record<string, unknown>>) {
  await db.execute(sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`);
}

export async function releaseStartupLock(db: NodePgDatabase<Record<string, unknown>>) {
  await db.execute(sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`);
}
