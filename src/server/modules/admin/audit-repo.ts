import { and, asc, count, eq, gt, gte, ilike, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { auditQuerySchema } from '../../../domain/contracts/admin';
import type { Tx } from '../../db/client';
import { auditArchives, auditLog } from '../../db/schema';
import { likePattern } from '../../platform/listing';

export type AuditQuery = z.infer<typeof auditQuerySchema>;
type AuditFilters = Omit<AuditQuery, 'page' | 'pageSize' | 'sort'>;

function where(q: AuditFilters): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  // Dates are days in China Standard Time, as the auditor reads them.
  if (q.from) conds.push(gte(auditLog.at, `${q.from}T00:00:00+08:00`));
  if (q.to) conds.push(lt(auditLog.at, sql`(${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`));
  if (q.actor) conds.push(ilike(auditLog.actorUsername, likePattern(q.actor)));
  if (q.action) conds.push(ilike(auditLog.action, `${q.action.replace(/[\\%_]/g, '\\$&')}%`));
  if (q.targetType) conds.push(eq(auditLog.targetType, q.targetType));
  if (q.outcome) conds.push(eq(auditLog.outcome, q.outcome));
  return and(...conds);
}

export function auditPage(tx: Tx, q: AuditQuery, limit: number, offset: number) {
  const direction = q.sort === 'at' ? sql`${auditLog.id} asc` : sql`${auditLog.id} desc`;
  return tx.select().from(auditLog).where(where(q)).orderBy(direction).limit(limit).offset(offset);
}

/** The entries after `afterId` in entry order (the export's keyset batches). */
export function auditAfter(tx: Tx, f: AuditFilters, afterId: string | null, limit: number) {
  return tx
    .select()
    .from(auditLog)
    .where(and(where(f), afterId ? gt(auditLog.id, BigInt(afterId)) : undefined))
    .orderBy(asc(auditLog.id))
    .limit(limit);
}

export async function auditCount(tx: Tx, q: AuditFilters): Promise<number> {
  const [{ n }] = await tx.select({ n: count() }).from(auditLog).where(where(q));
  return Number(n);
}

/** The archives of the purged prefix, oldest first, without their content. */
export function archiveList(tx: Tx) {
  return tx
    .select({
      id: auditArchives.id,
      archivedAt: auditArchives.archivedAt,
      archivedBy: auditArchives.archivedBy,
      firstId: auditArchives.firstId,
      lastId: auditArchives.lastId,
      entries: auditArchives.entries,
      firstPrevHash: auditArchives.firstPrevHash,
      lastHash: auditArchives.lastHash,
      cutoff: auditArchives.cutoff,
      contentSha256: auditArchives.contentSha256,
    })
    .from(auditArchives)
    .orderBy(asc(auditArchives.lastId));
}

export async function archiveContent(tx: Tx, id: bigint) {
  const [row] = await tx
    .select({
      id: auditArchives.id,
      firstId: auditArchives.firstId,
      lastId: auditArchives.lastId,
      content: auditArchives.content,
    })
    .from(auditArchives)
    .where(eq(auditArchives.id, id));
  return row;
}
