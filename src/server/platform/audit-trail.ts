import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import { auditContext } from './access';
import { type AuditContext, type AuditEvent, writeAudit, writeAuditEntries } from './audit';
import { AppError } from './errors';

/**
 * 等保2.0 §8.1.4.3 安全审计: refusals and reads of personal or bulk data are audited, not only writes.
 *
 * Denials (401, 403, a 404 from a route — out of scope or absent, which we do not tell apart —
 * cross-site refusals and separation-of-duties refusals) are recorded once per request after the
 * response has gone, each in its own transaction: never inside the business transaction that
 * threw (which rolls back), never delaying or failing the answer. Reads (exports, downloads, the
 * full organisation record) are recorded by `auditRead` before the data leaves.
 */
declare module 'fastify' {
  interface FastifyRequest {
    /** The error the request ended with, kept for the denial record. */
    auditError?: unknown;
  }
  interface FastifyInstance {
    auditTrail: AuditTrail;
  }
}

export interface DenialLimits {
  /** Length of the counting window. */
  windowMs: number;
  /** Entries written per window for one caller (address and account), route and kind of refusal. */
  perKey: number;
  /** Entries written per window in all, whatever the key. */
  total: number;
  /** Denial writes waiting at most; beyond, refusals are only counted. */
  maxPending: number;
}

/**
 * Floods are coalesced, not dropped: past the limits a refusal is counted, and when the window
 * ends one `access.denied-coalesced` entry per key states how many were left out, the time span
 * and the first and last request ids. An unauthenticated storm against one endpoint from one
 * address thus costs at most `perKey` + 1 entries a minute, and an app server at most `total` + the
 * summaries. The counts are per process; several app servers each apply them.
 */
export const DEFAULT_DENIAL_LIMITS: DenialLimits = {
  windowMs: 60_000,
  perKey: 10,
  total: 2000,
  maxPending: 500,
};

/** How long refusals gather before they are written together. */
const BATCH_DELAY_MS = 50;

interface Pending {
  ctx: AuditContext;
  event: AuditEvent;
}

interface Bucket {
  written: number;
  suppressed: number;
  sample?: Pending;
  firstAt?: string;
  lastAt?: string;
  firstRequestId?: string;
  lastRequestId?: string;
}

export class AuditTrail {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  private buckets = new Map<string, Bucket>();
  private windowStart = Date.now();
  private written = 0;
  private windowTimer: NodeJS.Timeout;

  constructor(
    readonly db: Db,
    private readonly log: FastifyInstance['log'],
    private readonly limits: DenialLimits = DEFAULT_DENIAL_LIMITS,
  ) {
    this.windowTimer = setInterval(() => this.rollOver(), limits.windowMs);
    this.windowTimer.unref();
  }

  /** Records one refusal, or counts it when the caller's or the server's share is spent. */
  denied(key: string, entry: Pending) {
    if (Date.now() - this.windowStart >= this.limits.windowMs) this.rollOver();
    const bucket = this.buckets.get(key) ?? { written: 0, suppressed: 0 };
    this.buckets.set(key, bucket);
    if (
      bucket.written < this.limits.perKey &&
      this.written < this.limits.total &&
      this.pending < this.limits.maxPending
    ) {
      bucket.written++;
      this.written++;
      this.enqueue(entry);
      return;
    }
    const at = new Date().toISOString();
    bucket.suppressed++;
    bucket.sample ??= entry;
    bucket.firstAt ??= at;
    bucket.firstRequestId ??= entry.ctx.requestId;
    bucket.lastAt = at;
    bucket.lastRequestId = entry.ctx.requestId;
  }

  /** Ends the window: one summary entry per key that had refusals left out. */
  rollOver() {
    for (const bucket of this.buckets.values()) {
      if (bucket.suppressed === 0 || !bucket.sample) continue;
      const { ctx, event } = bucket.sample;
      this.enqueue({
        ctx: { ...ctx, requestId: bucket.lastRequestId },
        event: {
          ...event,
          action: 'access.denied-coalesced',
          after: {
            ...(event.after as object),
            deniedAction: event.action,
            coalesced: bucket.suppressed,
            from: bucket.firstAt,
            to: bucket.lastAt,
            firstRequestId: bucket.firstRequestId,
            lastRequestId: bucket.lastRequestId,
          },
        },
      });
    }
    this.buckets.clear();
    this.written = 0;
    this.windowStart = Date.now();
  }

  /** Writes every record queued so far and waits for it (tests; shutdown). */
  async flush() {
    if (this.queue.length > 0) this.startDrain();
    await this.tail;
  }

  close() {
    clearInterval(this.windowTimer);
    this.rollOver();
    return this.flush();
  }

  // One writer per process, writing whatever has queued up within a short delay in one
  // transaction: a storm costs a few batched inserts instead of a transaction (and a wait on the
  // chain's lock) per refusal, and normal traffic does not feel the trail.
  private queue: Pending[] = [];
  private timer?: NodeJS.Timeout;

  private enqueue(entry: Pending) {
    this.pending++;
    this.queue.push(entry);
    this.timer ??= setTimeout(() => this.startDrain(), BATCH_DELAY_MS);
  }

  private startDrain() {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.tail = this.tail.then(() => this.drain());
  }

  private async drain() {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, 500);
      try {
        await this.db.transaction((tx) => writeAuditEntries(tx, batch));
      } catch (err) {
        this.log.error({ err, entries: batch.length }, 'audit records failed');
      } finally {
        this.pending -= batch.length;
      }
    }
  }
}

/** The audit action of a refusal, or null when the answer is no refusal (or audited elsewhere). */
export function denialAction(req: FastifyRequest, status: number): string | null {
  const err = req.auditError;
  const code = err instanceof AppError ? err.code : undefined;
  // A failed sign-in writes its own auth.login entry with the username tried.
  if (code === 'invalid_credentials') return null;
  if (code === 'separation_of_duties') return 'access.separation-of-duties';
  if (status === 401) return 'access.unauthenticated';
  if (status === 403) return code === 'cross_site_refused' ? 'access.csrf-refused' : 'access.forbidden';
  // Only a route's own "no such record (in your scope)", not an unknown endpoint.
  if (status === 404 && code === 'not_found' && req.routeOptions.url) return 'access.not-found';
  return null;
}

export function registerAuditTrail(app: FastifyInstance, db: Db, limits?: DenialLimits) {
  const trail = new AuditTrail(db, app.log, limits);
  app.decorate('auditTrail', trail);
  app.addHook('onError', async (req, _reply, err) => {
    req.auditError = err;
  });
  app.addHook('onResponse', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const action = denialAction(req, reply.statusCode);
    if (!action) return;
    const route = `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`;
    const err = req.auditError;
    const ctx = auditContext(req);
    trail.denied(`${ctx.ip}|${ctx.actor?.id ?? '-'}|${action}|${route}`, {
      ctx,
      event: {
        action,
        outcome: 'denied',
        targetType: 'route',
        targetId: route,
        after: {
          status: reply.statusCode,
          code: err instanceof AppError ? err.code : undefined,
          path: req.url.split('?')[0],
        },
      },
    });
  });
  app.addHook('onClose', async () => trail.close());
}

/**
 * Records a read of bulk or sensitive data — an export, a downloaded file or report, a full
 * organisation record — once per request, before the data is sent: what cannot be recorded is not
 * handed out. The entry names the path and the filters, plus any `details` given.
 */
export async function auditRead(
  req: FastifyRequest,
  read: { action: string; object?: { type: string; id?: string }; details?: Record<string, unknown> },
): Promise<void> {
  const query = req.query as Record<string, unknown> | undefined;
  const details = {
    path: req.url.split('?')[0],
    ...(query && Object.keys(query).length > 0 ? { filters: query } : {}),
    ...read.details,
  };
  await req.server.auditTrail.db.transaction((tx) =>
    writeAudit(tx, auditContext(req), {
      action: read.action,
      targetType: read.object?.type,
      targetId: read.object?.id,
      after: details,
    }),
  );
}
