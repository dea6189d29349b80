/** The `import_jobs` table: a job's row, its progress and results, and which process runs it. */
import { and, count, eq, getTableColumns, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Msg } from '../../../../domain/message';
import type { Tx } from '../../../db/client';
import { importJobs } from '../../../db/schema';
import { INSTANCE_ID } from '../../../platform/instance';
import type { Mode } from './bulk-repo';

/** The job's columns without the file itself, which is read only when the work needs it. */
const { file: _file, ...jobColumns } = getTableColumns(importJobs);
export type JobRow = Omit<typeof importJobs.$inferSelect, 'file'>;
type JobValues = Partial<typeof importJobs.$inferInsert>;

/** The columns that claim a job for this process. */
const owned = () => ({ ownerInstance: INSTANCE_ID, heartbeatAt: sql`now()` });

const RUNNING = ['validating', 'committing'] as const;

export async function jobById(tx: Tx, id: string): Promise<JobRow | undefined> {
  const [job] = await tx.select(jobColumns).from(importJobs).where(eq(importJobs.id, id));
  return job;
}

/** The job with its uploaded file. */
export async function jobWithFile(tx: Tx, id: string) {
  const [job] = await tx.select().from(importJobs).where(eq(importJobs.id, id));
  return job;
}

export async function loadFile(tx: Tx, id: string): Promise<Uint8Array | null> {
  const [row] = await tx.select({ file: importJobs.file }).from(importJobs).where(eq(importJobs.id, id));
  return row?.file ?? null;
}

/** A user's 20 latest jobs. */
export async function latestJobsOf(tx: Tx, userId: string): Promise<JobRow[]> {
  return tx
    .select(jobColumns)
    .from(importJobs)
    .where(eq(importJobs.createdBy, userId))
    .orderBy(sql`${importJobs.createdAt} desc`)
    .limit(20);
}

export async function countJobsOf(tx: Tx, userId: string): Promise<number> {
  const [{ total }] = await tx
    .select({ total: count() })
    .from(importJobs)
    .where(eq(importJobs.createdBy, userId));
  return total;
}

/** Stores an upload as a new job claimed by this process. */
export async function insertJob(
  tx: Tx,
  job: Pick<
    typeof importJobs.$inferInsert,
    'kind' | 'status' | 'fileName' | 'file' | 'bytes' | 'createdBy' | 'regionCodes'
  >,
) {
  const [row] = await tx
    .insert(importJobs)
    .values({ ...job, ...owned() })
    .returning({ id: importJobs.id, status: importJobs.status });
  return row;
}

export async function updateJob(tx: Tx, id: string, values: JobValues): Promise<void> {
  await tx.update(importJobs).set(values).where(eq(importJobs.id, id));
}

/**
 * Claims a validated job for committing by this process: a conditional update, so two clicks
 * cannot commit the same file twice. Answers nothing when the job was not validated.
 */
export async function claimForCommit(tx: Tx, id: string, body: { mode: Mode; validOnly: boolean }) {
  const [claimed] = await tx
    .update(importJobs)
    .set({
      status: 'committing',
      mode: body.mode,
      validOnly: body.validOnly,
      processedRows: 0,
      message: null,
      ...owned(),
    })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'validated')))
    .returning({ id: importJobs.id, status: importJobs.status });
  return claimed;
}

/**
 * Fails the running jobs of other processes whose heartbeat is older than `staleMs` (or that
 * predate owners), by the database's clock; answers their ids.
 */
export async function failStaleJobs(tx: Tx, staleMs: number, message: Msg): Promise<string[]> {
  const rows = await tx
    .update(importJobs)
    .set({ status: 'failed', file: null, finishedAt: new Date(), message })
    .where(
      and(
        inArray(importJobs.status, [...RUNNING]),
        or(isNull(importJobs.ownerInstance), ne(importJobs.ownerInstance, INSTANCE_ID)),
        or(
          isNull(importJobs.heartbeatAt),
          lt(importJobs.heartbeatAt, sql`now() - make_interval(secs => ${staleMs / 1000})`),
        ),
      ),
    )
    .returning({ id: importJobs.id });
  return rows.map((r) => r.id);
}

/** Refreshes the heartbeat of the jobs this process runs. */
export async function beatImports(tx: Tx): Promise<void> {
  await tx
    .update(importJobs)
    .set({ heartbeatAt: sql`now()` })
    .where(and(eq(importJobs.ownerInstance, INSTANCE_ID), inArray(importJobs.status, [...RUNNING])));
}
