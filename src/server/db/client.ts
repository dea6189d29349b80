import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { describeDatabaseError } from './faults';
import * as schema from './schema';
import { releaseStartupLock, takeStartupLock } from './startup-lock-repo';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: every repo function accepts either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;
export type Driver = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  driver: Driver;
  /** A cheap `select 1`: true when the database answered within `timeoutMs`. */
  ping(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** How long PostgreSQL may take; 0 or absent means no limit (migrations, tests, the bench). */
export interface PgLimits {
  /** `statement_timeout` of ordinary requests and background work. */
  statementTimeoutMs?: number;
  /** `statement_timeout` of exports (see `withLongStatements`). */
  exportStatementTimeoutMs?: number;
  /** Longest wait for a connection, new or from the busy pool. */
  connectTimeoutMs?: number;
}

const MIGRATIONS = path.resolve(import.meta.dirname, '../../../drizzle');

export class DataDirLockedError extends Error {}

/**
 * PGlite does not guard its data directory against a second process, and two writers silently
 * lose rows. A lock file holding our pid refuses a second start; a stale file (its process gone)
 * is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'kechuang.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(lockFile, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(
          `数据目录 ${dataDir} 正被另一个科创进程 (pid ${pid}) 使用；内置数据库只允许一个进程写入。\n` +
            `The data directory ${dataDir} is in use by another Kechuang process (pid ${pid}); ` +
            'the embedded database allows one writer only. Stop that process, or set KECHUANG_DATA_DIR ' +
            'to another directory, or use PostgreSQL (DATABASE_URL).',
        );
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const longStatements = new AsyncLocalStorage<true>();

/** Runs `fn` (and everything it starts) with the export statement timeout instead of the request one. */
export function withLongStatements<T>(fn: () => T): T {
  return longStatements.run(true, fn);
}

function newPool(url: string, max: number, limits: PgLimits, statementTimeoutMs: number | undefined) {
  // JIT compilation costs more than it saves on the short aggregate queries this app runs.
  const timeout = statementTimeoutMs ? ` -c statement_timeout=${Math.round(statementTimeoutMs)}` : '';
  const pool = new pg.Pool({
    connectionString: url,
    max,
    options: `-c jit=off${timeout}`,
    connectionTimeoutMillis: limits.connectTimeoutMs || undefined,
    // A cut network closes nothing, and the server's timeout cannot reach us: the driver gives
    // up on its own a little after the server would have, and the pool discards the connection.
    query_timeout: statementTimeoutMs ? statementTimeoutMs + 5_000 : undefined,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // A connection the server drops while idle in the pool is reported here; unheard, the 'error'
  // event would end the process. The pool has already discarded it and opens a new one on demand.
  pool.on('error', (err) =>
    console.warn(`数据库连接断开 Database connection lost: ${describeDatabaseError(err)}`),
  );
  // A connection checked out (in a transaction) has no pool listener while it waits between
  // queries: this one keeps a drop there from being fatal; the next query on it fails instead.
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/** Work done once per start while no other app server does it (see `openDatabase`). */
export type SetUp = (db: Db) => Promise<void>;

async function openPostgres(url: string, limits: PgLimits, setUp?: SetUp): Promise<Database> {
  // Migrations run on their own connection without the statement timeout: building an index on
  // a large table may rightly take longer than any request should. That connection holds the
  // start-up lock until migrations and `setUp` are done: two servers starting together on a new
  // database would otherwise both create the same tables and one would fail.
  const migrator = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: limits.connectTimeoutMs || undefined,
  });
  migrator.on('error', () => {});
  await migrator.connect();
  let database: Database | undefined;
  try {
    const migratorDb = drizzlePg({ client: migrator, schema });
    await takeStartupLock(migratorDb);
    await migratePg(migratorDb, { migrationsFolder: MIGRATIONS });
    database = openPools(url, limits);
    await setUp?.(database.db);
    await releaseStartupLock(migratorDb);
    return database;
  } catch (e) {
    await database?.close().catch(() => {});
    throw e;
  } finally {
    // Ending the connection also releases the lock should anything above have failed.
    await migrator.end().catch(() => {});
  }
}

function openPools(url: string, limits: PgLimits): Database {
  const pool = newPool(url, 10, limits, limits.statementTimeoutMs);
  // Exports get a small pool of their own with a longer timeout (opened only when first used),
  // so a slow export neither hits the request timeout nor takes connections from requests.
  const exportPool = newPool(url, 3, limits, limits.exportStatementTimeoutMs);
  // Drizzle checks for a pg.Pool to run transactions on one checked-out connection; this one
  // only hands each query or checkout to the pool the current request is entitled to.
  const router = new pg.Pool({ max: 1 });
  const pick = () => (longStatements.getStore() ? exportPool : pool);
  Object.assign(router, {
    query: (...args: Parameters<pg.Pool['query']>) => (pick().query as (...a: unknown[]) => unknown)(...args),
    connect: (...args: Parameters<pg.Pool['connect']>) =>
      (pick().connect as (...a: unknown[]) => unknown)(...args),
  });
  const db = drizzlePg({ client: router, schema }) as unknown as Db;
  return {
    db,
    driver: 'postgres',
    ping: (timeoutMs) => withTimeout(pool.query('select 1'), timeoutMs),
    close: async () => {
      await Promise.all([pool.end(), exportPool.end()]);
    },
  };
}

/** True when `work` settles successfully within `ms`; a late or failed answer is false. */
async function withTimeout(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => false,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Opens PostgreSQL when a URL is given, else the embedded PGlite in `dataDir` (or in memory).
 * `limits` apply to PostgreSQL only: PGlite runs in this process and cannot be cut off.
 */
export async function openDatabase(opts: {
  url?: string;
  dataDir?: string | 'memory';
  limits?: PgLimits;
  /**
   * Runs after the migrations and before the database is handed out (reference data, demo data):
   * on PostgreSQL under the start-up lock, so servers starting together do it one after another.
   */
  setUp?: SetUp;
  /**
   * In memory only: start from this copy of a data directory (`dumpPglite`) rather than an empty
   * one. The migrations it already has are not run again.
   */
  from?: Blob;
}): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.limits ?? {}, opts.setUp);
  const memory = !opts.dataDir || opts.dataDir === 'memory';
  const unlock = memory ? () => {} : lockDataDir(opts.dataDir as string);
  try {
    const client = await PGlite.create({
      dataDir: memory ? undefined : (opts.dataDir as string),
      loadDataDir: memory ? opts.from : undefined,
      extensions: { pg_trgm },
    });
    const pdb = drizzlePglite({ client, schema });
    await migratePglite(pdb, { migrationsFolder: MIGRATIONS });
    // One process only (the lock file): no other server can be setting up beside this one.
    await opts.setUp?.(pdb as unknown as Db).catch(async (e) => {
      await client.close().catch(() => {});
      throw e;
    });
    return {
      db: pdb as unknown as Db,
      driver: 'pglite',
      ping: (timeoutMs) => withTimeout(client.query('select 1'), timeoutMs),
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}

/** A copy of an open embedded database's data directory, to open again with `from`. */
export async function dumpPglite(database: Database): Promise<Blob> {
  if (database.driver !== 'pglite') throw new Error('Only an embedded (PGlite) database can be copied');
  return (database.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
}

/** Drizzle over an open PGlite client (a restored copy, say), with the application's schema. */
export const drizzleOnPglite = (client: PGlite): Db => drizzlePglite({ client, schema }) as unknown as Db;

/** Drizzle over a PostgreSQL pool, with the application's schema. */
export const drizzleOnPg = (pool: pg.Pool): Db => drizzlePg({ client: pool, schema }) as unknown as Db;

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. */
export async function queryRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Runs independent queries together on the pool, or one after another inside a transaction: a
 * transaction is one connection, which must not be given a query while it runs another.
 */
export async function inParallel<T>(tx: Tx, tasks: (() => Promise<T>)[]): Promise<T[]> {
  if (!('rollback' in tx)) return Promise.all(tasks.map((t) => t()));
  const out: T[] = [];
  for (const task of tasks) out.push(await task());
  return out;
}
