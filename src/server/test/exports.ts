/** Reading exports in tests: a spreadsheet's rows, and a background export run to its end. */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { ExportJob } from '../../domain/contracts/jobs';
import { call, type TestContext } from './harness';

/** The first sheet's rows, each as its cells' values. */
export async function sheetRows(payload: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

/** Starts `POST <list>/export-jobs?<query>` as the cookie's user, waits for its end, reads its file. */
export async function exportJobRows(ctx: TestContext, cookie: string, list: string, query = '') {
  const started = await call(ctx.app, { method: 'POST', url: `${list}/export-jobs?${query}`, cookie });
  expect(started.statusCode, started.body).toBe(202);
  const url = `/api/v1/jobs/${started.json().id}`;
  let job: ExportJob | undefined;
  for (let i = 0; i < 600 && job?.status !== 'done' && job?.status !== 'failed'; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 50));
    job = (await call(ctx.app, { url, cookie })).json() as ExportJob;
  }
  expect(job?.status, JSON.stringify(job?.message)).toBe('done');
  const file = await call(ctx.app, { url: `${url}/file`, cookie });
  return { job: job!, rows: await sheetRows(file.rawPayload) };
}
