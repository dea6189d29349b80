/**
 * Benchmark helpers: the throwaway PostgreSQL database, figures printed as JSON lines (stdout holds
 * nothing else), progress on stderr, latency percentiles and an RSS sampler.
 */
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import type { RoleCode } from '../src/domain/roles';
import type { Database } from '../src/server/db/client';
import { users } from '../src/server/db/schema';
import { CSRF_HEADER, CSRF_VALUE } from '../src/server/platform/access';
import { hashPassword } from '../src/server/platform/passwords';

export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const started = Date.now();

/** Progress for the person watching: stderr, with seconds since start. */
export function log(...parts: unknown[]) {
  const t = ((Date.now() - started) / 1000).toFixed(1).padStart(7);
  process.stderr.write(`[${t}s] ${parts.map(String).join(' ')}\n`);
}

export type Unit = 'ms' | 'rows/s' | 'requests/s' | 'MB' | 'KB' | 'count' | 'ratio';

/**
 * One figure as one JSON line. `target` is an upper bound for ms, MB, KB, ratios and counts (errors,
 * lost rows) and a lower bound for rows/s and requests/s; a figure without a target is informational and always ok.
 */
export function emit(bench: string, metric: string, value: number, unit: Unit, target?: number) {
  const v = Math.round(value * 100) / 100;
  const ok = target === undefined ? true : unit.endsWith('/s') ? v >= target : v <= target;
  const line: Record<string, unknown> = { bench, metric, value: v, unit };
  if (target !== undefined) line.target = target;
  line.ok = ok;
  process.stdout.write(`${JSON.stringify(line)}\n`);
  log(`${ok ? 'ok  ' : 'MISS'} ${metric} = ${v} ${unit}${target === undefined ? '' : ` (target ${target})`}`);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/**
 * Runs `fn` a few times untimed, then `runs` times one after another, timing each; `fn` throws
 * on a wrong answer, so a fast error never counts as a fast response.
 */
export async function timeIt(
  label: string,
  fn: (i: number) => Promise<unknown>,
  runs = 60,
  warmups = 5,
): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < warmups; i++) await fn(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const r = { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
  // The machine's load is part of the figure: other processes share its two cores.
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  log(
    `${label}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms (load ${load})`,
  );
  return r;
}

/** Emits p50 (informational) and p95 (against the target) of a timed request. */
export async function latency(
  bench: string,
  metric: string,
  target: number | undefined,
  fn: (i: number) => Promise<unknown>,
  runs = 60,
) {
  const r = await timeIt(metric, fn, runs);
  emit(bench, `${metric}.p50`, r.p50, 'ms');
  emit(bench, `${metric}.p95`, r.p95, 'ms', target);
  return r;
}

/**
 * Creates `kechuang_bench_<timestamp>`, runs `body` with its URL and drops it, also on failure
 * (BENCH_KEEP_DB=1 keeps it, to study a slow query with EXPLAIN).
 */
export async function withBenchDatabase<T>(body: (url: string) => Promise<T>): Promise<T> {
  // BENCH_DB_URL: a database kept from an earlier run (BENCH_KEEP_DB=1), reused as it is.
  if (process.env.BENCH_DB_URL) {
    log(`reusing ${new URL(process.env.BENCH_DB_URL).pathname.slice(1)} (BENCH_DB_URL)`);
    return body(process.env.BENCH_DB_URL);
  }
  const name = `kechuang_bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 17)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  log(`created database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const drop = async () => {
    if (process.env.BENCH_KEEP_DB === '1') {
      log(`kept database ${name} (BENCH_KEEP_DB=1) for EXPLAIN; drop it by hand`);
      return;
    }
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
    log(`dropped database ${name}`);
  };
  const onSignal = () => {
    drop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await body(url.toString());
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await drop();
  }
}

export const BENCH_PASSWORD = 'Bench#Pass2026';

/** Inserts a user of the role (city-wide roles only) and signs in; returns the session cookie. */
export async function signIn(app: FastifyInstance, database: Database, role: RoleCode): Promise<string> {
  const username = `bench.${role}.${Date.now()}`;
  await database.db.insert(users).values({
    username,
    displayName: username,
    role,
    passwordHash: await hashPassword(BENCH_PASSWORD),
    mustChangePassword: false,
  });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { [CSRF_HEADER]: CSRF_VALUE },
    payload: { username, password: BENCH_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === 'kc_session');
  if (!set) throw new Error('login answered without a session cookie');
  return `kc_session=${set.value}`;
}

/** Signs in an existing account (password BENCH_PASSWORD); returns the session cookie. */
export async function logIn(app: FastifyInstance, username: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { [CSRF_HEADER]: CSRF_VALUE },
    payload: { username, password: BENCH_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login of ${username} failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === 'kc_session');
  if (!set) throw new Error('login answered without a session cookie');
  return `kc_session=${set.value}`;
}

/** Runs `fn` over `items` with at most `width` at a time, in order of start. */
export async function pooled<T, R>(items: readonly T[], width: number, fn: (x: T, i: number) => Promise<R>) {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i], i);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

/** A GET as the web app sends it; throws unless 200. Returns the parsed JSON body. */
export async function getJson<T = unknown>(app: FastifyInstance, cookie: string, url: string): Promise<T> {
  const res = await app.inject({ method: 'GET', url, headers: { cookie } } as InjectOptions);
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json() as T;
}

/** Collects garbage when it can (exposed at run time), so RSS baselines are comparable. */
export function collectGarbage() {
  try {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
  } catch {
    // Without gc the baseline is merely higher; the peak is still measured.
  }
}

const MB = 1024 * 1024;

/** Samples this process's resident set every `everyMs`; stop() gives the peak and the baseline. */
export function sampleRss(everyMs = 50) {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => {
    const rss = process.memoryUsage().rss;
    if (rss > peak) peak = rss;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const rss = process.memoryUsage().rss;
      if (rss > peak) peak = rss;
      return { baselineMb: baseline / MB, peakMb: peak / MB, growthMb: (peak - baseline) / MB };
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
