/**
 * Patent imports: the file's header is checked while the request waits; the rows are then read,
 * validated and matched in batches after it has answered 202, with the progress in the import's
 * row (the page polls it). Each batch is one transaction: a re-import of the same file updates the
 * same patents (by application number), so an import cut off is finished by importing it again.
 * Rows with errors are skipped and listed; a status that changed appends a dated legal event.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { IpImport, IpRowError } from '../../../domain/contracts/ip';
import { applicantKey, PATENT_STATUS_NAMES } from '../../../domain/ip';
import { msg } from '../../../domain/message';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import {
  addReviews,
  existingPatents,
  importById,
  insertEvents,
  insertImport,
  type PatentInsert,
  recentImports,
  updateImport,
  upsertPatents,
} from './import-repo';
import { isEnding, type PatentRowValue, readPatentRow } from './import-rows';
import { openPatentSheet } from './import-sheet';
import { ApplicantMatcher } from './matcher';

const BATCH = 1000;
const KEEP_ERRORS = 500;
const running = new Set<Promise<void>>();

/** Waits for the imports still running (the server closing). */
export async function settlePatentImports() {
  await Promise.allSettled([...running]);
}

type ImportRow = NonNullable<Awaited<ReturnType<typeof importById>>>;

export function presentImport(r: ImportRow): IpImport {
  return {
    id: r.id,
    fileName: r.fileName,
    status: r.status,
    rowsRead: r.rowsRead,
    inserted: r.inserted,
    updated: r.updated,
    events: r.events,
    errorCount: r.errorCount,
    errors: r.errors as IpRowError[],
    message: r.message,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

export async function startPatentImport(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  log: FastifyBaseLogger,
  upload: { file: Buffer; fileName: string },
) {
  const rows = await openPatentSheet(upload.file);
  const job = await deps.db.transaction(async (tx) => {
    const row = await insertImport(tx, upload.fileName, actor.id);
    await writeAudit(tx, ctx, {
      action: 'ip.import.start',
      targetType: 'ip_import',
      targetId: row.id,
      after: { fileName: upload.fileName },
    });
    return row;
  });
  const work = runImport(deps, ctx, job.id, rows).catch(async (e) => {
    log.error({ err: e, importId: job.id }, 'patent import failed');
    const m =
      e?.message && e?.statusCode === 400
        ? String(e.message)
        : '导入中断，请重新导入同一文件 / The import stopped: import the same file again';
    await updateImport(deps.db, job.id, { status: 'failed', message: m, finishedAt: new Date() }).catch(
      () => {},
    );
  });
  running.add(work);
  void work.finally(() => running.delete(work));
  return presentImport(job);
}

async function runImport(
  deps: Deps,
  ctx: AuditContext,
  id: string,
  rows: AsyncGenerator<{ row: number; cell: Parameters<typeof readPatentRow>[1] }>,
) {
  const matcher = await ApplicantMatcher.load(deps.db, deps.regions);
  const today = new Date(`${clock.today()}T00:00:00`);
  const counts = { rowsRead: 0, inserted: 0, updated: 0, events: 0, errorCount: 0 };
  const errors: IpRowError[] = [];
  let batch: PatentRowValue[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const done = await writeBatch(deps, id, matcher, batch);
    counts.inserted += done.inserted;
    counts.updated += done.updated;
    counts.events += done.events;
    batch = [];
    await updateImport(deps.db, id, { ...counts, errors: errors.slice(0, KEEP_ERRORS) });
  };
  const seen = new Set<string>();
  for await (const r of rows) {
    counts.rowsRead++;
    const read = readPatentRow(r.row, r.cell, today);
    if (!read.ok) {
      counts.errorCount += read.errors.length;
      if (errors.length < KEEP_ERRORS) errors.push(...read.errors);
      continue;
    }
    if (seen.has(read.value.appNo)) {
      counts.errorCount++;
      errors.push({
        row: r.row,
        field: '申请号',
        message: msg(
          `申请号：${read.value.appNo} 在文件中重复`,
          `申请号: ${read.value.appNo} appears twice in the file`,
        ),
      });
      continue;
    }
    seen.add(read.value.appNo);
    batch.push(read.value);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await deps.db.transaction(async (tx) => {
    await updateImport(tx, id, {
      ...counts,
      errors: errors.slice(0, KEEP_ERRORS),
      status: 'done',
      finishedAt: new Date(),
    });
    await writeAudit(tx, ctx, {
      action: 'ip.import.finish',
      targetType: 'ip_import',
      targetId: id,
      after: counts,
    });
  });
}

async function writeBatch(deps: Deps, importId: string, matcher: ApplicantMatcher, batch: PatentRowValue[]) {
  const today = clock.today();
  return deps.db.transaction(async (tx) => {
    const before = new Map(
      (
        await existingPatents(
          tx,
          batch.map((b) => b.appNo),
        )
      ).map((x) => [x.appNo, x]),
    );
    const reviews = new Map<
      string,
      {
        name: string;
        reason: 'unmatched' | 'ambiguous';
        candidates: { id: string; name: string; uscc: string }[];
      }
    >();
    const values: PatentInsert[] = batch.map((b) => {
      const m = matcher.resolve(b.applicants, b.uscc, b.address);
      for (const r of m.review) {
        reviews.set(applicantKey(r.name), {
          name: r.name,
          reason: r.match.kind,
          candidates:
            r.match.kind === 'ambiguous'
              ? r.match.candidates.map(({ id, name, uscc }) => ({ id, name, uscc }))
              : [],
        });
      }
      const ending = isEnding(b.status) ? (b.statusOn ?? today) : null;
      return {
        appNo: b.appNo,
        kind: b.kind,
        title: b.title,
        applicants: m.applicants,
        applicantNames: b.applicants.join('；'),
        applicantKeys: b.applicants.map(applicantKey),
        orgIds: m.orgIds,
        inventors: b.inventors,
        address: b.address,
        filedOn: b.filedOn,
        publishedOn: b.publishedOn,
        grantedOn: b.grantedOn,
        endedOn: ending,
        status: b.status,
        ipcMain: b.ipcMain,
        regionCode: m.regionCode,
        importId,
      };
    });
    const written = await upsertPatents(tx, values);
    const ids = new Map(written.map((w) => [w.appNo, w.id]));
    // An event when the status moved (or, for a new record, when it is more than filed/granted).
    const events = batch
      .filter((b) => {
        const old = before.get(b.appNo);
        return old ? old.status !== b.status : b.status !== 'pending' && b.status !== 'granted';
      })
      .map((b) => ({
        patentId: ids.get(b.appNo)!,
        onDate: b.statusOn ?? (b.status === 'granted' && b.grantedOn ? b.grantedOn : today),
        status: b.status,
        label: PATENT_STATUS_NAMES[b.status].zh,
        importId,
      }));
    await insertEvents(tx, events);
    await addReviews(
      tx,
      [...reviews.entries()].map(([nameKey, r]) => ({ nameKey, ...r, importId })),
    );
    return { inserted: batch.length - before.size, updated: before.size, events: events.length };
  });
}

export async function importOf(deps: Deps, actor: Actor, id: string) {
  const row = await importById(deps.db, id, actor.id);
  if (!row) throw notFound(msg('导入记录', 'import'));
  return presentImport(row);
}

export async function importsOf(deps: Deps, actor: Actor) {
  const rows = await recentImports(deps.db, actor.id);
  return { items: rows.map(presentImport), total: rows.length };
}
