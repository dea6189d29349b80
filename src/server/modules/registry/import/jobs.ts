/**
 * Import jobs: upload, background validation, status for the page, and recovery after a restart.
 * The work runs in-process after the request has answered; its progress and results are written to
 * `import_jobs`, which is what the page polls.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { ImportJob } from '../../../../domain/contracts/registry-import';
import { type Msg, msg } from '../../../../domain/message';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import type { Deps } from '../../../platform/deps';
import { AppError, forbidden, notFound } from '../../../platform/errors';
import { INSTANCE_ID } from '../../../platform/instance';
import { scopeOf } from '../../../platform/scope';
import type { ImportKind } from './columns';
import {
  beatImports,
  countJobsOf,
  failStaleJobs,
  insertJob,
  type JobRow,
  jobById,
  jobWithFile,
  latestJobsOf,
  loadFile,
  updateJob,
} from './jobs-repo';
import { openSheet, type SheetRow } from './parse';
import { loadRefs } from './refs';
import { dropStagedRows, stageRows } from './staging-repo';
import { type Batch, type RowError, validateRows } from './validate';

/** Errors kept in the job row; all are counted, and errors.xlsx re-reads the file for the rest. */
export const STORED_ERRORS = 1000;
const SHOWN_ERRORS = 200;
const JOB = msg('导入任务', 'import job');

export { beatImports, INSTANCE_ID, type JobRow, loadFile };

/**
 * Several servers share the jobs table: each marks the jobs it runs with its instance id and
 * refreshes their heartbeat, and a job is taken for cut off only when its heartbeat is stale.
 */
const HEARTBEAT_MS = 15_000;
/** Four missed heartbeats: long past a pause for garbage collection or a busy database. */
export const STALE_MS = 60_000;

/** Work running in this process; the server waits for it on close. */
const running = new Set<Promise<unknown>>();

export function inBackground(log: FastifyBaseLogger, work: () => Promise<unknown>) {
  const p = work()
    .catch((err) => log.error({ err }, 'import job failed'))
    .finally(() => running.delete(p));
  running.add(p);
}

export async function settleImports() {
  await Promise.allSettled([...running]);
}

/** Counts of a validation run, batch by batch. */
export class Tally {
  total = 0;
  valid = 0;
  existing = 0;
  errorCount = 0;
  errorRows = 0;
  errors: RowError[] = [];

  add(b: Batch) {
    this.total += b.processed;
    this.valid += b.rows.length;
    this.existing += b.rows.filter((r) => r.existingId).length;
    this.errorCount += b.errors.length;
    this.errorRows += new Set(b.errors.map((e) => e.row)).size;
    for (const e of b.errors) if (this.errors.length < STORED_ERRORS) this.errors.push(e);
  }

  summary(): Msg {
    return msg(
      `共 ${this.total} 行：有效 ${this.valid} 行（其中 ${this.existing} 行对应已有记录），${this.errorRows} 行有错误，共 ${this.errorCount} 处`,
      `${this.total} rows: ${this.valid} valid (${this.existing} match existing records), ${this.errorRows} with errors, ${this.errorCount} errors in all`,
    );
  }
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export function presentJob(j: JobRow): ImportJob {
  const errors = (j.errors as RowError[]).slice(0, SHOWN_ERRORS);
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    fileName: j.fileName,
    bytes: j.bytes,
    progress: { processed: j.processedRows, total: j.status === 'validating' ? null : j.totalRows },
    totalRows: j.totalRows,
    validRows: j.validRows,
    errorCount: j.errorCount,
    errors,
    mode: j.mode,
    validOnly: j.validOnly,
    inserted: j.inserted,
    updated: j.updated,
    skipped: j.status === 'done' ? Math.max(0, j.validRows - j.inserted - j.updated) : 0,
    message: (j.message as Msg | null) ?? null,
    createdAt: iso(j.createdAt)!,
    finishedAt: iso(j.finishedAt),
  };
}

/** A job of the actor's own; anyone else's answers 404 as if it did not exist. */
export async function loadOwnJob(deps: Deps, actor: Actor, id: string): Promise<JobRow> {
  const job = await jobById(deps.db, id);
  if (!job || job.createdBy !== actor.id) throw notFound(JOB);
  return job;
}

/** The actor's 20 latest jobs (and how many there are in all). */
export async function listOwnJobs(deps: Deps, actor: Actor) {
  const [rows, total] = await Promise.all([latestJobsOf(deps.db, actor.id), countJobsOf(deps.db, actor.id)]);
  return { items: rows.map(presentJob), total };
}

/** The regions an importer may write: null city-wide, a county's codes, nothing for anyone else. */
function importerRegions(deps: Deps, actor: Actor): string[] | null {
  const scope = scopeOf(actor, deps.regions);
  if (scope.kind === 'city') return null;
  if (scope.kind === 'region') return scope.regionCodes;
  throw forbidden();
}

/**
 * Checks that the upload is an .xlsx with the kind's required headers, stores it and starts the
 * validation; the request answers at once.
 */
export async function createImport(
  deps: Deps,
  actor: Actor,
  log: FastifyBaseLogger,
  upload: { kind: ImportKind; fileName: string; file: Buffer },
) {
  const regionCodes = importerRegions(deps, actor);
  await openSheet(upload.file, upload.kind);
  const job = await insertJob(deps.db, {
    kind: upload.kind,
    status: 'validating',
    fileName: upload.fileName,
    file: upload.file,
    bytes: upload.file.length,
    createdBy: actor.id,
    regionCodes,
  });
  inBackground(log, () => runValidation(deps, job.id));
  return job;
}

export function failureMessage(err: unknown, what: Msg): Msg {
  const reason = err instanceof AppError ? err.userMessage : msg('系统错误，请联系管理员', 'a system error');
  return msg(`${what.zh}：${reason.zh}`, `${what.en}: ${reason.en}`);
}

async function runValidation(deps: Deps, id: string) {
  const tally = new Tally();
  try {
    const job = await jobWithFile(deps.db, id);
    const refs = await loadRefs(deps.db, deps.regions);
    const sheet = await openSheet(job.file, job.kind);
    // Every row read is also staged for the commit, while the next batch is read and checked.
    const read: SheetRow[] = [];
    async function* teed() {
      for await (const r of sheet.rows) {
        read.push(r);
        yield r;
      }
    }
    let staging: Promise<void> = Promise.resolve();
    for await (const batch of validateRows(job.kind, teed(), {
      tx: deps.db,
      refs,
      regionCodes: job.regionCodes,
    })) {
      tally.add(batch);
      await staging;
      staging = stageRows(deps.db, id, read.splice(0));
      await updateJob(deps.db, id, { processedRows: tally.total });
    }
    await staging;
    await updateJob(deps.db, id, {
      status: 'validated',
      totalRows: tally.total,
      processedRows: tally.total,
      validRows: tally.valid,
      errorCount: tally.errorCount,
      errors: tally.errors,
      message: tally.summary(),
    });
  } catch (err) {
    await updateJob(deps.db, id, {
      status: 'failed',
      file: null,
      message: failureMessage(err, msg('文件校验失败', 'Validation failed')),
      finishedAt: new Date(),
    });
    await dropStagedRows(deps.db, [id]);
    if (!(err instanceof AppError) || err.cause) throw err;
  }
}

/**
 * Jobs still validating or committing whose process has stopped (a crash or a restart): their
 * owner's heartbeat is stale, or they predate owners. The commit is one transaction, so nothing
 * of theirs was written. Jobs of live processes, this one or another server's, are left alone.
 * Times are the database's, so servers with unsynchronised clocks agree.
 */
export async function failInterruptedImports(db: Db, staleMs = STALE_MS): Promise<number> {
  const ids = await failStaleJobs(
    db,
    staleMs,
    msg(
      '服务重启，导入中断，未写入任何数据，请重新提交',
      'The server restarted and interrupted the import; nothing was written. Please submit it again',
    ),
  );
  await dropStagedRows(db, ids);
  return ids.length;
}

/**
 * The running server's side of job ownership: a heartbeat every 15 s, and every minute the jobs
 * of stopped processes are failed (a restarted server's own earlier jobs included, once stale).
 */
export function watchImports(db: Db, staleMs = STALE_MS): () => void {
  let ticks = 0;
  const timer = setInterval(
    () => {
      const sweep = ++ticks % Math.max(1, Math.round(staleMs / HEARTBEAT_MS)) === 0;
      beatImports(db)
        .then(() => (sweep ? failInterruptedImports(db, staleMs) : 0))
        .catch((err) => console.error('import heartbeat failed', err));
    },
    Math.min(HEARTBEAT_MS, staleMs / 4),
  );
  timer.unref();
  return () => clearInterval(timer);
}
