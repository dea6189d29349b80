import { createHash } from 'node:crypto';
import { createGzip } from 'node:zlib';
import { msg } from '../../domain/message';
import type { Db } from '../db/client';
import { type AuditContext, archiveLine, GENESIS, verifyArchiveLines, writeAudit } from './audit';
import {
  auditRowsToArchive,
  deleteAuditUpTo,
  firstIdToKeep,
  insertArchive,
  lastArchivedHash,
  lockAuditChain,
  retentionCutoff,
} from './audit-repo';
import { conflict, invalid } from './errors';

/**
 * 网络安全法 第二十一条: network logs are kept for no less than six months. The purge may be told to
 * keep more, never less; the database trigger refuses younger deletions whatever is passed here.
 */
export const MIN_RETENTION_MONTHS = 6;

export interface PurgeResult {
  archiveId: string | null;
  entries: number;
  firstId?: string;
  lastId?: string;
  cutoff: string;
}

/**
 * Moves the log's oldest entries — the longest prefix of the chain older than the retention — into
 * one archive (gzipped JSON lines with their hashes), then deletes them, in one transaction under
 * the chain's lock. The archive row is the chain's anchor: verification resumes from its last hash.
 * The purge itself is audited as the first entry after the archived prefix.
 */
export async function purgeAuditLog(
  db: Db,
  ctx: AuditContext,
  retentionMonths: number = MIN_RETENTION_MONTHS,
): Promise<PurgeResult> {
  if (!Number.isInteger(retentionMonths) || retentionMonths < MIN_RETENTION_MONTHS)
    throw invalid(
      'retentionMonths',
      msg(
        `审计日志至少保存 ${MIN_RETENTION_MONTHS} 个月（网络安全法第二十一条）`,
        `Audit entries are kept at least ${MIN_RETENTION_MONTHS} months (Cybersecurity Law art. 21)`,
      ),
    );
  return db.transaction(async (tx) => {
    await lockAuditChain(tx);
    const cutoff = await retentionCutoff(tx, retentionMonths);
    // The prefix ends before the first entry young enough to keep, even if a later one is older
    // (clocks of several app servers may disagree by a little).
    const keepFrom = await firstIdToKeep(tx, cutoff);
    const [previous] = await lastArchivedHash(tx);
    const firstPrev = previous?.hash ?? GENESIS;

    const gzip = createGzip();
    const chunks: Buffer[] = [];
    gzip.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve, reject) => gzip.on('end', resolve).on('error', reject));
    let prev = firstPrev;
    let entries = 0;
    let firstId: bigint | null = null;
    let lastId = 0n;
    for (;;) {
      const rows = await auditRowsToArchive(tx, lastId, cutoff, keepFrom, 2000);
      if (rows.length === 0) break;
      const lines = rows.map(archiveLine);
      const check = verifyArchiveLines(lines, prev);
      // A broken chain is evidence: it stays in the live log for the auditor to see.
      if (!check.ok)
        throw conflict(
          msg(
            `审计链在记录 ${check.brokenAt} 处断裂，不能归档`,
            `The audit chain is broken at entry ${check.brokenAt}; nothing was archived`,
          ),
        );
      prev = check.last;
      firstId ??= rows[0].id;
      lastId = rows[rows.length - 1].id;
      entries += rows.length;
      gzip.write(`${lines.join('\n')}\n`);
    }
    gzip.end();
    await ended;
    if (entries === 0 || firstId === null) return { archiveId: null, entries: 0, cutoff };

    const content = Buffer.concat(chunks);
    const contentSha256 = createHash('sha256').update(content).digest('hex');
    const archive = await insertArchive(tx, {
      archivedBy: ctx.actor?.username ?? null,
      firstId,
      lastId,
      entries,
      firstPrevHash: firstPrev,
      lastHash: prev,
      cutoff,
      contentSha256,
      content,
    });
    await deleteAuditUpTo(tx, lastId);
    const result = {
      archiveId: String(archive.id),
      entries,
      firstId: String(firstId),
      lastId: String(lastId),
      cutoff,
    };
    await writeAudit(tx, ctx, {
      action: 'audit.purge',
      targetType: 'audit_archive',
      targetId: result.archiveId,
      after: { ...result, retentionMonths, contentSha256 },
    });
    return result;
  });
}
