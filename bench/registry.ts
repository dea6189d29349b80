/**
 * `npm run bench registry` (issue 3): list and search latency over 1,000,000 organisations, the
 * organisation page, a streamed 100,000-row export's memory, and a 100,000-row Excel import.
 */
import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { queryRows } from '../src/server/db/client';
import { importRoutes } from '../src/server/modules/registry/import/routes';
import { CSRF_HEADER, CSRF_VALUE } from '../src/server/platform/access';
import { MAX_UPLOAD_BYTES as MAX_FILE_BYTES } from '../src/server/platform/uploads';
import { type Bench, prepare } from './data';
import {
  collectGarbage,
  emit,
  getJson,
  latency,
  log,
  sampleRss,
  signIn,
  sleep,
  withBenchDatabase,
} from './measure';
import { buildTemplates, importRow, ORG_HEADERS } from './names';

const B = 'registry';
const ORGS = '/api/v1/registry/orgs';
const IMPORTS = '/api/v1/registry/imports';
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

interface List {
  items: { id: string; uscc: string; name: string }[];
  total: number;
  /** A keyword search stops counting: `total` is then "at least". */
  totalCapped?: boolean;
}

const matches = (r: List) => `${r.total}${r.totalCapped ? '+' : ''} matches`;

const expect = (cond: boolean, what: string) => {
  if (!cond) throw new Error(`wrong answer: ${what}`);
};

async function listAndSearch({ app, database }: Bench, cookie: string) {
  const list = `${ORGS}?regionCode=350582&kind=enterprise&aboveSize=true&page=3`;
  const first = await getJson<List>(app, cookie, list);
  log(`filtered list: ${first.total} matches`);
  await latency(B, 'list.filtered', 50, async () => {
    const r = await getJson<List>(app, cookie, list);
    expect(r.items.length === 20, 'a full third page');
  });
  for (const [metric, q] of [
    ['search.graphene', '石墨烯'],
    ['search.jinjiang_shoe', '晋江 鞋'],
  ]) {
    const url = `${ORGS}?q=${encodeURIComponent(q)}`;
    const r = await getJson<List>(app, cookie, url);
    log(`q=${q}: ${matches(r)}, first ${r.items[0]?.name}`);
    await latency(B, metric, 50, async () => {
      const x = await getJson<List>(app, cookie, url);
      expect(x.total > 0, `${q} finds something`);
    });
  }
  // A different fragment on every run (brand + start of the industry word: 宏晟鞋业), as typed.
  const names = await queryRows<{ name: string }>(
    database.db,
    sql`select name from organizations where above_size order by md5(id::text) limit 70`,
  );
  const fragments = names.map((n) => n.name.slice(2, 6));
  const r = await getJson<List>(app, cookie, `${ORGS}?q=${encodeURIComponent(fragments[0])}`);
  log(`q=${fragments[0]}: ${matches(r)}, first ${r.items[0]?.name}`);
  await latency(B, 'search.name_fragment', 50, async (i) => {
    const f = fragments[(i + fragments.length) % fragments.length];
    const x = await getJson<List>(app, cookie, `${ORGS}?q=${encodeURIComponent(f)}`);
    expect(x.total > 0, `${f} finds something`);
  });
}

async function orgPage({ app, database }: Bench, cookie: string) {
  // 规上 enterprises: those with ten years of statistics and most qualifications.
  const ids = await queryRows<{ id: string }>(
    database.db,
    sql`select id from organizations where above_size order by md5(id::text || 'page') limit 70`,
  );
  await latency(B, 'org.page', 30, async (i) => {
    const id = ids[(i + ids.length) % ids.length].id;
    const d = await getJson<{ org: { id: string }; stats: unknown[] }>(app, cookie, `${ORGS}/${id}`);
    expect(d.org.id === id && d.stats.length === 10, 'the organisation with its ten years');
  });
}

/** Downloads the export over a real socket, chunk by chunk, keeping nothing, while sampling RSS. */
async function exportMemory(app: FastifyInstance, cookie: string) {
  const filter = 'aboveSize=true';
  const { total } = await getJson<List>(app, cookie, `${ORGS}?${filter}&pageSize=1`);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  collectGarbage();
  const rss = sampleRss(50);
  const t0 = performance.now();
  const res = await fetch(`${address}${ORGS}/export.xlsx?${filter}`, { headers: { cookie } });
  expect(res.status === 200 && res.body !== null, `export answered ${res.status}`);
  let bytes = 0;
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  const seconds = (performance.now() - t0) / 1000;
  const mem = rss.stop();
  log(
    `export: ${total} rows, ${(bytes / 1048576).toFixed(1)} MB in ${seconds.toFixed(1)} s; RSS before ${mem.baselineMb.toFixed(0)} MB`,
  );
  emit(B, 'export.rows', total / seconds, 'rows/s');
  emit(B, 'export.rss_growth', mem.growthMb, 'MB');
  emit(B, 'export.peak_rss', mem.peakMb, 'MB', 400);
}

/** The import routes, mounted as the API tests do while app.ts does not mount them itself. */
export async function ensureImportRoutes(bench: Bench) {
  const { app, database } = bench;
  if (app.hasRoute({ method: 'POST', url: IMPORTS })) return;
  log('note: app.ts does not mount the import routes yet; mounting them as the API tests do');
  if (!app.hasContentTypeParser('multipart/form-data')) {
    await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES } });
  }
  const { RegionTree } = await import('../src/server/platform/region-tree');
  const deps = {
    db: database.db,
    driver: database.driver,
    regions: await RegionTree.load(database.db),
    loginAttemptsPerMinute: 1_000_000,
  };
  await app.register(importRoutes(deps), { prefix: '/api/v1/registry' });
}

async function importFile(rows: number): Promise<{ file: Buffer; sample: string[] }> {
  const templates = buildTemplates(1500, 7);
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('单位信息');
  ws.addRow(ORG_HEADERS).commit();
  for (let i = 0; i < rows; i++) ws.addRow(importRow(templates, i)).commit();
  ws.commit();
  await wb.commit();
  return { file: Buffer.concat(chunks), sample: importRow(templates, Math.floor(rows * 0.6)) };
}

function multipartBody(file: Buffer) {
  const boundary = `----kechuangbench${Date.now()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\norganizations\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

interface Job {
  status: string;
  validRows: number;
  errorCount: number;
  inserted: number;
  message: { zh: string } | null;
  errors: { row: number; column: string; message: { zh: string } }[];
}

async function waitJob(app: FastifyInstance, cookie: string, id: string): Promise<Job> {
  for (;;) {
    const job = await getJson<Job>(app, cookie, `${IMPORTS}/${id}`);
    if (job.status !== 'validating' && job.status !== 'committing') return job;
    await sleep(100);
  }
}

async function importRun(app: FastifyInstance, cookie: string) {
  const { file, sample } = await importFile(IMPORT_ROWS);
  log(`import file: ${IMPORT_ROWS} rows, ${(file.length / 1048576).toFixed(1)} MB`);
  const body = multipartBody(file);
  const headers = { cookie, [CSRF_HEADER]: CSRF_VALUE };
  collectGarbage();
  const rss = sampleRss(50);
  const t0 = performance.now();
  const up = await app.inject({
    method: 'POST',
    url: IMPORTS,
    headers: { ...headers, 'content-type': body.contentType },
    payload: body.payload,
  });
  expect(up.statusCode === 202, `upload answered ${up.statusCode} ${up.body.slice(0, 300)}`);
  const id = (up.json() as { id: string }).id;
  const checked = await waitJob(app, cookie, id);
  const t1 = performance.now();
  if (checked.status !== 'validated' || checked.errorCount > 0) {
    log(`validation: ${checked.status} ${checked.message?.zh} ${JSON.stringify(checked.errors.slice(0, 3))}`);
    throw new Error('the import file did not validate');
  }
  const commit = await app.inject({
    method: 'POST',
    url: `${IMPORTS}/${id}/commit`,
    headers,
    payload: { mode: 'add', validOnly: false },
  });
  expect(commit.statusCode === 202, `commit answered ${commit.statusCode} ${commit.body.slice(0, 300)}`);
  const done = await waitJob(app, cookie, id);
  const t2 = performance.now();
  const mem = rss.stop();
  expect(
    done.status === 'done' && done.inserted === IMPORT_ROWS,
    `commit ${done.status}: ${done.message?.zh}`,
  );
  log(
    `import: validated in ${((t1 - t0) / 1000).toFixed(1)} s, committed in ${((t2 - t1) / 1000).toFixed(1)} s`,
  );
  emit(B, 'import.validate', IMPORT_ROWS / ((t1 - t0) / 1000), 'rows/s');
  emit(B, 'import.commit', IMPORT_ROWS / ((t2 - t1) / 1000), 'rows/s');
  emit(B, 'import.validated_and_committed', IMPORT_ROWS / ((t2 - t0) / 1000), 'rows/s', 5000);
  emit(B, 'import.rss_growth', mem.growthMb, 'MB');
  emit(B, 'import.peak_rss', mem.peakMb, 'MB');
  // Searchable at once: by its full name (words) and by its USCC.
  const [uscc, name] = sample;
  const s0 = performance.now();
  const byName = await getJson<List>(app, cookie, `${ORGS}?q=${encodeURIComponent(name)}`);
  const byNameMs = performance.now() - s0;
  const byUscc = await getJson<List>(app, cookie, `${ORGS}?q=${uscc}`);
  const found = byName.items.some((o) => o.uscc === uscc) && byUscc.items[0]?.uscc === uscc;
  log(
    `imported ${name} (${uscc}): by name ${matches(byName)}, by USCC ${matches(byUscc)}; ${found ? 'found' : 'NOT found'}`,
  );
  emit(B, 'import.search_imported_by_name', found ? byNameMs : Number.MAX_SAFE_INTEGER, 'ms', 50);
}

export async function registryBench() {
  await withBenchDatabase(async (url) => {
    const bench = await prepare(url);
    try {
      await ensureImportRoutes(bench);
      const cookie = await signIn(bench.app, bench.database, 'staff');
      await listAndSearch(bench, cookie);
      await orgPage(bench, cookie);
      await exportMemory(bench.app, cookie);
      await importRun(bench.app, cookie);
    } finally {
      await bench.app.close();
      await bench.database.close();
    }
  });
}
