/**
 * Two server processes on one PostgreSQL database, as behind a load balancer: what one does, the
 * other sees. Real processes (not two apps in one), because the restart part needs them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../domain/identifiers';
import { type Database, openDatabase } from './db/client';
import { importJobs } from './db/schema';
import { CSRF_HEADER, CSRF_VALUE } from './platform/access';
import { verifyAuditChain } from './platform/audit';
import { createUser, TEST_PASSWORD } from './test/harness';

const base = process.env.TEST_DATABASE_URL;
const STALE_SECONDS = 3;
const SLOW = 600_000;

interface Server {
  child: ChildProcess;
  port: number;
  instance: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!base)('several app servers on one PostgreSQL database', () => {
  const name = `${new URL(base ?? 'postgres://x/x').pathname.slice(1)}_multi_${randomBytes(3).toString('hex')}`;
  const url = (() => {
    const u = new URL(base ?? 'postgres://x/x');
    u.pathname = `/${name}`;
    return u.toString();
  })();
  const servers: Server[] = [];
  let a: Server;
  let b: Server;
  let database: Database;

  async function start(port: number): Promise<Server> {
    // node --import tsx: one process, so a kill reaches the server itself.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        // Every app server of one installation shares the key (docs/security.md).
        KECHUANG_SECRET_KEY: 'a'.repeat(64),
        PORT: String(port),
        HOST: '127.0.0.1',
        KECHUANG_IMPORT_STALE_SECONDS: String(STALE_SECONDS),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`server on ${port} exited with ${code}`))),
    );
    exited.catch(() => {});
    for (let i = 0; i < 600; i++) {
      const res = await Promise.race([
        fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null),
        exited,
      ]);
      if (res?.ok) {
        const server = { child, port, instance: (await res.json()).instance as string };
        servers.push(server);
        return server;
      }
      await sleep(500);
    }
    throw new Error(`server on ${port} did not start`);
  }

  async function stop(s: Server, signal: NodeJS.Signals) {
    if (s.child.exitCode !== null || s.child.signalCode !== null) return;
    const done = new Promise((r) => s.child.once('exit', r));
    s.child.kill(signal);
    await done;
  }

  async function api(
    s: Server,
    path: string,
    opts: { method?: string; cookie?: string; body?: unknown } = {},
  ) {
    const res = await fetch(`http://127.0.0.1:${s.port}${path}`, {
      method: opts.method ?? 'GET',
      headers: {
        ...(opts.body ? { 'content-type': 'application/json' } : {}),
        ...(opts.method && opts.method !== 'GET' ? { [CSRF_HEADER]: CSRF_VALUE } : {}),
        ...(opts.cookie ? { cookie: opts.cookie } : {}),
      },
      body: opts.body ? JSON.stringify(opts.body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text), headers: res.headers };
  }

  const uscc = () =>
    makeUscc(
      '9',
      '1',
      '350582',
      randomBytes(4)
        .toString('hex')
        .toUpperCase()
        .replace(/[IOSVZ]/g, '3')
        .slice(0, 8),
    );

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    // One after the other: the first start migrates the new database.
    a = await start(3900 + Math.floor(Math.random() * 50));
    b = await start(a.port + 50);
    database = await openDatabase({ url });
  }, SLOW);

  afterAll(async () => {
    for (const s of servers) await stop(s, 'SIGKILL');
    await database?.close();
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }, SLOW);

  it(
    'shares sessions, kept figures, one audit chain and import jobs',
    async () => {
      expect(a.instance).not.toBe(b.instance);
      const staff = await createUser(database, 'staff');

      // A session made on one server works on the other.
      const login = await api(a, '/api/v1/auth/login', {
        method: 'POST',
        body: { username: staff.username, password: TEST_PASSWORD },
      });
      expect(login.status, login.text).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      const me = await api(b, '/api/v1/auth/me', { cookie });
      expect(me.status, me.text).toBe(200);
      expect(me.json().username).toBe(staff.username);

      // A figure kept by B is invalidated by a write on A.
      const year = 2091;
      const figure = async () => {
        const res = await api(
          b,
          `/api/v1/plan/indicator-values?year=${year}&asOf=${year}-06-30&codes=hte_valid`,
          {
            cookie,
          },
        );
        expect(res.status, res.text).toBe(200);
        return res.json().items.find((i: { code: string }) => i.code === 'hte_valid').value as number;
      };
      const before = await figure();
      expect(await figure()).toBe(before);
      const org = await api(a, '/api/v1/registry/orgs', {
        method: 'POST',
        cookie,
        body: {
          uscc: uscc(),
          name: `多实例测试${randomBytes(3).toString('hex')}有限公司`,
          kind: 'enterprise',
          regionCode: '350582',
        },
      });
      expect(org.status, org.text).toBe(201);
      const q = await api(a, '/api/v1/registry/qualifications', {
        method: 'POST',
        cookie,
        body: {
          orgId: org.json().id,
          typeCode: 'hte',
          issuedOn: `${year - 1}-03-01`,
          validUntil: `${year + 2}-02-28`,
        },
      });
      expect(q.status, q.text).toBe(201);
      expect(await figure()).toBe(before + 1);

      // Concurrent audited writes from both servers keep one valid chain.
      const writes = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          api(i % 2 ? a : b, '/api/v1/registry/orgs', {
            method: 'POST',
            cookie,
            body: {
              uscc: uscc(),
              name: `并发测试${i}${randomBytes(3).toString('hex')}有限公司`,
              kind: 'enterprise',
              regionCode: '350582',
            },
          }),
        ),
      );
      expect(writes.map((w) => w.status)).toEqual(Array(16).fill(201));
      const chain = await verifyAuditChain(database.db);
      expect(chain.ok).toBe(true);
      expect(chain.checked).toBeGreaterThanOrEqual(18);

      // An import running on A is not failed by B's restart. The row stands in for a long
      // validation; A adopts it as its own and keeps its heartbeat fresh.
      const [job] = await database.db
        .insert(importJobs)
        .values({
          kind: 'organizations',
          status: 'validating',
          fileName: 'long.xlsx',
          createdBy: staff.id,
          ownerInstance: a.instance,
          heartbeatAt: sql`now()`,
        })
        .returning({ id: importJobs.id });
      const status = async () =>
        (await database.db.select().from(importJobs).where(eq(importJobs.id, job.id)))[0].status;
      await stop(b, 'SIGTERM');
      b = await start(b.port);
      await sleep(STALE_SECONDS * 2000);
      expect(await status()).toBe('validating');

      // Once A is gone its heartbeat goes stale and B fails the job, as a restart would have.
      await stop(a, 'SIGKILL');
      let after = await status();
      for (let i = 0; i < 60 && after === 'validating'; i++) {
        await sleep(500);
        after = await status();
      }
      expect(after).toBe('failed');
    },
    SLOW,
  );
});
