/**
 * `npm run bench compare` (issue 16): the five requests of the table, each against Kechuang
 * over HTTP and as the same SQL run bare (the statements the request ran, replayed one after
 * another on one connection), interleaved; prints both medians and their ratio. Then requests per
 * second at 20 connections for the two lists and the organisation page.
 *
 * BENCH_COMPARE_ROUNDS (default 40) timed rounds; BENCH_COMPARE_SECONDS (default 5) per load run.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { queryRows } from '../src/server/db/client';
import { prepare } from './data';
import { recorded } from './lists';
import { emit, log, percentile, signIn, withBenchDatabase } from './measure';

const B = 'compare';
const ROUNDS = Number(process.env.BENCH_COMPARE_ROUNDS ?? 40);
const SECONDS = Number(process.env.BENCH_COMPARE_SECONDS ?? 5);
const ORGS = '/api/v1/registry/orgs';
const LIST = `${ORGS}?regionCode=350582&kind=enterprise&aboveSize=true&sort=name`;

interface Statement {
  text: string;
  values: unknown[];
}

const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

async function httpGet(base: string, cookie: string, path: string) {
  const res = await fetch(`${base}${path}`, { headers: { cookie } });
  const body = await res.arrayBuffer();
  if (res.status !== 200)
    throw new Error(`GET ${path}: ${res.status} ${Buffer.from(body).toString().slice(0, 200)}`);
  return body.byteLength;
}

/** The statements one request runs, captured in-process (the HTTP request is the same handler). */
async function statementsOf(base: string, cookie: string, path: string): Promise<Statement[]> {
  const { statements } = await recorded(() => httpGet(base, cookie, path));
  return statements;
}

async function replay(c: pg.Client, statements: Statement[]) {
  for (const s of statements) await c.query(s.text, s.values);
}

/** `width` clients requesting `paths` in turn for SECONDS; answers per second. */
async function load(base: string, cookie: string, paths: (i: number) => string, width: number) {
  const until = performance.now() + SECONDS * 1000;
  let done = 0;
  let n = 0;
  const worker = async () => {
    while (performance.now() < until) {
      await httpGet(base, cookie, paths(n++));
      done++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: width }, worker));
  return done / ((performance.now() - t0) / 1000);
}

export async function compareBench() {
  await withBenchDatabase(async (url) => {
    const bench = await prepare(url);
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    try {
      const { app, database } = bench;
      const cookie = await signIn(app, database, 'staff');
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const ids = await queryRows<{ id: string }>(
        database.db,
        sql`select id from organizations where above_size order by md5(id::text || 'compare') limit 50`,
      );
      const requests: [string, (i: number) => string][] = [
        ['orgs.jinjiang_above_size.page1', () => `${LIST}&page=1`],
        ['orgs.jinjiang_above_size.page50', () => `${LIST}&page=50`],
        ['orgs.keyword_graphene', () => `${ORGS}?q=${encodeURIComponent('石墨烯')}`],
        ['org.page', (i) => `${ORGS}/${ids[(i + ids.length) % ids.length].id}`],
        ['plan.indicator_values_by_county', () => '/api/v1/plan/indicator-values?year=2016&by=region'],
      ];
      for (const [metric, path] of requests) {
        for (let i = 0; i < 5; i++) await httpGet(base, cookie, path(-1 - i));
        const kc: number[] = [];
        const bare: number[] = [];
        let statements = 0;
        for (let i = 0; i < ROUNDS; i++) {
          const t0 = performance.now();
          await httpGet(base, cookie, path(i));
          kc.push(performance.now() - t0);
          // The same request's statements, captured on an untimed run, then replayed bare.
          const st = await statementsOf(base, cookie, path(i));
          statements = st.length;
          const t1 = performance.now();
          await replay(raw, st);
          bare.push(performance.now() - t1);
        }
        const k = median(kc);
        const r = median(bare);
        log(
          `${metric}: Kechuang p50 ${k.toFixed(2)} ms, bare SQL p50 ${r.toFixed(2)} ms (${statements} statements), ratio ${(k / r).toFixed(2)}`,
        );
        emit(B, `${metric}.kechuang.p50`, k, 'ms');
        emit(B, `${metric}.raw.p50`, r, 'ms');
        emit(B, `${metric}.ratio`, k / r, 'ratio', 1.5);
      }
      const loads: [string, (i: number) => string, number][] = [
        ['orgs.jinjiang_above_size.page1', () => `${LIST}&page=1`, 200],
        ['orgs.jinjiang_above_size.page50', () => `${LIST}&page=50`, 200],
        ['org.page', (i) => `${ORGS}/${ids[i % ids.length].id}`, 500],
      ];
      for (const [metric, path, target] of loads) {
        const rps = await load(base, cookie, path, 20);
        log(`${metric}: ${rps.toFixed(0)} requests/s at 20 connections`);
        emit(B, `${metric}.c20`, rps, 'requests/s', target);
      }
    } finally {
      await raw.end();
      await bench.app.close();
      await bench.database.close();
    }
  });
}
