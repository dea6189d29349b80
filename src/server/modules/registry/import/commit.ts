/**
 * Committing an import: the rows staged by validation are checked again (the registry may have
 * changed since the upload) and every valid row is written in ONE transaction with its audit entry, so a
 * failure leaves nothing half-written. Progress is written outside that transaction.
 */
import type { FastifyBaseLogger } from 'fastify';
import { msg } from '../../../../domain/message';
import type { Actor } from '../../../platform/actor';
import { type AuditContext, writeAudit } from '../../../platform/audit';
import type { Deps } from '../../../platform/deps';
import { AppError, conflict } from '../../../platform/errors';
import type { Mode } from './bulk-repo';
import { failureMessage, inBackground, loadOwnJob, Tally } from './jobs';
import { claimForCommit, jobWithFile, updateJob } from './jobs-repo';
import { mergeSearchPendingLists, raisePendingListLimit } from './org-writes-repo';
import { openSheet } from './parse';
import { loadRefs } from './refs';
import { dropStagedRows, hasStagedRows, stagedRows } from './staging-repo';
import { validateRows } from './validate';
import { prepareBatch } from './write';

const STATUS_NAMES = {
  validating: msg('校验中', 'validating'),
  validated: msg('已校验', 'validated'),
  committing: msg('导入中', 'committing'),
  done: msg('已完成', 'done'),
  failed: msg('失败', 'failed'),
};

function doneMessage(r: { inserted: number; updated: number; skipped: number }, errorRows: number) {
  const zh = [`导入完成：新增 ${r.inserted} 条，更新 ${r.updated} 条`];
  const en = [`Imported: ${r.inserted} added, ${r.updated} updated`];
  if (r.skipped > 0) {
    zh.push(`已存在而跳过 ${r.skipped} 条`);
    en.push(`${r.skipped} skipped as existing`);
  }
  if (errorRows > 0) {
    zh.push(`有错误未导入 ${errorRows} 行`);
    en.push(`${errorRows} rows with errors not imported`);
  }
  return msg(zh.join('，'), en.join(', '));
}

/** Thrown inside the transaction to roll it back when re-validation finds errors. */
class NewErrors extends Error {}

export async function startCommit(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  log: FastifyBaseLogger,
  id: string,
  body: { mode: Mode; validOnly: boolean },
) {
  const job = await loadOwnJob(deps, actor, id);
  if (job.status !== 'validated') {
    const s = STATUS_NAMES[job.status];
    throw conflict(msg(`导入任务${s.zh}，不能提交`, `The import job is ${s.en} and cannot be committed`));
  }
  if (job.errorCount > 0 && !body.validOnly) {
    throw conflict(
      msg(
        `文件有 ${job.errorCount} 处错误，未导入任何数据；可修正后重新上传，或选择仅导入有效行`,
        `The file has ${job.errorCount} errors and nothing was imported; correct it and upload again, or choose to import only the valid rows`,
      ),
    );
  }
  if (job.validRows === 0)
    throw conflict(msg('文件中没有可导入的有效行', 'The file has no valid rows to import'));
  // Claimed with a conditional update, so two clicks cannot commit the same file twice.
  const claimed = await claimForCommit(deps.db, id, body);
  if (!claimed) throw conflict(msg('该导入任务已在提交中', 'The import job is already being committed'));
  inBackground(log, () => runCommit(deps, ctx, actor.username, id, log));
  return claimed;
}

/**
 * Merges what the import left in the GIN pending lists now, before the job reads "done": a search
 * reads a pending list row by row, so left for autovacuum it would slow every search meanwhile.
 */
async function mergePendingSearchEntries(deps: Deps, log: FastifyBaseLogger) {
  try {
    await mergeSearchPendingLists(deps.db);
  } catch (err) {
    // Only the indexes' owner may merge; autovacuum does it otherwise, and the rows are in.
    log.warn({ err }, 'could not merge the search indexes after an import');
  }
}

async function runCommit(
  deps: Deps,
  ctx: AuditContext,
  username: string,
  id: string,
  log: FastifyBaseLogger,
) {
  const job = await jobWithFile(deps.db, id);
  const mode = job.mode ?? 'add';
  const tally = new Tally();
  const result = { inserted: 0, updated: 0, skipped: 0 };
  // PGlite has one connection, which the transaction holds: a progress write there would wait for
  // the transaction to end. On PostgreSQL progress goes through another pooled connection.
  const reportProgress = deps.driver === 'postgres';
  try {
    const refs = await loadRefs(deps.db, deps.regions);
    const wctx = { regions: deps.regions, changedBy: username };
    await deps.db.transaction(async (tx) => {
      // New organisations' lexemes and name trigrams go to their GIN indexes' pending lists, which
      // are merged into the indexes whenever full: merged in few large passes, not every 4 MB.
      await raisePendingListLimit(tx);
      // The staged rows are read, and checked against the registry, on another connection where
      // there is one, so the checks of a batch never queue behind the previous batch's write. They
      // need not see this transaction's own rows: a key repeated in the file is an error anyway.
      // The workbook itself is read only for a job validated before rows were staged.
      const reader = reportProgress ? deps.db : tx;
      const rows = (await hasStagedRows(reader, id))
        ? stagedRows(reader, id)
        : (await openSheet(job.file, job.kind)).rows;
      // One batch is written while the next is read and checked: the database and the parser work
      // at the same time. A failed write is rethrown below, never left as an unhandled rejection.
      let writing: Promise<void> | null = null;
      let writeError: unknown = null;
      const settle = async () => {
        await writing;
        if (writeError) throw writeError;
      };
      for await (const batch of validateRows(job.kind, rows, {
        tx: reader,
        refs,
        regionCodes: job.regionCodes,
      })) {
        tally.add(batch);
        const write =
          job.validOnly || tally.errorCount === 0 ? prepareBatch(job.kind, mode, batch.rows, wctx) : null;
        await settle();
        if (write) {
          writing = write(tx).then(
            (w) => {
              result.inserted += w.inserted;
              result.updated += w.updated;
              result.skipped += w.skipped;
            },
            (e) => {
              writeError = e;
            },
          );
        }
        if (reportProgress) {
          await updateJob(deps.db, id, { processedRows: tally.total });
        }
      }
      await settle();
      if (!job.validOnly && tally.errorCount > 0) throw new NewErrors();
      await writeAudit(tx, ctx, {
        action: 'registry.import',
        targetType: 'import',
        targetId: id,
        after: { kind: job.kind, mode, validOnly: job.validOnly, ...result, fileName: job.fileName },
      });
    });
  } catch (err) {
    const counts = {
      totalRows: tally.total,
      validRows: tally.valid,
      errorCount: tally.errorCount,
      errors: tally.errors,
    };
    if (err instanceof NewErrors) {
      // The data changed since the upload: back to "validated" with the new errors, so the user
      // can correct the file or choose to import only the valid rows.
      await updateJob(deps.db, id, {
        status: 'validated',
        ...counts,
        processedRows: tally.total,
        message: msg(
          `重新校验发现 ${tally.errorCount} 处错误（数据已变化），未导入任何数据`,
          `Re-validation found ${tally.errorCount} errors (the data changed); nothing was imported`,
        ),
      });
      return;
    }
    await updateJob(deps.db, id, {
      status: 'failed',
      file: null,
      finishedAt: new Date(),
      message: failureMessage(err, msg('导入失败，未写入任何数据', 'The import failed and wrote nothing')),
    });
    await dropStagedRows(deps.db, [id]);
    if (!(err instanceof AppError) || err.cause) throw err;
    return;
  }
  if (job.kind === 'organizations') await mergePendingSearchEntries(deps, log);
  await updateJob(deps.db, id, {
    status: 'done',
    totalRows: tally.total,
    processedRows: tally.total,
    validRows: tally.valid,
    errorCount: tally.errorCount,
    errors: tally.errors,
    inserted: result.inserted,
    updated: result.updated,
    file: null,
    finishedAt: new Date(),
    message: doneMessage(result, tally.errorRows),
  });
  await dropStagedRows(deps.db, [id]);
}
