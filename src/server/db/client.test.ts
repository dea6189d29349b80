import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { count, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, DataDirLockedError, type Db, openDatabase, queryRows } from './client';
import { departments, regions, users } from './schema';
import { hasAnyUser } from './seed/demo-accounts';
import { loadReferenceData } from './seed/reference';

describe('embedded database directory', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-db-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('keeps every record across a restart', async () => {
    const dir = tmp();
    const first = await openDatabase({ dataDir: dir });
    await first.db.insert(departments).values({ code: 'kept', name: '保留科', nameEn: 'Kept' });
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    const rows = await second.db.select().from(departments).where(eq(departments.code, 'kept'));
    expect(rows).toHaveLength(1);
    await second.close();
  });

  it('refuses a second process on the same directory with a clear message', async () => {
    const dir = tmp();
    // A lock file held by a live process that is not us (our parent) stands for a running server.
    fs.writeFileSync(path.join(dir, 'kechuang.lock'), String(process.ppid));
    const err = await openDatabase({ dataDir: dir }).catch((e) => e);
    expect(err).toBeInstanceOf(DataDirLockedError);
    expect(err.message).toContain('正被另一个科创进程');
    expect(err.message).toContain('KECHUANG_DATA_DIR');
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'kechuang.lock'), '999999');
    const db = await openDatabase({ dataDir: dir });
    expect(fs.readFileSync(path.join(dir, 'kechuang.lock'), 'utf8')).toBe(String(process.pid));
    await db.close();
    expect(fs.existsSync(path.join(dir, 'kechuang.lock'))).toBe(false);
  });
});

const base = process.env.TEST_DATABASE_URL;

describe.skipIf(!base)('two app servers starting at once on a new PostgreSQL database', () => {
  it('migrates and seeds once: the second waits for the first and finds the work done', async () => {
    const name = `${new URL(base as string).pathname.slice(1)}_start_${randomBytes(3).toString('hex')}`;
    const url = new URL(base as string);
    url.pathname = `/${name}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const opened: Database[] = [];
    try {
      // What a start does: reference data, then demo-style data only where there is none yet. The
      // pause between looking and writing is where two unguarded starts would both write.
      const setUp = async (db: Db) => {
        await loadReferenceData(db, 'quanzhou');
        if (await hasAnyUser(db)) return;
        await sleep(300);
        await db.insert(users).values({
          username: `first.${randomBytes(4).toString('hex')}`,
          displayName: '首次启动',
          role: 'staff',
          passwordHash: 'x',
        });
      };
      const results = await Promise.allSettled([
        openDatabase({ url: url.toString(), setUp }),
        openDatabase({ url: url.toString(), setUp }),
      ]);
      for (const r of results) if (r.status === 'fulfilled') opened.push(r.value);
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok']);

      const db = opened[0].db;
      const journal = JSON.parse(
        fs.readFileSync(path.resolve(import.meta.dirname, '../../../drizzle/meta/_journal.json'), 'utf8'),
      ) as { entries: unknown[] };
      const applied = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(applied[0].n).toBe(journal.entries.length);
      expect((await db.select({ n: count() }).from(users))[0].n).toBe(1);
      expect((await db.select({ n: count() }).from(regions).where(eq(regions.code, '350582')))[0].n).toBe(1);
    } finally {
      for (const d of opened) await d.close();
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }, 120_000);
});
