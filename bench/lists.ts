/**
 * `npm run bench lists` (issue 16): every list endpoint over a seeded random sample of the filter,
 * sort and page combinations a clerk can choose, at the registry benchmark's scale. Prints p50, p95
 * and max per endpoint and the five slowest combinations with the plan of their slowest statement.
 *
 * BENCH_LIST_SAMPLES (default 200) combinations per endpoint; BENCH_SEED (default 16) picks them;
 * BENCH_SCALE shrinks the data for a quick run; BENCH_DB_URL reuses a kept database.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { queryRows } from '../src/server/db/client';
import { prepare } from './data';
import { emit, getJson, log, percentile, signIn, withBenchDatabase } from './measure';

const B = 'lists';
const SAMPLES = Number(process.env.BENCH_LIST_SAMPLES ?? 200);
const SEED = Number(process.env.BENCH_SEED ?? 16);

/** A small seeded generator (mulberry32): the same combinations on every run. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const maybe = (p: number) => next() < p;
  return { next, pick, maybe };
}

/** The statements a request ran, with their parameters, recorded around one request. */
interface Statement {
  text: string;
  values: unknown[];
}
let recording: Statement[] | null = null;
const originalQuery = pg.Pool.prototype.query;
pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
  if (recording) {
    const [q, v] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    if (typeof q === 'string') recording.push({ text: q, values: v ?? [] });
    else if (q && typeof q.text === 'string') recording.push({ text: q.text, values: q.values ?? v ?? [] });
  }
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Pool.prototype.query;

export async function recorded<T>(fn: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
  recording = [];
  try {
    const result = await fn();
    return { result, statements: recording };
  } finally {
    recording = null;
  }
}

/** The slowest statement of a request, with its plan as run (EXPLAIN ANALYZE). */
export async function slowestPlan(url: string, statements: Statement[]): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    let worst = { ms: -1, plan: '(no statement)' };
    for (const s of statements) {
      if (!/^\s*(select|with)/i.test(s.text)) continue;
      const r = await c.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${s.text}`, s.values);
      const lines = r.rows.map((x) => x['QUERY PLAN']);
      const exec = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? 0);
      const plan = Number(/Planning Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? 0);
      if (exec + plan > worst.ms) worst = { ms: exec + plan, plan: lines.join('\n') };
    }
    return worst.plan;
  } finally {
    await c.end();
  }
}

/** The values a sample draws from, read from the generated data. */
async function vocabulary(bench: { database: { db: Parameters<typeof queryRows>[0] } }) {
  const db = bench.database.db;
  const regions = await queryRows<{ code: string; level: string }>(
    db,
    sql`select code, level from regions order by code`,
  );
  const parks = await queryRows<{ id: string }>(
    db,
    sql`select distinct park_id as id from organizations where park_id is not null order by 1 limit 20`,
  );
  const quals = await queryRows<{ code: string }>(
    db,
    sql`select distinct type_code as code from qualifications order by 1`,
  );
  const divisions = await queryRows<{ code: string }>(
    db,
    sql`select distinct left(industry_code, 2) as code from organizations where industry_code is not null order by 1 limit 40`,
  );
  return {
    regions: regions.map((r) => r.code),
    counties: regions.filter((r) => r.level !== 'city').map((r) => r.code),
    parks: parks.map((p) => p.id),
    quals: quals.map((q) => q.code),
    divisions: divisions.map((d) => d.code),
  };
}

type Vocabulary = Awaited<ReturnType<typeof vocabulary>>;
type Rng = ReturnType<typeof seeded>;

const WORDS = ['石墨烯', '鞋业', '晋江 鞋', '纺织', '机械', '科技', '电子', '泉州 食品', '陶瓷', '光电'];
const PAGES = [1, 1, 1, 1, 2, 3, 5, 10, 50, 200];
const LEVELS = ['national', 'provincial', 'municipal'];

function orgQuery(r: Rng, v: Vocabulary): string {
  const p = new URLSearchParams();
  if (r.maybe(0.6)) p.set('regionCode', r.pick(v.regions));
  if (r.maybe(0.35))
    p.set('kind', r.pick(['enterprise', 'enterprise', 'university', 'institute', 'service_agency']));
  if (r.maybe(0.35)) p.set('aboveSize', r.pick(['true', 'false']));
  if (r.maybe(0.15)) p.set('industryCode', r.maybe(0.5) ? r.pick(['C', 'I', 'M', 'F']) : r.pick(v.divisions));
  if (r.maybe(0.2)) {
    p.set('qualification', r.pick(v.quals));
    if (r.maybe(0.3)) p.set('validOn', r.pick(['2016-12-31', '2015-06-30', '2020-01-01']));
    if (r.maybe(0.2)) p.set('level', r.pick(LEVELS));
  }
  if (r.maybe(0.1) && v.parks.length > 0) p.set('parkId', r.pick(v.parks));
  if (r.maybe(0.15)) p.set('q', r.pick(WORDS));
  if (r.maybe(0.6)) {
    const field = r.pick(['name', 'uscc', 'regionCode', 'foundedOn', 'updatedAt']);
    p.set('sort', r.maybe(0.5) ? field : `-${field}`);
  }
  p.set('page', String(r.pick(PAGES)));
  return p.toString();
}

function qualificationQuery(r: Rng, v: Vocabulary): string {
  const p = new URLSearchParams();
  if (r.maybe(0.6)) p.set('regionCode', r.pick(v.regions));
  if (r.maybe(0.5)) p.set('typeCode', r.pick(v.quals));
  if (r.maybe(0.2)) p.set('level', r.pick(LEVELS));
  if (r.maybe(0.5)) p.set('status', r.pick(['valid', 'expired', 'revoked', 'all']));
  if (r.maybe(0.15)) p.set('expiresWithin', r.pick(['30', '90', '365']));
  if (r.maybe(0.2)) p.set('validOn', r.pick(['2016-12-31', '2015-06-30']));
  if (r.maybe(0.1)) p.set('q', r.pick(WORDS));
  if (r.maybe(0.5)) {
    const field = r.pick(['issuedOn', 'validUntil', 'typeCode', 'orgName']);
    p.set('sort', r.maybe(0.5) ? field : `-${field}`);
  }
  p.set('page', String(r.pick(PAGES)));
  return p.toString();
}

function facilityQuery(r: Rng, v: Vocabulary): string {
  const p = new URLSearchParams();
  if (r.maybe(0.6)) p.set('regionCode', r.pick(v.regions));
  if (r.maybe(0.3)) p.set('level', r.pick(LEVELS));
  if (r.maybe(0.3)) p.set('status', 'active');
  if (r.maybe(0.1)) p.set('q', r.pick(WORDS));
  p.set('page', String(r.pick([1, 1, 1, 2, 5, 20])));
  return p.toString();
}

export interface Endpoint {
  name: string;
  path: string;
  query: (r: Rng, v: Vocabulary) => string;
}

const ENDPOINTS: Endpoint[] = [
  { name: 'registry.orgs', path: '/api/v1/registry/orgs', query: orgQuery },
  { name: 'registry.qualifications', path: '/api/v1/registry/qualifications', query: qualificationQuery },
  { name: 'registry.platforms', path: '/api/v1/registry/platforms', query: facilityQuery },
  { name: 'registry.carriers', path: '/api/v1/registry/carriers', query: facilityQuery },
];

interface Timed {
  url: string;
  ms: number;
  total: number;
}

async function sampleEndpoint(app: FastifyInstance, url: string, cookie: string, e: Endpoint, v: Vocabulary) {
  const r = seeded(SEED + e.name.length * 7919);
  const urls = Array.from({ length: SAMPLES }, () => `${e.path}?${e.query(r, v)}`);
  // A few untimed requests, so the first timed one does not pay for warming up.
  for (const u of urls.slice(0, 5)) await getJson(app, cookie, u);
  const times: Timed[] = [];
  for (const u of urls) {
    const t0 = performance.now();
    const body = await getJson<{ total: number }>(app, cookie, u);
    times.push({ url: u, ms: performance.now() - t0, total: body.total });
  }
  const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const max = sorted[sorted.length - 1];
  log(
    `${e.name}: ${SAMPLES} combinations, p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
  );
  emit(B, `${e.name}.p50`, p50, 'ms');
  emit(B, `${e.name}.p95`, p95, 'ms', 30);
  emit(B, `${e.name}.max`, max, 'ms', 100);
  const slowest = [...times].sort((a, b) => b.ms - a.ms).slice(0, 5);
  for (const s of slowest) {
    const { statements } = await recorded(() => getJson(app, cookie, s.url));
    const plan = await slowestPlan(url, statements);
    log(`  slow ${s.ms.toFixed(1)} ms (${s.total} rows) ${decodeURIComponent(s.url)}\n${indent(plan)}`);
  }
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');

export async function listsBench() {
  await withBenchDatabase(async (url) => {
    const bench = await prepare(url);
    try {
      const cookie = await signIn(bench.app, bench.database, 'staff');
      const v = await vocabulary(bench);
      const only = process.env.BENCH_LISTS?.split(',');
      for (const e of ENDPOINTS) {
        if (only && !only.includes(e.name)) continue;
        if (!bench.app.hasRoute({ method: 'GET', url: e.path })) {
          log(`${e.name}: ${e.path} is not mounted; skipped`);
          continue;
        }
        await sampleEndpoint(bench.app, url, cookie, e, v);
      }
    } finally {
      await bench.app.close();
      await bench.database.close();
    }
  });
}
