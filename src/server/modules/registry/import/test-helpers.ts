/** Helpers of the import API tests: Excel files, multipart bodies, uploads and polling. */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { ImportJob } from '../../../../domain/contracts/registry-import';
import { makeUscc } from '../../../../domain/identifiers';
import { CSRF_HEADER, CSRF_VALUE } from '../../../platform/access';
import { call, type TestContext } from '../../../test/harness';

export const BASE = '/api/v1/registry/imports';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A valid USCC nobody else uses. */
export function newUscc(region = '350582'): string {
  const base = randomBytes(4)
    .toString('hex')
    .toUpperCase()
    .replace(/[IOSVZ]/g, '1')
    .slice(0, 8);
  return makeUscc('9', '1', region, base);
}

/** A workbook of one sheet: the header row, then the rows. */
export async function xlsx(headers: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readXlsx(data: Buffer | string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((typeof data === 'string' ? Buffer.from(data, 'binary') : data) as never);
  return wb;
}

/** A multipart/form-data body built by hand, as a browser sends it. */
export function form(fields: Record<string, string>, file?: { name: string; data: Buffer; field?: string }) {
  const boundary = `----kechuang${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\n` +
          `Content-Type: ${XLSX}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function upload(
  ctx: TestContext,
  cookie: string,
  kind: string,
  data: Buffer,
  opts: { name?: string; stream?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const body = form({ kind }, { name: opts.name ?? '导入.xlsx', data });
  return ctx.app.inject({
    method: 'POST',
    url: BASE,
    headers: { cookie, 'content-type': body.contentType, [CSRF_HEADER]: CSRF_VALUE },
    // A stream has no content-length, so the size limit is met while reading.
    payload: opts.stream ? Readable.from([body.payload]) : body.payload,
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls the job until it leaves validating/committing (bounded). */
export async function waitJob(ctx: TestContext, cookie: string, id: string): Promise<ImportJob> {
  for (let i = 0; i < 600; i++) {
    const res = await call(ctx.app, { url: `${BASE}/${id}`, cookie });
    if (res.statusCode !== 200) throw new Error(`job ${id}: ${res.statusCode} ${res.body}`);
    const job = res.json() as ImportJob;
    if (job.status !== 'validating' && job.status !== 'committing') return job;
    await sleep(50);
  }
  throw new Error(`job ${id} did not finish`);
}

/** Uploads a file and waits for its validation. */
export async function validated(
  ctx: TestContext,
  cookie: string,
  kind: string,
  data: Buffer,
): Promise<ImportJob> {
  const res = await upload(ctx, cookie, kind, data);
  if (res.statusCode !== 202) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  const job = await waitJob(ctx, cookie, res.json().id);
  if (job.status !== 'validated') throw new Error(`validation ${job.status}: ${job.message?.zh}`);
  return job;
}

/** Commits a validated job and waits for the outcome. */
export async function committed(
  ctx: TestContext,
  cookie: string,
  id: string,
  body: { mode: 'add' | 'upsert'; validOnly: boolean },
): Promise<ImportJob> {
  const res = await call(ctx.app, { method: 'POST', url: `${BASE}/${id}/commit`, cookie, body });
  if (res.statusCode !== 202) throw new Error(`commit: ${res.statusCode} ${res.body}`);
  const job = await waitJob(ctx, cookie, id);
  if (job.status !== 'done') throw new Error(`commit ${job.status}: ${job.message?.zh}`);
  return job;
}
