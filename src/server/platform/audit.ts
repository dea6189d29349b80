import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { Db, Tx } from '../db/client';
import type { auditLog } from '../db/schema';
import {
  auditRowsAfter,
  getArchive,
  insertAuditRows,
  lastArchivedHash,
  lastAuditHash,
  listArchiveAnchors,
  lockAuditChain,
  nextAuditIds,
} from './audit-repo';
import { auditDigest } from './secret-box';

/** Who did it and from where: carried from the request into every write. */
export interface AuditContext {
  actor?: { id: string; username: string; role: string };
  ip?: string;
  requestId?: string;
}

export interface AuditEvent {
  action: string;
  /** 'denied': refused by access control, scope (404) or separation of duties. */
  outcome?: 'success' | 'failure' | 'denied';
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
  /** For events without a signed-in actor (a failed login names the username tried). */
  actorUsername?: string;
}

export const GENESIS = '0'.repeat(64);

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

export type AuditRow = typeof auditLog.$inferSelect;

export function entryHash(row: Omit<AuditRow, 'hash'>): string {
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
  await writeAuditEntries(tx, [{ ctx, event }]);
}

/**
 * Appends several entries, chained in order, with one lock, one look-up of the chain's end and one
 * insert: how the refusal trail writes a queue of records without a round trip per entry.
 */
export async function writeAuditEntries(
  tx: Tx,
  entries: { ctx: AuditContext; event: AuditEvent }[],
): Promise<void> {
  if (entries.length === 0) return;
  await lockAuditChain(tx);
  const last = await lastAuditHash(tx);
  // Once everything older has been archived and purged, the chain goes on from the archive's end.
  if (last.length === 0) last.push(...(await lastArchivedHash(tx)));
  const ids = await nextAuditIds(tx, entries.length);
  let prevHash = last[0]?.hash ?? GENESIS;
  const rows = entries.map(({ ctx, event }, i) => {
    const row: Omit<AuditRow, 'hash'> = {
      id: BigInt(ids[i].id),
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
      prevHash,
    };
    prevHash = entryHash(row);
    return { ...row, hash: prevHash };
  });
  await insertAuditRows(tx, rows);
}

/** An entry as an archive line: the stored columns with the id as text and the time as ISO. */
export function archiveLine(row: AuditRow): string {
  return JSON.stringify({ ...row, id: String(row.id), at: new Date(row.at).toISOString() });
}

/**
 * Checks an archive's lines as a chain starting at `prev`; answers the hash it ends at, or the
 * id of the first line that does not match.
 */
export function verifyArchiveLines(
  lines: string[],
  prev: string,
): { ok: true; last: string; checked: number } | { ok: false; brokenAt: string; checked: number } {
  let checked = 0;
  for (const line of lines) {
    const { hash, ...rest } = JSON.parse(line) as Omit<AuditRow, 'id'> & { id: string };
    if (rest.prevHash !== prev || entryHash({ ...rest, id: BigInt(rest.id) }) !== hash)
      return { ok: false, brokenAt: rest.id, checked };
    prev = hash;
    checked++;
  }
  return { ok: true, last: prev, checked };
}

export interface ChainReport {
  ok: boolean;
  /** Entries checked, live and archived. */
  checked: number;
  /** Of those, entries read from archives of the purged prefix. */
  archived: number;
  brokenAt?: string;
}

/**
 * Recomputes the whole chain: first each archive of the purged prefix (its content against its
 * recorded digest, anchor and entries), then the live log from the last archive's hash on.
 * Reports the first entry whose hash or link is wrong.
 */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  let prev = GENESIS;
  let checked = 0;
  let archived = 0;
  let after = 0n;
  const anchors = await listArchiveAnchors(db);
  for (const anchor of anchors) {
    const a = await getArchive(db, anchor.id);
    const content = Buffer.from(a.content);
    const lines = gunzipSync(content).toString('utf8').split('\n').filter(Boolean);
    const digest = createHash('sha256').update(content).digest('hex');
    const result = verifyArchiveLines(lines, prev);
    if (a.firstPrevHash !== prev || digest !== a.contentSha256 || lines.length !== a.entries)
      return { ok: false, checked, archived, brokenAt: String(a.firstId) };
    if (!result.ok)
      return { ok: false, checked: checked + result.checked, archived, brokenAt: result.brokenAt };
    if (result.last !== a.lastHash) return { ok: false, checked, archived, brokenAt: String(a.lastId) };
    checked += result.checked;
    archived += result.checked;
    prev = a.lastHash;
    after = a.lastId;
  }
  for (;;) {
    const rows = await auditRowsAfter(db, after, 5000);
    if (rows.length === 0) return { ok: true, checked, archived };
    for (const row of rows) {
      const { hash, ...rest } = row;
      if (row.prevHash !== prev || entryHash(rest) !== hash)
        return { ok: false, checked, archived, brokenAt: String(row.id) };
      prev = hash;
      checked++;
    }
    after = rows[rows.length - 1].id;
  }
}
