import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type Database, DataDirLockedError, openDatabase, queryRows } from '../db/client';
import { departments } from '../db/schema';
import { loadReferenceData } from '../db/seed/reference';
import { verifyAuditChain, writeAudit } from './audit';
import {
  backupEmbedded,
  backupPostgres,
  countRows,
  dailyBackup,
  readManifest,
  restoreEmbedded,
  restorePostgres,
} from './backup';
import { fixClock } from './clock';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-backup-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Audited records, as the services write them. */
async function addRecords(database: Database, n: number) {
  for (let i = 0; i < n; i++)
    await database.db.transaction(async (tx) => {
      const code = `bk-${Math.random().toString(36).slice(2, 10)}`;
      await tx.insert(departments).values({ code, name: `备份科${i}`, nameEn: `Backup ${i}` });
      await writeAudit(tx, {}, { action: 'department.create', targetType: 'department', targetId: code });
    });
}

/** Every table's row count and the recomputed audit chain. */
async function state(database: Database) {
  const counts = await countRows((text) => queryRows(database.db, sql.raw(text)));
  return { counts, chain: await verifyAuditChain(database.db) };
}

// PGlite on disk is slow on a busy machine: every open of a new directory migrates it.
const SLOW = 300_000;

describe('embedded database backup', () => {
  const dataDir = path.join(tmp(), 'data');
  const file = path.join(tmp(), 'kc.tar.gz');

  it(
    'restores into a new data directory with equal row counts and audit chain',
    async () => {
      const source = await openDatabase({ dataDir });
      await loadReferenceData(source.db, 'quanzhou');
      await addRecords(source, 5);
      const before = await state(source);
      await source.close();

      const result = await backupEmbedded(dataDir, file);
      expect(result.verification.problems).toEqual([]);
      expect(result.verification.ok).toBe(true);
      expect(readManifest(file)?.counts).toEqual(before.counts);

      const target = path.join(tmp(), 'restored');
      const restored = await restoreEmbedded(file, target);
      expect(restored.verification.ok).toBe(true);
      expect(restored.movedAside).toBeNull();
      const copy = await openDatabase({ dataDir: target });
      const after = await state(copy);
      await copy.close();
      expect(after.counts).toEqual(before.counts);
      expect(after.counts.departments).toBeGreaterThanOrEqual(5);
      expect(after.chain).toEqual(before.chain);
      expect(after.chain.ok).toBe(true);
      expect(after.chain.checked).toBeGreaterThanOrEqual(5);
    },
    SLOW,
  );

  it(
    'moves an existing database aside and reports a copy that does not match its manifest',
    async () => {
      const tampered = path.join(tmp(), 'tampered.tar.gz');
      fs.copyFileSync(file, tampered);
      const manifest = readManifest(file)!;
      manifest.counts.departments += 1;
      fs.writeFileSync(`${tampered}.json`, JSON.stringify(manifest));
      const restored = await restoreEmbedded(tampered, dataDir);
      expect(restored.verification.ok).toBe(false);
      expect(restored.verification.problems.join()).toContain('departments');
      expect(fs.existsSync(path.join(restored.movedAside!, 'PG_VERSION'))).toBe(true);
    },
    SLOW,
  );

  it('refuses while a server holds the data directory', async () => {
    const held = tmp();
    // A lock held by a live process that is not us (our parent) stands for the running server.
    fs.writeFileSync(path.join(held, 'kechuang.lock'), String(process.ppid));
    const out = path.join(tmp(), 'refused.tar.gz');
    await expect(backupEmbedded(held, out)).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(restoreEmbedded(file, held)).rejects.toBeInstanceOf(DataDirLockedError);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('daily backup of the running embedded server', () => {
  afterEach(() => fixClock(null));

  it(
    'writes one verified backup a day and keeps the newest N',
    async () => {
      const database = await openDatabase({ dataDir: 'memory' });
      const client = (database.db as unknown as { $client: PGlite }).$client;
      const dir = tmp();
      try {
        for (const day of ['2031-03-01', '2031-03-02', '2031-03-03', '2031-03-04']) {
          fixClock(day);
          await addRecords(database, 1);
          const r = await dailyBackup(client, dir, 2);
          expect(r?.verification.ok).toBe(true);
        }
        // The same day again writes nothing new.
        expect(await dailyBackup(client, dir, 2)).toBeNull();
      } finally {
        await database.close();
      }
      expect(fs.readdirSync(dir).sort()).toEqual([
        'kechuang-2031-03-03.tar.gz',
        'kechuang-2031-03-03.tar.gz.json',
        'kechuang-2031-03-04.tar.gz',
        'kechuang-2031-03-04.tar.gz.json',
      ]);
      expect(readManifest(path.join(dir, 'kechuang-2031-03-04.tar.gz'))!.counts.audit_log).toBe(4);
    },
    SLOW,
  );
});

const url = process.env.TEST_DATABASE_URL;
const hasPgDump = (() => {
  try {
    execFileSync('pg_dump', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!url || !hasPgDump)('PostgreSQL backup', () => {
  it(
    'round-trips through pg_dump and pg_restore with equal counts and chain',
    async () => {
      const source = await openDatabase({ url });
      await addRecords(source, 3);
      await source.close();
      const file = path.join(tmp(), 'kc.dump');
      const result = await backupPostgres(url!, file);
      expect(result.verification.problems).toEqual([]);
      expect(result.verification.audit.ok).toBe(true);

      const name = `${new URL(url!).pathname.slice(1)}_restore_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database "${name}"`);
      try {
        const target = new URL(url!);
        target.pathname = `/${name}`;
        const verification = await restorePostgres(target.toString(), file);
        expect(verification.problems).toEqual([]);
        expect(verification.counts).toEqual(result.manifest.counts);
        expect(verification.audit.checked).toBe(result.verification.audit.checked);
        // A database with tables is refused rather than mixed with the backup.
        await expect(restorePostgres(target.toString(), file)).rejects.toThrow('not empty');
      } finally {
        await admin.query(`drop database if exists "${name}" with (force)`);
        await admin.end();
      }
    },
    SLOW,
  );
});
