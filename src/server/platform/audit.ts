import { createHash } from 'node:crypto';
import { asc, gt, sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from '../db/client';
import { auditLog } from '../db/schema';
import { auditDigest } from './secret-box';

/** Who did it and from where: carried from the request into every write. */
export interface AuditContext {
  actor?: { id: string; username: string; role: string };
  ip?: string;
  requestId?: string;
}

export interface AuditEvent {
  action: string;
  outcome?: 'success' | 'failure';
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
  /** For events without a signed-in actor (a failed login names the username tried). */
  actorUsername?: string;
}

const GENESIS = '0'.repeat(64);

/** JSON with keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

type AuditRow = typeof auditLog.$inferSelect;

function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const { prevHash, ...rest } = row;
  const body = canonicalJson({ ...rest, id: String(rest.id), at: new Date(rest.at).toISOString() });
  return createHash(auditDigest()).update(prevHash).update('\n').update(body).digest('hex');
}

/** Plain JSON (dates as ISO strings), as it will read back from jsonb. */
function toJson(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

/**
 * Appends one entry inside the caller's transaction, so the write and its record commit together.
 * The advisory lock serialises the chain across app instances sharing one database.
 */
export async function writeAudit(tx: Tx, ctx: AuditContext, event: AuditEvent): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7310021)`);
  const last = await tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .orderBy(sql`${auditLog.id} desc`)
    .limit(1);
  const [next] = await queryRows<{ id: string }>(
    tx,
    sql`select nextval(pg_get_serial_sequence('audit_log', 'id'))::text as id`,
  );
  const row: Omit<AuditRow, 'hash'> = {
    id: BigInt(next.id),
    at: new Date().toISOString(),
    actorId: ctx.actor?.id ?? null,
    actorUsername: ctx.actor?.username ?? event.actorUsername ?? null,
    actorRole: ctx.actor?.role ?? null,
    ip: ctx.ip ?? null,
    action: event.action,
    outcome: event.outcome ?? 'success',
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    before: toJson(event.before),
    after: toJson(event.after),
    requestId: ctx.requestId ?? null,
    prevHash: last[0]?.hash ?? GENESIS,
  };
  await tx.insert(auditLog).values({ ...row, hash: entryHash(row) });
}

/** Recomputes the whole chain in batches; reports the first entry whose hash or link is wrong. */
export async function verifyAuditChain(db: Db): Promise<{ ok: boolean; checked: number; brokenAt?: string }> {
  let prev = GENESIS;
  let checked = 0;
  let after = 0n;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, after))
      .orderBy(asc(auditLog.id))
      .limit(5000);
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      const { hash, ...rest } = row;
      if (row.prevHash !== prev || entryHash(rest) !== hash)
        return { ok: false, checked, brokenAt: String(row.id) };
      prev = hash;
      checked++;
    }
    after = rows[rows.length - 1].id;
  }
}
