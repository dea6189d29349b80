import { randomBytes } from 'node:crypto';
import { DrizzleQueryError, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../domain/identifiers';
import { buildApp } from '../app';
import { call, createUser, login } from '../test/harness';
import { type Database, openDatabase } from './client';
import {
  describeDatabaseError,
  describeDatabaseUrl,
  isDatabaseUnavailable,
  isStatementTimeout,
} from './faults';
import { loadReferenceData } from './seed/reference';

// PostgreSQL only: an embedded database cannot lose its connection. The suite gets a scratch
// database of its own, because it cuts every connection to it and refuses new ones for a while.
const BASE_URL = process.env.TEST_DATABASE_URL;

/** Resolves with `work`, or rejects once `ms` have passed: a hanging request fails the test. */
function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function freshUscc() {
  const base = randomBytes(4)
    .toString('hex')
    .toUpperCase()
    .replace(/[IOSVZ]/g, '3')
    .slice(0, 8);
  return makeUscc('9', '1', '350582', base);
}

describe('database fault classification', () => {
  const pgError = (code: string, message: string, severity = 'ERROR') =>
    Object.assign(new Error(message), { code, severity });

  it('finds the driver error behind the query wrapper and names it without the SQL', () => {
    const wrapped = new DrizzleQueryError(
      'select "password_hash" from "users" where "username" = $1',
      ['secret'],
      pgError('57P01', 'terminating connection due to administrator command', 'FATAL'),
    );
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(isStatementTimeout(wrapped)).toBe(false);
    expect(describeDatabaseError(wrapped)).toBe(
      'terminating connection due to administrator command (57P01)',
    );
  });

  it('treats refused parallel connection attempts, FATAL errors and a lost connection as unavailable', () => {
    const refused = Object.assign(
      new AggregateError([
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      ]),
      { code: 'ECONNREFUSED' },
    );
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(describeDatabaseError(refused)).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(isDatabaseUnavailable(pgError('3D000', 'database "x" does not exist', 'FATAL'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('23505', 'duplicate key value violates unique constraint'))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });

  it('recognises a statement timeout', () => {
    const timeout = new DrizzleQueryError(
      'select 1',
      [],
      pgError('57014', 'canceling statement due to statement timeout'),
    );
    expect(isStatementTimeout(timeout)).toBe(true);
    expect(isDatabaseUnavailable(timeout)).toBe(false);
  });

  it('names a database without its credentials', () => {
    expect(describeDatabaseUrl('postgres://kc:pw@db.internal:6432/kechuang')).toBe(
      'db.internal:6432/kechuang',
    );
    expect(describeDatabaseUrl('postgres://kc:pw@db.internal/kechuang')).toBe('db.internal:5432/kechuang');
  });
});

describe.skipIf(!BASE_URL)('PostgreSQL faults', () => {
  const name = `faults_${randomBytes(4).toString('hex')}`;
  let admin: pg.Client;
  let database: Database;
  let app: FastifyInstance;
  let cookie: string;

  const url = () => {
    const u = new URL(BASE_URL!);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const terminateAll = () =>
    admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
  const createOrg = (orgName: string) =>
    call(app, {
      method: 'POST',
      url: '/api/v1/registry/orgs',
      cookie,
      body: { uscc: freshUscc(), name: orgName, kind: 'enterprise', regionCode: '350582' },
    });

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: BASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    // Reference data is loaded without limits; the app then runs with short ones.
    const setup = await openDatabase({ url: url() });
    await loadReferenceData(setup.db, 'quanzhou');
    await setup.close();
    database = await openDatabase({
      url: url(),
      limits: { statementTimeoutMs: 1_500, exportStatementTimeoutMs: 30_000, connectTimeoutMs: 2_000 },
    });
    app = await buildApp({ database, loginAttemptsPerMinute: 10_000 });
    // A query that takes as long as asked, as an ordinary request and as an export.
    const sleep = async (req: { query: unknown }) => {
      const seconds = Number((req.query as { s: string }).s);
      await database.db.execute(sql`select pg_sleep(${seconds})`);
      return { slept: seconds };
    };
    app.get('/api/test-sleep', sleep);
    app.get('/api/test-sleep/export.xlsx', sleep);
    const staff = await createUser(database, 'staff');
    cookie = await login(app, staff.username);
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await admin.query(`alter database ${name} allow_connections true`).catch(() => {});
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('answers 503 while the database is away and recovers by itself, losing no acknowledged write', async () => {
    const before = await createOrg(`断线前${randomBytes(3).toString('hex')}`);
    expect(before.statusCode, before.body).toBe(201);
    expect((await call(app, { url: '/api/health' })).json()).toMatchObject({
      status: 'ok',
      database: 'up',
      driver: 'postgres',
    });

    // A query running when its connection is cut, on the export pool (longer timeout).
    const running = call(app, { url: '/api/test-sleep/export.xlsx?s=20', cookie });
    for (let i = 0; i < 100; i++) {
      const { rows } = await admin.query(
        "select 1 from pg_stat_activity where datname = $1 and query like '%pg_sleep%' and state = 'active'",
        [name],
      );
      if (rows.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // The database goes away: every connection is cut and no new one is allowed.
    await admin.query(`alter database ${name} allow_connections false`);
    await terminateAll();

    const cut = await within(5_000, running, 'the request whose connection was cut');
    expect(cut.statusCode).toBe(503);
    expect(cut.json().error.code).toBe('database_unavailable');

    const health = await within(5_000, call(app, { url: '/api/health' }), 'health while down');
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'degraded', database: 'down' });

    for (const req of [
      call(app, { url: '/api/v1/registry/orgs', cookie }),
      createOrg(`断线中${randomBytes(3).toString('hex')}`),
    ]) {
      const res = await within(5_000, req, 'a request while down');
      expect(res.statusCode, res.body).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      const { error } = res.json();
      expect(error.code).toBe('database_unavailable');
      expect(error.messages).toEqual({
        zh: '数据库暂时不可用，请稍后重试',
        en: 'The database is temporarily unavailable; please try again shortly',
      });
      expect(res.body).not.toMatch(/select |insert |stack|at .*\.ts/i);
    }

    // The database comes back: the server must notice without a restart.
    await admin.query(`alter database ${name} allow_connections true`);
    const back = Date.now();
    let recovered = false;
    while (!recovered && Date.now() - back < 10_000) {
      const res = await within(5_000, call(app, { url: '/api/health' }), 'health while recovering');
      recovered = res.statusCode === 200;
      if (!recovered) await new Promise((r) => setTimeout(r, 200));
    }
    console.log(`health answered 200 again ${Date.now() - back} ms after the database came back`);
    expect(recovered).toBe(true);

    const after = await createOrg(`断线后${randomBytes(3).toString('hex')}`);
    expect(after.statusCode, after.body).toBe(201);
    for (const org of [before.json(), after.json()]) {
      const res = await call(app, { url: `/api/v1/registry/orgs/${org.id}`, cookie });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().org.name).toBe(org.name);
    }
  });

  it('survives connections cut while idle in the pool', async () => {
    // Fill the pool with idle connections, then cut them: unheard, their error would end the process.
    await Promise.all(Array.from({ length: 5 }, () => call(app, { url: '/api/v1/registry/orgs', cookie })));
    const { rows } = await terminateAll();
    expect(rows.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    const res = await within(
      5_000,
      call(app, { url: '/api/v1/registry/orgs', cookie }),
      'a request after the cut',
    );
    expect(res.statusCode, res.body).toBe(200);
  });

  it('survives a connection cut in the middle of a transaction', async () => {
    let resume!: () => void;
    const paused = new Promise<void>((r) => {
      resume = r;
    });
    const tx = database.db.transaction(async (t) => {
      await t.execute(sql`select 1`);
      await paused;
      await t.execute(sql`select 1`);
    });
    for (let i = 0; i < 100; i++) {
      const { rows } = await admin.query(
        "select 1 from pg_stat_activity where datname = $1 and state = 'idle in transaction'",
        [name],
      );
      if (rows.length) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // Cut while the transaction's connection waits between two queries (checked out, no query).
    await terminateAll();
    await new Promise((r) => setTimeout(r, 200));
    resume();
    const err = await within(
      5_000,
      tx.then(
        () => undefined,
        (e) => e,
      ),
      'the cut transaction',
    );
    expect(isDatabaseUnavailable(err)).toBe(true);
    const res = await within(
      5_000,
      call(app, { url: '/api/v1/registry/orgs', cookie }),
      'a request after the cut',
    );
    expect(res.statusCode, res.body).toBe(200);
  });

  it('stops a request query at the statement timeout with 503, and gives exports their longer one', async () => {
    const slow = await within(10_000, call(app, { url: '/api/test-sleep?s=4', cookie }), 'a slow request');
    expect(slow.statusCode).toBe(503);
    expect(slow.json().error.code).toBe('query_timeout');
    expect(slow.json().error.messages.en).toContain('took too long');
    expect(slow.body).not.toMatch(/pg_sleep|select /i);

    const exported = await within(
      10_000,
      call(app, { url: '/api/test-sleep/export.xlsx?s=3', cookie }),
      'a slow export',
    );
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json()).toEqual({ slept: 3 });
  });
});
