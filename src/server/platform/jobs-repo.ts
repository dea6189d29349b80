/** The `export_jobs` table: a background export's row, its progress, its file, which server runs it. */
import { and, asc, count, desc, eq, getTableColumns, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Msg } from '../../domain/message';
import type { Db, Tx } from '../db/client';
import { exportJobs, roles, users } from '../db/schema';
import { INSTANCE_ID } from './instance';

/** The job's columns without the file, which is read only for a download. */
const { file: _file, ...jobColumns } = getTableColumns(exportJobs);
export type ExportJobRow = Omit<typeof exportJobs.$inferSelect, 'file'>;

export async function insertExportJob(
  tx: Tx,
  job: Pick<typeof exportJobs.$inferInsert, 'kind' | 'params' | 'audit' | 'fileName' | 'createdBy'>,
) {
  const [row] = await tx
    .insert(exportJobs)
    .values({ ...job, status: 'queued' })
    .returning({ id: exportJobs.id, status: exportJobs.status });
  return row;
}

export async function exportJobById(tx: Tx, id: string): Promise<ExportJobRow | undefined> {
  const [job] = await tx.select(jobColumns).from(exportJobs).where(eq(exportJobs.id, id));
  return job;
}

export async function exportJobFile(tx: Tx, id: string): Promise<Buffer | null> {
  const [row] = await tx.select({ file: exportJobs.file }).from(exportJobs).where(eq(exportJobs.id, id));
  return row?.file ?? null;
}

/** A user's latest jobs, newest first. */
export async function latestExportJobsOf(tx: Tx, userId: string, limit: number): Promise<ExportJobRow[]> {
  return tx
    .select(jobColumns)
    .from(exportJobs)
    .where(eq(exportJobs.createdBy, userId))
    .orderBy(desc(exportJobs.createdAt))
    .limit(limit);
}

/** How many of a user's jobs wait or run. */
export async function pendingExportJobsOf(tx: Tx, userId: string): Promise<number> {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(exportJobs)
    .where(and(eq(exportJobs.createdBy, userId), inArray(exportJobs.status, ['queued', 'running'])));
  return n;
}

/**
 * Takes the oldest queued job of one of `kinds` for this process. The row is locked and skipped
 * by any other server claiming at the same moment, so a job runs on one server only. (Chosen and
 * updated in two steps of one transaction: a LIMIT 1 sub-select inside the UPDATE may be
 * evaluated more than once and claim several rows.)
 */
export async function claimExportJob(db: Db, kinds: string[]): Promise<ExportJobRow | undefined> {
  if (kinds.length === 0) return undefined;
  return db.transaction(async (tx) => {
    const [next] = await tx
      .select({ id: exportJobs.id })
      .from(exportJobs)
      .where(and(eq(exportJobs.status, 'queued'), inArray(exportJobs.kind, kinds)))
      .orderBy(asc(exportJobs.createdAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!next) return undefined;
    const [job] = await tx
      .update(exportJobs)
      .set({
        status: 'running',
        runnerInstance: INSTANCE_ID,
        heartbeatAt: sql`now()`,
        startedAt: sql`now()`,
        attempts: sql`${exportJobs.attempts} + 1`,
        rowsDone: 0,
        rowsTotal: null,
      })
      .where(and(eq(exportJobs.id, next.id), eq(exportJobs.status, 'queued')))
      .returning(jobColumns);
    return job;
  });
}

/** Progress of a running job, which also says its server is alive. */
export async function noteExportProgress(
  tx: Tx,
  id: string,
  values: { rowsDone?: number; rowsTotal?: number },
): Promise<void> {
  await tx
    .update(exportJobs)
    .set({ ...values, heartbeatAt: sql`now()` })
    .where(and(eq(exportJobs.id, id), eq(exportJobs.runnerInstance, INSTANCE_ID)));
}

export async function finishExportJob(
  tx: Tx,
  id: string,
  ttlMs: number,
  end: { status: 'done'; file: Buffer; rowsDone: number } | { status: 'failed'; message: Msg },
): Promise<void> {
  const values =
    end.status === 'done'
      ? { status: end.status, file: end.file, bytes: end.file.length, rowsDone: end.rowsDone, message: null }
      : { status: end.status, file: null, message: end.message };
  await tx
    .update(exportJobs)
    .set({
      ...values,
      finishedAt: sql`now()`,
      expiresAt: sql`now() + make_interval(secs => ${ttlMs / 1000})`,
    })
    .where(and(eq(exportJobs.id, id), eq(exportJobs.status, 'running')));
}

/** Puts a job this process was running back in the queue (the server is stopping). */
export async function requeueExportJob(tx: Tx, id: string): Promise<void> {
  await tx
    .update(exportJobs)
    .set({ status: 'queued', runnerInstance: null, heartbeatAt: null, rowsDone: 0, rowsTotal: null })
    .where(
      and(
        eq(exportJobs.id, id),
        eq(exportJobs.runnerInstance, INSTANCE_ID),
        eq(exportJobs.status, 'running'),
      ),
    );
}

/** Refreshes the heartbeat of the jobs this process runs. */
export async function beatExportJobs(tx: Tx): Promise<void> {
  await tx
    .update(exportJobs)
    .set({ heartbeatAt: sql`now()` })
    .where(and(eq(exportJobs.runnerInstance, INSTANCE_ID), eq(exportJobs.status, 'running')));
}

/**
 * Jobs running on a server that stopped (its heartbeat older than `staleMs`, by the database's
 * clock): those run fewer than `maxAttempts` times are queued again, the others failed with
 * `message`. Jobs this process runs are left alone. Answers how many of each.
 */
export async function recoverStaleExportJobs(tx: Tx, staleMs: number, maxAttempts: number, message: Msg) {
  const stale = and(
    eq(exportJobs.status, 'running'),
    or(isNull(exportJobs.runnerInstance), ne(exportJobs.runnerInstance, INSTANCE_ID)),
    or(
      isNull(exportJobs.heartbeatAt),
      lt(exportJobs.heartbeatAt, sql`now() - make_interval(secs => ${staleMs / 1000})`),
    ),
  );
  const requeued = await tx
    .update(exportJobs)
    .set({ status: 'queued', runnerInstance: null, heartbeatAt: null, rowsDone: 0, rowsTotal: null })
    .where(and(stale, lt(exportJobs.attempts, maxAttempts)))
    .returning({ id: exportJobs.id });
  const failed = await tx
    .update(exportJobs)
    .set({
      status: 'failed',
      file: null,
      message,
      finishedAt: sql`now()`,
      expiresAt: sql`now() + interval '1 day'`,
    })
    .where(stale)
    .returning({ id: exportJobs.id });
  return { requeued: requeued.length, failed: failed.length };
}

/**
 * Done jobs past their expiry lose their file (status `expired`, the row kept for the user's list
 * of exports), and ended jobs older than `keepMs` are deleted.
 */
export async function purgeExportJobs(tx: Tx, message: Msg, keepMs: number) {
  await tx
    .update(exportJobs)
    .set({ status: 'expired', file: null, message })
    .where(and(eq(exportJobs.status, 'done'), lt(exportJobs.expiresAt, sql`now()`)));
  await tx
    .delete(exportJobs)
    .where(
      and(
        inArray(exportJobs.status, ['done', 'failed', 'expired']),
        lt(exportJobs.createdAt, sql`now() - make_interval(secs => ${keepMs / 1000})`),
      ),
    );
}

/** The user behind a job as they stand now: role, bindings, permissions, whether still active. */
export async function jobOwner(tx: Tx, userId: string) {
  const [row] = await tx
    .select({ user: users, permissions: roles.permissions })
    .from(users)
    .innerJoin(roles, eq(roles.code, users.role))
    .where(eq(users.id, userId));
  return row;
}
