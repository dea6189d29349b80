/**
 * Backups of either database, each verified after it is written: the copy is restored into a
 * scratch database, its row counts compared with the source's at the moment of the dump, and its
 * audit chain recomputed and compared with the source's last hash.
 *
 * Embedded (PGlite): a gzipped tarball of the data directory (`dumpDataDir`). PostgreSQL: a
 * `pg_dump -Fc` archive taken on an exported snapshot, so the counts and the dump see one state.
 * Next to every backup FILE lies FILE.json, the manifest that restore checks the copy against.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { type Database, type Db, type Driver, drizzleOnPg, drizzleOnPglite, lockDataDir } from '../db/client';
import { verifyAuditChain } from './audit';
import {
  auditHead,
  beginExportedSnapshot,
  commit,
  countRows,
  createDatabase,
  dropDatabase,
  hasTables,
  pgliteQuery,
  pgQuery,
  type Query,
  type TableCounts,
} from './backup-repo';
import { clock } from './clock';

const run = promisify(execFile);
const PGLITE_OPTIONS = { extensions: { pg_trgm } };

export interface Manifest {
  format: 'kechuang-backup/1';
  driver: Driver;
  createdAt: string;
  counts: TableCounts;
  /** Tables written outside a transaction while a live embedded dump ran: their count lies in a range. */
  ranges: Record<string, [number, number]>;
  auditHead: string | null;
}

export interface Verification {
  ok: boolean;
  counts: TableCounts;
  audit: { ok: boolean; checked: number; brokenAt?: string };
  problems: string[];
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: Manifest;
  verification: Verification;
}

export { countRows, type TableCounts } from './backup-repo';

/** Compares a restored copy with the manifest of its source. */
async function verifyCopy(query: Query, db: Db, manifest: Manifest | null): Promise<Verification> {
  const counts = await countRows(query);
  const audit = await verifyAuditChain(db);
  const problems: string[] = [];
  if (!audit.ok) problems.push(`audit chain broken at entry ${audit.brokenAt}`);
  if (manifest) {
    for (const [table, expected] of Object.entries(manifest.counts)) {
      const got = counts[table];
      const range = manifest.ranges[table];
      const fits = range ? got >= range[0] && got <= range[1] : got === expected;
      if (!fits)
        problems.push(`${table}: ${got ?? 'missing'} rows, expected ${range ? range.join('–') : expected}`);
    }
    const head = await auditHead(query);
    if (head !== manifest.auditHead)
      problems.push(`audit chain ends at ${head}, expected ${manifest.auditHead}`);
  }
  return { ok: problems.length === 0, counts, audit, problems };
}

/** The verification for a person at a terminal. */
export function printVerification(v: Verification) {
  const rows = Object.values(v.counts).reduce((a, b) => a + b, 0);
  console.log(
    `校验 Verified: ${Object.keys(v.counts).length} tables, ${rows} rows, audit chain ${v.audit.ok ? 'valid' : 'BROKEN'} (${v.audit.checked} entries)`,
  );
  for (const p of v.problems) console.error(`  ✖ ${p}`);
}

function manifestPath(file: string) {
  return `${file}.json`;
}

export function readManifest(file: string): Manifest | null {
  const p = manifestPath(file);
  return fs.existsSync(p) ? (JSON.parse(fs.readFileSync(p, 'utf8')) as Manifest) : null;
}

/** Writes through a temporary name, so a crash never leaves a half-written file under the real one. */
function writeAtomically(file: string, data: Uint8Array | string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

// ---------------------------------------------------------------------------------------------
// Embedded database

/** Opens a restored tarball in memory and checks it against its manifest. */
async function verifyTarball(data: Buffer<ArrayBuffer>, manifest: Manifest | null): Promise<Verification> {
  const copy = await PGlite.create({ ...PGLITE_OPTIONS, loadDataDir: new Blob([data]) });
  try {
    return await verifyCopy(pgliteQuery(copy), drizzleOnPglite(copy), manifest);
  } finally {
    await copy.close();
  }
}

/**
 * Dumps an open embedded database to FILE and verifies the copy. The dump is taken inside a
 * read-only transaction of ours, which keeps every other transaction (every audited write is one)
 * waiting, so the business tables and the audit chain are exactly those of the dump. A write made
 * outside a transaction (a session touch, job progress) could still land beside it: a table whose
 * count changed during the dump is checked against the range seen before and after.
 */
export async function dumpEmbedded(client: PGlite, file: string): Promise<BackupResult> {
  const { data, manifest } = await client.transaction(async (tx) => {
    const query = pgliteQuery(tx);
    const before = await countRows(query);
    const head = await auditHead(query);
    const blob = await client.dumpDataDir('gzip');
    const after = await countRows(query);
    const ranges: Manifest['ranges'] = {};
    for (const [t, n] of Object.entries(before))
      if (after[t] !== n) ranges[t] = [Math.min(n, after[t] ?? n), Math.max(n, after[t] ?? n)];
    const manifest: Manifest = {
      format: 'kechuang-backup/1',
      driver: 'pglite',
      createdAt: clock.now().toISOString(),
      counts: before,
      ranges,
      auditHead: head,
    };
    return { data: new Uint8Array(await blob.arrayBuffer()), manifest };
  });
  writeAtomically(file, data);
  writeAtomically(manifestPath(file), JSON.stringify(manifest, null, 2));
  const verification = await verifyTarball(fs.readFileSync(file), manifest);
  return { file, bytes: data.length, manifest, verification };
}

function hasDatabase(dataDir: string) {
  return fs.existsSync(path.join(dataDir, 'PG_VERSION'));
}

/** Backs up a stopped server's data directory; refuses (DataDirLockedError) while it runs. */
export async function backupEmbedded(dataDir: string, file: string): Promise<BackupResult> {
  const unlock = lockDataDir(dataDir);
  try {
    if (!hasDatabase(dataDir)) throw new Error(`${dataDir} holds no database (PG_VERSION missing)`);
    const client = await PGlite.create(dataDir, PGLITE_OPTIONS);
    try {
      return await dumpEmbedded(client, file);
    } finally {
      await client.close();
    }
  } finally {
    unlock();
  }
}

/**
 * Restores FILE into the data directory of a stopped server. A database already there is moved
 * aside (to `<dir>.before-restore-<time>`), never deleted.
 */
export async function restoreEmbedded(
  file: string,
  dataDir: string,
): Promise<{ verification: Verification; movedAside: string | null }> {
  const data = fs.readFileSync(file);
  const unlock = lockDataDir(dataDir);
  try {
    let movedAside: string | null = null;
    if (hasDatabase(dataDir)) {
      movedAside = `${dataDir}.before-restore-${clock.now().toISOString().replace(/[:.]/g, '-')}`;
      fs.mkdirSync(movedAside);
      for (const entry of fs.readdirSync(dataDir))
        if (entry !== 'kechuang.lock') fs.renameSync(path.join(dataDir, entry), path.join(movedAside, entry));
    }
    const client = await PGlite.create(dataDir, { ...PGLITE_OPTIONS, loadDataDir: new Blob([data]) });
    try {
      const verification = await verifyCopy(pgliteQuery(client), drizzleOnPglite(client), readManifest(file));
      return { verification, movedAside };
    } finally {
      await client.close();
    }
  } finally {
    unlock();
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/** The URL without its password, which goes to pg_dump/pg_restore in PGPASSWORD, not on `ps`. */
function toolArgs(url: string): { target: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { target: u.toString(), env };
}

async function tool(name: 'pg_dump' | 'pg_restore', args: string[], url: string) {
  const { target, env } = toolArgs(url);
  try {
    await run(name, [...args, '-d', target], { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`${name} failed: ${err.stderr?.trim() || err.message}`);
  }
}

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Restores an archive into a new scratch database on the same server, checks it, drops it. */
async function verifyArchive(url: string, file: string, manifest: Manifest | null): Promise<Verification> {
  const source = decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
  const scratch = `${source}_verify_${randomBytes(4).toString('hex')}`.slice(0, 63);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await createDatabase(admin, scratch);
    try {
      const scratchUrl = withDatabase(url, scratch);
      await tool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', file], scratchUrl);
      const pool = new pg.Pool({ connectionString: scratchUrl, max: 2 });
      // The scratch database is dropped with force right after; an idle client's end is expected.
      pool.on('error', () => {});
      try {
        return await verifyCopy(pgQuery(pool), drizzleOnPg(pool), manifest);
      } finally {
        await pool.end();
      }
    } finally {
      await dropDatabase(admin, scratch);
    }
  } finally {
    await admin.end();
  }
}

/**
 * `pg_dump -Fc` of a live database, on a snapshot exported by the transaction that counts the
 * rows, so the manifest describes exactly what the archive holds. Needs pg_dump on PATH and, for
 * the verification, the right to create a database.
 */
export async function backupPostgres(url: string, file: string): Promise<BackupResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let manifest: Manifest;
  const partial = `${file}.partial`;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  try {
    const snapshot = await beginExportedSnapshot(client);
    const query = pgQuery(client);
    manifest = {
      format: 'kechuang-backup/1',
      driver: 'postgres',
      createdAt: clock.now().toISOString(),
      counts: await countRows(query),
      ranges: {},
      auditHead: await auditHead(query),
    };
    await tool('pg_dump', ['-Fc', `--snapshot=${snapshot}`, '-f', partial], url);
    await commit(client);
  } finally {
    await client.end();
  }
  fs.renameSync(partial, file);
  writeAtomically(manifestPath(file), JSON.stringify(manifest, null, 2));
  const verification = await verifyArchive(url, file, manifest);
  return { file, bytes: fs.statSync(file).size, manifest, verification };
}

/** Restores an archive into an empty database (refuses one that has tables), then verifies it. */
export async function restorePostgres(url: string, file: string): Promise<Verification> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (await hasTables(client))
      throw new Error(
        '目标数据库不是空的；请恢复到新建的空数据库 The target database is not empty: restore into a new, empty database (createdb) and point DATABASE_URL at it',
      );
  } finally {
    await client.end();
  }
  await tool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', file], url);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    return await verifyCopy(pgQuery(pool), drizzleOnPg(pool), readManifest(file));
  } finally {
    await pool.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Daily backup of the running embedded server

const DAILY = /^kechuang-(\d{4}-\d{2}-\d{2})\.tar\.gz$/;

/** Keeps the newest `keep` daily backups in `dir` and deletes the rest (with their manifests). */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!fs.existsSync(dir)) return [];
  const daily = fs
    .readdirSync(dir)
    .filter((f) => DAILY.test(f))
    .sort()
    .reverse();
  const removed = daily.slice(keep);
  for (const f of removed) {
    fs.rmSync(path.join(dir, f), { force: true });
    fs.rmSync(manifestPath(path.join(dir, f)), { force: true });
  }
  return removed;
}

/** Today's backup, unless one exists already; then the retention. Null when there was nothing to do. */
export async function dailyBackup(client: PGlite, dir: string, keep: number): Promise<BackupResult | null> {
  const file = path.join(dir, `kechuang-${clock.today()}.tar.gz`);
  if (fs.existsSync(file)) return null;
  const result = await dumpEmbedded(client, file);
  // A copy that fails verification is not kept under a name that would stop tomorrow's retry.
  if (!result.verification.ok) fs.renameSync(file, `${file}.failed`);
  pruneBackups(dir, keep);
  return result;
}

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * The running embedded server backs itself up once a day (checked hourly) into `dir`, keeping
 * `keep` copies; `keep` 0 turns it off. PostgreSQL is backed up by `npm run backup` or the DBA.
 * The backups sit beside the data directory, not in it: a dump of the directory would otherwise
 * contain every earlier backup.
 */
/** How long after start-up the first daily-backup check runs. */
const FIRST_CHECK_MS = 5 * 60_000;

export function scheduleDailyBackups(database: Database, opts: { dir: string; keep: number }, log: Log) {
  if (database.driver !== 'pglite' || opts.keep <= 0) return () => {};
  const client = (database.db as unknown as { $client: PGlite }).$client;
  let busy = false;
  const tick = async () => {
    if (busy || client.closed) return;
    busy = true;
    try {
      const r = await dailyBackup(client, opts.dir, opts.keep);
      if (r?.verification.ok) log.info({ file: r.file, bytes: r.bytes }, 'daily backup written and verified');
      else if (r)
        log.error({ file: r.file, problems: r.verification.problems }, 'daily backup failed verification');
    } catch (err) {
      log.error({ err }, 'daily backup failed');
    } finally {
      busy = false;
    }
  };
  // The first check waits a few minutes: a start (or a restart loop) answers requests and can
  // stop promptly before a dump holds the database's writes.
  const first = setTimeout(tick, FIRST_CHECK_MS);
  first.unref();
  const timer = setInterval(tick, 3_600_000);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
