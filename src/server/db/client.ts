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
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: every repo function accepts either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;
export type Driver = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  driver: Driver;
  close(): Promise<void>;
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

/** Opens PostgreSQL when a URL is given, else the embedded PGlite in `dataDir` (or in memory). */
export async function openDatabase(opts: { url?: string; dataDir?: string | 'memory' }): Promise<Database> {
  if (opts.url) {
    // JIT compilation costs more than it saves on the short aggregate queries this app runs.
    const pool = new pg.Pool({ connectionString: opts.url, max: 10, options: '-c jit=off' });
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    await migratePg(drizzlePg({ client: pool, schema }), { migrationsFolder: MIGRATIONS });
    return { db, driver: 'postgres', close: () => pool.end() };
  }
  const memory = !opts.dataDir || opts.dataDir === 'memory';
  const unlock = memory ? () => {} : lockDataDir(opts.dataDir as string);
  try {
    const client = await PGlite.create(memory ? undefined : (opts.dataDir as string), {
      extensions: { pg_trgm },
    });
    const pdb = drizzlePglite({ client, schema });
    await migratePglite(pdb, { migrationsFolder: MIGRATIONS });
    return {
      db: pdb as unknown as Db,
      driver: 'pglite',
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
