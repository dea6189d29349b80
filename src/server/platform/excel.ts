import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { describeDatabaseError, isDatabaseUnavailable, isStatementTimeout } from '../db/faults';

export interface XlsxColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | Date | null | undefined;
}

/**
 * Streams an .xlsx to the client: rows are fetched in batches and written as they come, so a
 * 100,000-row export needs no more memory than one batch.
 */
export async function sendXlsx<T>(
  reply: FastifyReply,
  filename: string,
  sheetName: string,
  columns: XlsxColumn<T>[],
  batches: AsyncIterable<T[]>,
) {
  // The first batch is fetched before anything is sent: a refused filter or sort (or a failing
  // query) then answers with the usual error, not a download cut off after its headers.
  const source = batches[Symbol.asyncIterator]();
  const first = await source.next();
  const stream = new PassThrough();
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
  const { workbook, sheet } = streamedSheet(stream, sheetName, columns);
  const done = (async () => {
    for (let next = first; !next.done; next = await source.next()) {
      for (const row of next.value) sheet.addRow(columns.map((c) => c.value(row) ?? null)).commit();
    }
    sheet.commit();
    await workbook.commit();
  })();
  done.catch((err) => {
    // A database fault is logged as one line without the query (which carries the filters).
    if (isDatabaseUnavailable(err) || isStatementTimeout(err)) {
      reply.log.warn(`export failed: ${describeDatabaseError(err)}`);
    } else reply.log.error({ err }, 'export failed');
    stream.destroy(err);
  });
  return reply.send(stream);
}

/** A workbook written to `stream` as rows are committed, with one sheet and its bold, frozen header. */
function streamedSheet<T>(stream: PassThrough, sheetName: string, columns: XlsxColumn<T>[]) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return { workbook, sheet };
}

/**
 * Writes an .xlsx into memory, batch by batch (an export job keeps the file in the database);
 * `onBatch` hears how many rows are written so far. Only the compressed file is held, not the rows.
 */
export async function xlsxBuffer<T>(
  sheetName: string,
  columns: XlsxColumn<T>[],
  batches: AsyncIterable<T[]>,
  onBatch: (rowsWritten: number) => Promise<void>,
): Promise<{ file: Buffer; rows: number }> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const { workbook, sheet } = streamedSheet(stream, sheetName, columns);
  let rows = 0;
  for await (const batch of batches) {
    for (const row of batch) sheet.addRow(columns.map((c) => c.value(row) ?? null)).commit();
    rows += batch.length;
    await onBatch(rows);
  }
  sheet.commit();
  await workbook.commit();
  await ended;
  return { file: Buffer.concat(chunks), rows };
}

/** Pages through a query in fixed-size batches for an export. */
export async function* inBatches<T>(fetch: (offset: number, limit: number) => Promise<T[]>, size = 2000) {
  for (let offset = 0; ; offset += size) {
    const rows = await fetch(offset, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
  }
}

/** A list already in memory (small, bounded lists) as a single export batch. */
export async function* oneBatch<T>(rows: T[]) {
  yield rows;
}

/** An instant as a reader of the spreadsheet reads it: China Standard Time, said so. */
export function chinaTime(at: string): string {
  const d = new Date(new Date(at).getTime() + 8 * 3_600_000);
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} (UTC+8)`;
}
