/**
 * Background exports. A list's `POST <path>/export-jobs` (list-kit) queues a job with the list's
 * filters and answers 202 at once; a worker in each app server claims queued jobs in the database
 * (one server per job, at most `concurrency` at a time per server), writes the .xlsx batch by
 * batch on the export pool with its progress in the row, and keeps the file in the row for 24 h.
 * The rows exported are those the requesting user may see, judged when the job runs: the user is
 * loaded again, checked against the list's access rule, and the list's scope is theirs.
 *
 * A job cut off with its server (no heartbeat for `staleMs`) is queued again once, then failed
 * with a message; a server stopping puts its running jobs back in the queue. GET /api/v1/jobs/:id
 * is the progress the page polls, …/file the download (audited as the list's export), both for
 * the job's owner only.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, listResponse } from '../../domain/contracts/common';
import {
  type ExportJob,
  exportJobAcceptedSchema,
  exportJobSchema,
  exportKindsSchema,
} from '../../domain/contracts/jobs';
import { type Msg, msg } from '../../domain/message';
import { withLongStatements } from '../db/client';
import { describeDatabaseError, isDatabaseUnavailable, isStatementTimeout } from '../db/faults';
import { type Access, accessRefusal, actorOf } from './access';
import { type Actor, actorFromUser } from './actor';
import { type AuditContext, writeAudit } from './audit';
import { auditRead } from './audit-trail';
import type { Deps } from './deps';
import { AppError, conflict, notFound } from './errors';
import {
  beatExportJobs,
  claimExportJob,
  type ExportJobRow,
  exportJobById,
  exportJobFile,
  finishExportJob,
  insertExportJob,
  jobOwner,
  latestExportJobsOf,
  noteExportProgress,
  pendingExportJobsOf,
  purgeExportJobs,
  recoverStaleExportJobs,
  requeueExportJob,
} from './jobs-repo';
import { type Viewer, viewerOf } from './scope';

/** One kind of export a job can run: a list's rows under its filters, as the user sees them. */
export interface ExportKind {
  /** The list's API path, e.g. /api/v1/registry/platforms. */
  kind: string;
  access: Access;
  /** The file's name (without .xlsx) and its sheet. */
  name: string;
  audit: { action: string; objectType: string };
  /** The list's filters (its query without paging and sort), checked again when the job runs. */
  filters: z.ZodType;
  count(viewer: Viewer, filters: unknown): Promise<number>;
  write(
    viewer: Viewer,
    filters: unknown,
    onBatch: (rowsWritten: number) => Promise<void>,
  ): Promise<{ file: Buffer; rows: number }>;
}

export interface ExportJobSettings {
  /** Jobs one server runs at a time. */
  concurrency: number;
  /** How often a server looks for queued jobs (another server's included) and beats. */
  pollMs: number;
  /** A running job whose server has not beaten for this long is taken as cut off. */
  staleMs: number;
  /** How long a finished job's file is kept. */
  ttlMs: number;
  /** How long an ended job stays in its user's list. */
  keepMs: number;
  /** Jobs one user may have waiting or running. */
  maxPerUser: number;
}

export const DEFAULT_EXPORT_JOB_SETTINGS: ExportJobSettings = {
  concurrency: 2,
  pollMs: 2_000,
  staleMs: 60_000,
  ttlMs: 24 * 3_600_000,
  keepMs: 7 * 24 * 3_600_000,
  maxPerUser: 3,
};

/** Runs a job gets before a server dying under it fails it (a job that kills servers stops). */
const MAX_ATTEMPTS = 2;

const JOB = msg('导出任务', 'export job');
const CUT_OFF = msg(
  '导出中断：服务器重启，请重新导出',
  'The export was interrupted by a server restart; please export again',
);
const EXPIRED = msg(
  '导出文件已过期删除，请重新导出',
  'The file has expired and was deleted; please export again',
);
const NOT_ALLOWED = msg(
  '账户已停用或已无权导出此列表',
  'Your account is disabled or may no longer export this list',
);
const QUERY_TIMEOUT = msg(
  '查询耗时过长，已被中止；请增加筛选条件缩小范围后重试',
  'The query took too long and was stopped; add filters to narrow it down and try again',
);
const DATABASE_UNAVAILABLE = msg(
  '数据库暂时不可用，请稍后重试',
  'The database was temporarily unavailable; please try again shortly',
);
const SYSTEM_ERROR = msg('系统错误，请联系管理员', 'A system error; please tell your administrator');

declare module 'fastify' {
  interface FastifyInstance {
    exportJobs: ExportJobs;
  }
}

/** Thrown into a running export when its server stops: the job goes back to the queue. */
class Stopping extends Error {}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export function presentExportJob(j: ExportJobRow): ExportJob {
  return {
    id: j.id,
    kind: j.kind,
    fileName: j.fileName,
    status: j.status,
    progress: { done: j.rowsDone, total: j.rowsTotal },
    bytes: j.bytes,
    message: (j.message as Msg | null) ?? null,
    createdAt: iso(j.createdAt)!,
    finishedAt: iso(j.finishedAt),
    expiresAt: iso(j.expiresAt),
  };
}

/** What the user is told when a job fails; never a stack or SQL. */
function failureOf(err: unknown): Msg {
  if (err instanceof AppError) return err.userMessage;
  if (isStatementTimeout(err)) return QUERY_TIMEOUT;
  if (isDatabaseUnavailable(err)) return DATABASE_UNAVAILABLE;
  if (err instanceof z.ZodError)
    return msg('导出条件无效，请重新筛选后导出', 'The export filters are not valid; filter again and export');
  return SYSTEM_ERROR;
}

export class ExportJobs {
  private readonly kinds = new Map<string, ExportKind>();
  private readonly running = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private again = false;
  private stopped = false;
  private lastSweep = 0;

  constructor(
    private readonly deps: Deps,
    private readonly log: FastifyBaseLogger,
    readonly settings: ExportJobSettings = DEFAULT_EXPORT_JOB_SETTINGS,
  ) {}

  register(kind: ExportKind) {
    if (this.kinds.has(kind.kind)) throw new Error(`Export kind ${kind.kind} is registered twice`);
    this.kinds.set(kind.kind, kind);
  }

  kindNames(): string[] {
    return [...this.kinds.keys()].sort();
  }

  /** Queues an export of `kind` for `actor` (whose access the route has checked) and audits it. */
  async create(actor: Actor, kindName: string, filters: Record<string, unknown>, ctx: AuditContext) {
    const kind = this.kinds.get(kindName);
    if (!kind) throw notFound(JOB);
    if ((await pendingExportJobsOf(this.deps.db, actor.id)) >= this.settings.maxPerUser) {
      throw new AppError(
        429,
        'too_many_jobs',
        msg(
          `您已有 ${this.settings.maxPerUser} 个导出任务正在进行，请等其完成后再导出`,
          `You already have ${this.settings.maxPerUser} exports running; wait for them to finish`,
        ),
      );
    }
    const job = await this.deps.db.transaction(async (tx) => {
      const row = await insertExportJob(tx, {
        kind: kind.kind,
        params: filters,
        audit: kind.audit,
        fileName: `${kind.name}.xlsx`,
        createdBy: actor.id,
      });
      await writeAudit(tx, ctx, {
        action: 'export-job.create',
        targetType: 'export_job',
        targetId: row.id,
        after: { list: kind.kind, filters },
      });
      return row;
    });
    this.kick();
    return job;
  }

  /** Starts looking for work: now, and every `pollMs`. */
  start() {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.settings.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Stops taking work; running jobs stop at their next batch and go back to the queue. */
  async stop() {
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.allSettled([...this.running.values()]);
  }

  /** Looks for work soon (after a job is queued or has ended). */
  kick() {
    if (this.stopped) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = true;
    void this.tick()
      .catch((err) => this.warn('export jobs: looking for work failed', err))
      .finally(() => {
        this.ticking = false;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private warn(what: string, err: unknown) {
    if (isDatabaseUnavailable(err) || isStatementTimeout(err))
      this.log.warn(`${what}: ${describeDatabaseError(err)}`);
    else this.log.error({ err }, what);
  }

  private async tick() {
    const db = this.deps.db;
    if (this.running.size > 0) await beatExportJobs(db);
    if (Date.now() - this.lastSweep >= Math.min(this.settings.staleMs / 2, 60_000)) {
      this.lastSweep = Date.now();
      await this.sweep();
    }
    while (!this.stopped && this.running.size < this.settings.concurrency) {
      const job = await claimExportJob(db, this.kindNames());
      if (!job) break;
      const work = this.run(job).finally(() => {
        this.running.delete(job.id);
        this.kick();
      });
      this.running.set(job.id, work);
    }
  }

  /** Recovers jobs of servers that stopped, and drops expired files. */
  async sweep() {
    const db = this.deps.db;
    const { requeued, failed } = await recoverStaleExportJobs(
      db,
      this.settings.staleMs,
      MAX_ATTEMPTS,
      CUT_OFF,
    );
    if (requeued + failed > 0)
      this.log.warn(`export jobs cut off with their server: ${requeued} queued again, ${failed} failed`);
    await purgeExportJobs(db, EXPIRED, this.settings.keepMs);
  }

  /** The job's owner as they stand now, if they may still export the list. */
  private async ownerNow(userId: string, access: Access): Promise<Actor> {
    const row = await jobOwner(this.deps.db, userId);
    if (row?.user.status !== 'active' || !row.user.role) throw new AppError(403, 'forbidden', NOT_ALLOWED);
    const u = row.user;
    const actor: Actor = actorFromUser(u, row.permissions, '');
    if (accessRefusal(actor, access)) throw new AppError(403, 'forbidden', NOT_ALLOWED);
    return actor;
  }

  private async run(job: ExportJobRow): Promise<void> {
    const db = this.deps.db;
    const kind = this.kinds.get(job.kind)!;
    try {
      const actor = await this.ownerNow(job.createdBy, kind.access);
      const filters = kind.filters.parse(job.params);
      const viewer = viewerOf(actor, this.deps.regions);
      // The export pool and its longer statement timeout, as for the streamed download.
      await withLongStatements(async () => {
        const total = await kind.count(viewer, filters);
        await noteExportProgress(db, job.id, { rowsTotal: total });
        const { file, rows } = await kind.write(viewer, filters, async (done) => {
          if (this.stopped) throw new Stopping();
          await noteExportProgress(db, job.id, { rowsDone: done });
        });
        await finishExportJob(db, job.id, this.settings.ttlMs, { status: 'done', file, rowsDone: rows });
      });
    } catch (err) {
      if (err instanceof Stopping) {
        await requeueExportJob(db, job.id).catch((e) => this.warn('export job: requeue failed', e));
        return;
      }
      if (!(err instanceof AppError)) this.warn(`export job ${job.id} failed`, err);
      await finishExportJob(db, job.id, this.settings.ttlMs, {
        status: 'failed',
        message: failureOf(err),
      }).catch((e) => this.warn('export job: recording the failure failed', e));
    }
  }
}

/** A job of the actor's own; anyone else's answers 404 as if it did not exist. */
async function ownJob(deps: Deps, actor: Actor, id: string): Promise<ExportJobRow> {
  const job = await exportJobById(deps.db, id);
  if (!job || job.createdBy !== actor.id) throw notFound(JOB);
  return job;
}

/** GET /api/v1/jobs (the user's latest exports), /jobs/export-kinds, /jobs/:id and /jobs/:id/file. */
export function jobRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['jobs'];
    const config = { access: 'user' as const };
    r.get(
      '/',
      {
        config,
        schema: {
          tags,
          summary: 'My latest exports (我的导出)',
          response: { 200: listResponse(exportJobSchema) },
        },
      },
      async (req) => {
        const rows = await latestExportJobsOf(deps.db, actorOf(req).id, 20);
        return { items: rows.map(presentExportJob), total: rows.length };
      },
    );
    r.get(
      '/export-kinds',
      {
        config,
        schema: { tags, summary: 'Lists whose exports run as jobs', response: { 200: exportKindsSchema } },
      },
      async () => ({ kinds: app.exportJobs.kindNames() }),
    );
    r.get(
      '/:id',
      {
        config,
        schema: {
          tags,
          summary: 'An export job: status and progress',
          params: idParamSchema,
          response: { 200: exportJobSchema },
        },
      },
      async (req) => presentExportJob(await ownJob(deps, actorOf(req), req.params.id)),
    );
    r.get(
      '/:id/file',
      {
        config: { ...config, produces: 'file' },
        schema: { tags, summary: "An export job's file (.xlsx)", params: idParamSchema },
      },
      async (req, reply) => {
        const job = await ownJob(deps, actorOf(req), req.params.id);
        if (job.status === 'expired') throw new AppError(410, 'expired', EXPIRED);
        if (job.status !== 'done') throw conflict(msg('导出尚未完成', 'The export has not finished'));
        const file = await exportJobFile(deps.db, job.id);
        if (!file) throw new AppError(410, 'expired', EXPIRED);
        const audit = job.audit as { action: string; objectType: string };
        await auditRead(req, {
          action: audit.action,
          object: { type: audit.objectType },
          details: { jobId: job.id, list: job.kind, filters: job.params, rows: job.rowsDone },
        });
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(job.fileName)}`)
          .send(file);
      },
    );
  };
}

/** Checks the route contract: the accepted answer of `POST …/export-jobs`. */
export const exportJobAccepted = { 202: exportJobAcceptedSchema };
