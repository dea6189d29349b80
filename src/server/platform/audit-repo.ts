/** The audit chain's SQL: its lock, its end, its rows and the archives of its purged prefix. */
import { and, asc, desc, gt, lt, sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from '../db/client';
import { auditArchives, auditLog } from '../db/schema';

/** Serialises writers of the chain across app instances sharing one database. */
export async function lockAuditChain(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7310021)`);
}

/** The hash of the live log's last entry (none when the log is empty). */
export function lastAuditHash(tx: Tx) {
  return tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(sql`${auditLog.id} desc`).limit(1);
}

/** The hash the last archive ends at (none before the first purge). */
export function lastArchivedHash(tx: Tx) {
  return tx
    .select({ hash: auditArchives.lastHash })
    .from(auditArchives)
    .orderBy(desc(auditArchives.lastId))
    .limit(1);
}

/** `count` ids from the log's sequence, in order. */
export function nextAuditIds(tx: Tx, count: number) {
  return queryRows<{ id: string }>(
    tx,
    sql`select nextval(pg_get_serial_sequence('audit_log', 'id'))::text as id
        from generate_series(1, ${count}) as n order by n`,
  );
}

export async function insertAuditRows(tx: Tx, rows: (typeof auditLog.$inferInsert)[]): Promise<void> {
  await tx.insert(auditLog).values(rows);
}

/** Every archive's place in the chain, oldest first. */
export function listArchiveAnchors(db: Db) {
  return db
    .select({ id: auditArchives.id, firstId: auditArchives.firstId, lastId: auditArchives.lastId })
    .from(auditArchives)
    .orderBy(asc(auditArchives.lastId));
}

export async function getArchive(db: Db, id: bigint) {
  const [a] = await db.select().from(auditArchives).where(sql`${auditArchives.id} = ${id}`);
  return a;
}

/** Live entries after `after`, in order, `limit` at a time. */
export function auditRowsAfter(db: Tx, after: bigint, limit: number) {
  return db.select().from(auditLog).where(gt(auditLog.id, after)).orderBy(asc(auditLog.id)).limit(limit);
}

/** The moment `months` months ago, as the database's clock sees it (ISO, UTC). */
export async function retentionCutoff(tx: Tx, months: number): Promise<string> {
  const [{ cutoff }] = await queryRows<{ cutoff: string }>(
    tx,
    sql`select to_char((now() - make_interval(months => ${months})) at time zone 'UTC',
      'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cutoff`,
  );
  return cutoff;
}

/** The first entry young enough to keep (at or after `cutoff`), or null. */
export async function firstIdToKeep(tx: Tx, cutoff: string): Promise<string | null> {
  const [{ keepFrom }] = await queryRows<{ keepFrom: string | null }>(
    tx,
    sql`select min(id)::text as "keepFrom" from audit_log where at >= ${cutoff}::timestamptz`,
  );
  return keepFrom;
}

/** Entries after `after`, older than `cutoff` and before `keepFrom`, in order, `limit` at a time. */
export function auditRowsToArchive(
  tx: Tx,
  after: bigint,
  cutoff: string,
  keepFrom: string | null,
  limit: number,
) {
  return tx
    .select()
    .from(auditLog)
    .where(
      and(
        gt(auditLog.id, after),
        lt(auditLog.at, cutoff),
        keepFrom ? lt(auditLog.id, BigInt(keepFrom)) : undefined,
      ),
    )
    .orderBy(asc(auditLog.id))
    .limit(limit);
}

export async function insertArchive(tx: Tx, values: typeof auditArchives.$inferInsert) {
  const [archive] = await tx.insert(auditArchives).values(values).returning({ id: auditArchives.id });
  return archive;
}

/** Deletes the archived prefix, up to and including `lastId`. */
export async function deleteAuditUpTo(tx: Tx, lastId: bigint): Promise<void> {
  await tx.delete(auditLog).where(sql`${auditLog.id} <= ${lastId}`);
}

/** Whether the live log holds any entry. */
export async function hasAuditEntries(db: Tx): Promise<boolean> {
  const [any] = await db.select({ id: auditLog.id }).from(auditLog).limit(1);
  return any !== undefined;
}
