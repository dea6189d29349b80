/**
 * `npm run bench load` (issue 9): the real server process on PostgreSQL with the generated registry
 * and 100,000 applications (BENCH_SCALE shrinks both), driven over HTTP:
 *  (a) BENCH_CONNECTIONS (50) keep-alive connections for BENCH_DURATION_S (60) seconds of mixed
 *      list, detail and indicator requests as county and bureau users: p50/p95/p99, errors, timeouts;
 *  (b) 20 concurrent submitters creating, filling in and submitting applications: no 5xx, and the
 *      rows created equal the 2xx answers;
 *  (c) a 10× burst (10 × 20 requests at once) on sign-in, submit and export: every refusal is 429
 *      or 503 with Retry-After, nothing else fails, and the server is healthy afterwards.
 * Each virtual user comes from its own address (X-Forwarded-For, TRUST_PROXY on), as behind a proxy.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/server/db/client';
import { users } from '../src/server/db/schema';
import { CSRF_HEADER, CSRF_VALUE } from '../src/server/platform/access';
import { clock } from '../src/server/platform/clock';
import { hashPassword } from '../src/server/platform/passwords';
import { type Bench, prepare } from './data';
import { BENCH_PASSWORD, emit, log, percentile, sleep, withBenchDatabase } from './measure';
import { generateProjects, ORG_SCALE, SIZE } from './projects';

const B = 'load';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 60);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 10_000);
const SUBMITTERS = 20;
const SUBMITS_EACH = Math.min(80, Number(process.env.BENCH_SUBMITS_EACH ?? 10));
const BURST = 10 * SUBMITTERS;
const COUNTIES = ['350582', '350583', '350581', '350503', '350521', '350526'];
const THIS_YEAR = Number(clock.today().slice(0, 4));

// ---- a small HTTP driver: one agent per virtual connection, so N workers hold N sockets ----------

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

class Client {
  private agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  cookie = '';
  constructor(
    private port: number,
    readonly ip: string,
  ) {}

  request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          agent: this.agent,
          timeout: TIMEOUT_MS,
          headers: {
            'x-forwarded-for': this.ip,
            accept: 'application/json',
            ...(this.cookie ? { cookie: this.cookie } : {}),
            ...(method !== 'GET' ? { [CSRF_HEADER]: CSRF_VALUE } : {}),
            ...(payload ? { 'content-type': 'application/json' } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: performance.now() - t0,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new TimeoutError()));
      req.on('error', reject);
      req.end(payload);
    });
  }

  async signIn(username: string) {
    const res = await this.request('POST', '/api/v1/auth/login', { username, password: BENCH_PASSWORD });
    if (res.status !== 200) throw new Error(`login of ${username}: ${res.status} ${res.body.slice(0, 200)}`);
    const set = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.includes('kc_session='));
    if (!set) throw new Error('login answered without a session cookie');
    this.cookie = set.split(';')[0];
  }

  close() {
    this.agent.destroy();
  }
}

class TimeoutError extends Error {}

let nextIp = 1;
const newIp = () => {
  const n = nextIp++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

// ---- the server process --------------------------------------------------------------------------

async function startServer(url: string): Promise<{ child: ChildProcess; port: number }> {
  const port = 4100 + Math.floor(Math.random() * 800);
  // BENCH_PROFILE_DIR=dir: the server writes a V8 CPU profile there when it stops (open it in
  // Chrome's DevTools), to see where the time goes.
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      KECHUANG_SECRET_KEY: randomBytes(32).toString('hex'),
      PORT: String(port),
      HOST: '127.0.0.1',
      TRUST_PROXY: 'true',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.once('exit', (code) => {
    exited = true;
    log(`server exited with ${code}`);
  });
  for (let i = 0; i < 240 && !exited; i++) {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
    if (res?.ok) return { child, port };
    await sleep(500);
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start');
}

async function healthy(port: number): Promise<boolean> {
  const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
  return res?.status === 200;
}

// ---- accounts --------------------------------------------------------------------------------------

interface Accounts {
  county: { username: string; region: string }[];
  staff: string[];
  enterprise: { username: string; orgId: string }[];
}

async function createAccounts(bench: Bench): Promise<Accounts> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const tag = Date.now().toString(36);
  const county = COUNTIES.flatMap((region) =>
    [0, 1].map((i) => ({ username: `load.county.${region}.${i}.${tag}`, region })),
  );
  const staff = [0, 1, 2, 3].map((i) => `load.staff.${i}.${tag}`);
  const orgs = await queryRows<{ id: string }>(
    bench.database.db,
    sql`select id from organizations where kind = 'enterprise' order by md5(id::text) limit ${SUBMITTERS}`,
  );
  const enterprise = orgs.map((o, i) => ({ username: `load.ent.${i}.${tag}`, orgId: o.id }));
  const base = { passwordHash, mustChangePassword: false, mfaExempt: true };
  await bench.database.db.insert(users).values([
    ...county.map((c) => ({
      ...base,
      username: c.username,
      displayName: c.username,
      role: 'county' as const,
      regionCode: c.region,
    })),
    ...staff.map((u) => ({ ...base, username: u, displayName: u, role: 'staff' as const })),
    ...enterprise.map((e) => ({
      ...base,
      username: e.username,
      displayName: e.username,
      role: 'enterprise' as const,
      orgId: e.orgId,
    })),
  ]);
  return { county, staff, enterprise };
}

// ---- (a) mixed reads ---------------------------------------------------------------------------------

interface Reader {
  client: Client;
  /** Requests this user makes, picked in turn. */
  paths: (i: number) => string;
}

async function readers(port: number, bench: Bench, accounts: Accounts) {
  const A = '/api/v1/projects/applications';
  const O = '/api/v1/registry/orgs';
  const byRegion = new Map<string, { apps: string[]; orgs: string[] }>();
  for (const region of [...COUNTIES, 'all']) {
    const where = region === 'all' ? sql`true` : sql`region_code = ${region}`;
    const apps = await queryRows<{ id: string }>(
      bench.database.db,
      sql`select id from applications where ${where} order by md5(id::text) limit 200`,
    );
    const orgs = await queryRows<{ id: string }>(
      bench.database.db,
      sql`select id from organizations where ${where} and above_size order by md5(id::text) limit 200`,
    );
    byRegion.set(region, { apps: apps.map((r) => r.id), orgs: orgs.map((r) => r.id) });
  }
  const out: Reader[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    // Two county users in three, the rest bureau staff; each connection its own session and address.
    const isCounty = i % 3 !== 2;
    const client = new Client(port, newIp());
    const account = isCounty ? accounts.county[i % accounts.county.length] : undefined;
    await client.signIn(account ? account.username : accounts.staff[i % accounts.staff.length]);
    const ids = byRegion.get(account?.region ?? 'all')!;
    const region = account ? `&region=${account.region}` : '';
    const mix = [
      (k: number) => `${A}?page=${1 + (k % 5)}`,
      (k: number) => `${A}/${ids.apps[k % ids.apps.length]}`,
      (k: number) => `/api/v1/plan/indicator-values?year=${2012 + (k % 5)}&by=region${region}`,
      (k: number) => `${O}?page=${1 + (k % 5)}${account ? `&regionCode=${account.region}` : ''}`,
      (k: number) => `${O}/${ids.orgs[k % ids.orgs.length]}`,
      (k: number) => `${A}?state=${['submitted', 'closed', 'in_progress'][k % 3]}&page=${1 + (k % 3)}`,
    ];
    out.push({ client, paths: (k) => mix[k % mix.length](Math.floor(k / mix.length) + i) });
  }
  return out;
}

/** CPU time the process has used so far (user + system), in ms; the machine's load does not change it. */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function commits(bench: Bench): Promise<number> {
  const [row] = await queryRows<{ n: string }>(
    bench.database.db,
    sql`select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()`,
  );
  return Number(row.n);
}

/** CPU time of the PostgreSQL backends serving this database (same machine), by backend pid. */
async function databaseCpu(bench: Bench): Promise<Map<number, number>> {
  const rows = await queryRows<{ pid: number }>(
    bench.database.db,
    sql`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
  );
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      out.set(pid, cpuMs(pid));
    } catch {
      // Another machine's PostgreSQL, or the backend just ended: not counted.
    }
  }
  return out;
}

async function mixedReads(list: Reader[], bench: Bench, pid: number) {
  const cpu0 = cpuMs(pid);
  const db0 = await databaseCpu(bench);
  const tx0 = await commits(bench);
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  const errors = new Map<string, number>();
  let timeouts = 0;
  const end = performance.now() + DURATION_S * 1000;
  log(`(a) ${list.length} connections for ${DURATION_S} s of lists, details and indicators`);
  await Promise.all(
    list.map(async (r) => {
      for (let k = 0; performance.now() < end; k++) {
        const path = r.paths(k);
        try {
          const res = await r.client.request('GET', path);
          times.push(res.ms);
          const kind = path.replace(/[0-9a-f-]{36}/, ':id').split('?')[0];
          byKind.set(kind, [...(byKind.get(kind) ?? []), res.ms]);
          if (res.status !== 200) {
            const key = `${res.status} ${kind}`;
            if (!errors.has(key)) log(`  ${res.status} ${path}: ${res.body.slice(0, 200)}`);
            errors.set(key, (errors.get(key) ?? 0) + 1);
          }
        } catch (e) {
          if (e instanceof TimeoutError) timeouts++;
          else errors.set(`socket ${String(e)}`, (errors.get(`socket ${String(e)}`) ?? 0) + 1);
        }
      }
    }),
  );
  times.sort((a, b) => a - b);
  for (const [kind, ms] of byKind) {
    ms.sort((a, b) => a - b);
    log(
      `  ${kind}: ${ms.length} requests, p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms`,
    );
  }
  const errorCount = [...errors.values()].reduce((s, n) => s + n, 0);
  if (errorCount) log(`  errors: ${JSON.stringify(Object.fromEntries(errors))}`);
  // Per request, whatever else runs on the machine: the server's CPU, and the database's transactions.
  const cpu = (cpuMs(pid) - cpu0) / times.length;
  const txs = ((await commits(bench)) - tx0) / times.length;
  let dbCpu = 0;
  for (const [p, ms] of await databaseCpu(bench)) dbCpu += ms - (db0.get(p) ?? 0);
  dbCpu /= times.length;
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  log(
    `  per request: server CPU ${cpu.toFixed(1)} ms, PostgreSQL CPU ${dbCpu.toFixed(1)} ms, ${txs.toFixed(1)} transactions (load ${load})`,
  );
  // On two otherwise idle cores the pair could answer about this many requests a second.
  log(`  so two idle cores would serve about ${(2000 / (cpu + dbCpu)).toFixed(0)} requests/s`);
  emit(B, 'mixed.requests', times.length, 'count');
  emit(B, 'mixed.server_cpu_per_request', cpu, 'ms');
  emit(B, 'mixed.db_cpu_per_request', dbCpu, 'ms');
  emit(B, 'mixed.db_transactions_per_request', txs, 'count');
  emit(B, 'mixed.throughput', times.length / DURATION_S, 'rows/s');
  emit(B, 'mixed.p50', percentile(times, 50), 'ms');
  emit(B, 'mixed.p95', percentile(times, 95), 'ms', 300);
  emit(B, 'mixed.p99', percentile(times, 99), 'ms', 1000);
  emit(B, 'mixed.errors', errorCount, 'count', 0);
  emit(B, 'mixed.timeouts', timeouts, 'count', 0);
}

// ---- (b) concurrent submitters -------------------------------------------------------------------

async function openCall(port: number, accounts: Accounts): Promise<string> {
  const staff = new Client(port, newIp());
  await staff.signIn(accounts.staff[0]);
  const now = Date.now();
  const res = await staff.request('POST', '/api/v1/projects/calls', {
    programmeCode: 'nc_special',
    year: THIS_YEAR,
    title: `负载测试专项 ${now}`,
    opensAt: new Date(now - 86_400_000).toISOString(),
    closesAt: new Date(now + 10 * 86_400_000).toISOString(),
    budget: '100000',
    fundingCap: '50',
    maxPerApplicant: 100,
    eligibility: [],
    requiredAttachments: [],
    rubric: [
      { code: 'innovation', name: '创新性', nameEn: 'Innovation', max: 60 },
      { code: 'benefit', name: '效益', nameEn: 'Benefit', max: 40 },
    ],
    expertsPerApplication: 5,
    reviewFields: ['advanced-manufacturing'],
    publicityDays: 7,
  });
  staff.close();
  if (res.status !== 201) throw new Error(`the call was not opened: ${res.status} ${res.body.slice(0, 300)}`);
  return (JSON.parse(res.body) as { id: string }).id;
}

interface Tally {
  [status: string]: number;
}
const count = (t: Tally, status: number | string) => {
  t[status] = (t[status] ?? 0) + 1;
};

/** Creates a draft and fills it in; returns its id and version, or null (the answer is tallied). */
async function draft(
  c: Client,
  callId: string,
  created: Tally,
): Promise<{ id: string; version: number } | null> {
  const res = await c
    .request(
      'POST',
      '/api/v1/projects/applications',
      { callId },
      { 'idempotency-key': randomBytes(12).toString('hex') },
    )
    .catch((e) => ({ status: e instanceof TimeoutError ? 'timeout' : 'socket', body: '' }) as const);
  count(created, res.status);
  if (res.status !== 201) return null;
  const app = JSON.parse(res.body) as { id: string; version: number };
  const saved = await c
    .request('PATCH', `/api/v1/projects/applications/${app.id}`, {
      version: app.version,
      summary: '面向鞋服行业的五轴联动数控系统研发与产业化',
      field: 'advanced-manufacturing',
      requestedAmount: '40',
    })
    .catch((e) => ({ status: e instanceof TimeoutError ? 'timeout' : 'socket', body: '' }) as const);
  if (saved.status !== 200) {
    count(created, `autosave ${saved.status}`);
    return null;
  }
  return { id: app.id, version: (JSON.parse(saved.body) as { version: number }).version };
}

async function submitters(port: number, bench: Bench, accounts: Accounts, callId: string) {
  const clients = await Promise.all(
    accounts.enterprise.map(async (e) => {
      const c = new Client(port, newIp());
      await c.signIn(e.username);
      return c;
    }),
  );
  log(`(b) ${clients.length} submitters, ${SUBMITS_EACH} applications each`);
  const created: Tally = {};
  const submitted: Tally = {};
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (c) => {
      for (let k = 0; k < SUBMITS_EACH; k++) {
        const d = await draft(c, callId, created);
        if (!d) continue;
        const res = await c
          .request('POST', `/api/v1/projects/applications/${d.id}/actions/submit`, { version: d.version })
          .catch((e) => ({ status: e instanceof TimeoutError ? 'timeout' : 'socket', body: '' }) as const);
        count(submitted, res.status);
        if (res.status !== 200) log(`  submit ${res.status}: ${res.body.slice(0, 200)}`);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const [{ n: rows }] = await queryRows<{ n: number }>(
    bench.database.db,
    sql`select count(*)::int as n from applications where call_id = ${callId}`,
  );
  const [{ n: submittedRows }] = await queryRows<{ n: number }>(
    bench.database.db,
    sql`select count(*)::int as n from applications where call_id = ${callId} and state <> 'draft'`,
  );
  const serverErrors = [created, submitted]
    .flatMap((t) => Object.entries(t))
    .filter(([s]) => !/^[1-4]/.test(s));
  log(
    `  created ${JSON.stringify(created)}, submitted ${JSON.stringify(submitted)} in ${seconds.toFixed(1)} s; rows ${rows}, submitted rows ${submittedRows}`,
  );
  emit(
    B,
    'submit.5xx_or_no_answer',
    serverErrors.reduce((s, [, n]) => s + n, 0),
    'count',
    0,
  );
  emit(B, 'submit.rows_minus_created_2xx', Math.abs(rows - (created[201] ?? 0)), 'count', 0);
  emit(B, 'submit.submitted_rows_minus_2xx', Math.abs(submittedRows - (submitted[200] ?? 0)), 'count', 0);
  emit(B, 'submit.per_second', ((created[201] ?? 0) + (submitted[200] ?? 0)) / seconds, 'rows/s');
  return clients;
}

// ---- (c) the burst --------------------------------------------------------------------------------

/** A refusal must be 429 or 503 with Retry-After; anything else that is not 2xx is a failure. */
function judge(name: string, answers: (Answer | string)[]) {
  const tally: Tally = {};
  let bad = 0;
  for (const a of answers) {
    if (typeof a === 'string') {
      count(tally, a);
      bad++;
      continue;
    }
    const refused = a.status === 429 || a.status === 503;
    count(tally, refused && !a.headers['retry-after'] ? `${a.status} without Retry-After` : a.status);
    if (a.status >= 300 && !(refused && a.headers['retry-after'])) bad++;
  }
  log(`  ${name}: ${JSON.stringify(tally)}`);
  emit(B, `burst.${name}.bad_answers`, bad, 'count', 0);
}

const settle = (p: Promise<Answer>) =>
  p.catch((e) => (e instanceof TimeoutError ? 'timeout' : `socket ${e}`));

async function burst(
  port: number,
  accounts: Accounts,
  callId: string,
  enterprises: Client[],
  staffName: string,
) {
  log(`(c) bursts of ${BURST} requests at once: sign-in, submit, export`);
  // Sign-in from one address, as a script behind one proxy address would: the limit answers 429.
  const one = newIp();
  const logins = await Promise.all(
    Array.from({ length: BURST }, (_, i) => {
      const c = new Client(port, one);
      const a = accounts.county[i % accounts.county.length];
      return settle(
        c.request('POST', '/api/v1/auth/login', { username: a.username, password: BENCH_PASSWORD }),
      ).finally(() => c.close());
    }),
  );
  judge('login', logins);

  // Drafts first (not timed), then every one of them submitted at the same moment.
  const created: Tally = {};
  const drafts: { c: Client; id: string; version: number }[] = [];
  await Promise.all(
    enterprises.map(async (c) => {
      for (let k = 0; k < BURST / enterprises.length; k++) {
        const d = await draft(c, callId, created);
        if (d) drafts.push({ c, ...d });
      }
    }),
  );
  const submits = await Promise.all(
    drafts.map((d) => {
      // Its own connection each, as many browsers would.
      const c = new Client(port, d.c.ip);
      c.cookie = d.c.cookie;
      return settle(
        c.request('POST', `/api/v1/projects/applications/${d.id}/actions/submit`, { version: d.version }),
      ).finally(() => c.close());
    }),
  );
  judge('submit', submits);

  const staff = new Client(port, newIp());
  await staff.signIn(staffName);
  const exports = await Promise.all(
    Array.from({ length: BURST }, () => {
      const c = new Client(port, staff.ip);
      c.cookie = staff.cookie;
      return settle(c.request('GET', `/api/v1/projects/applications/export.xlsx?callId=${callId}`)).finally(
        () => c.close(),
      );
    }),
  );
  judge('export', exports);
  staff.close();
  const ok = await healthy(port);
  log(`  health after the bursts: ${ok ? 'ok' : 'NOT ok'}`);
  emit(B, 'burst.unhealthy_after', ok ? 0 : 1, 'count', 0);
}

export async function loadBench() {
  await withBenchDatabase(async (url) => {
    const bench = await prepare(url, ORG_SCALE);
    await bench.app.close();
    let server: { child: ChildProcess; port: number } | undefined;
    try {
      await generateProjects(url);
      const accounts = await createAccounts(bench);
      log(`${SIZE.applications} applications; starting the server`);
      server = await startServer(url);
      const { port } = server;
      const list = await readers(port, bench, accounts);
      await mixedReads(list, bench, server.child.pid!);
      for (const r of list) r.client.close();
      const callId = await openCall(port, accounts);
      const enterprises = await submitters(port, bench, accounts, callId);
      await burst(port, accounts, callId, enterprises, accounts.staff[1]);
      for (const c of enterprises) c.close();
      const alive = server.child.exitCode === null;
      emit(B, 'server.crashed', alive ? 0 : 1, 'count', 0);
    } finally {
      if (server && server.child.exitCode === null) {
        const done = new Promise((r) => server!.child.once('exit', r));
        server.child.kill('SIGTERM');
        await done;
      }
      await bench.database.close();
    }
  });
}
