import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, openDatabase } from './client';
import { departments } from './schema';

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
