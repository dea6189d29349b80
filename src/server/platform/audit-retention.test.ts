import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { asc, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { type Database, type Driver, openDatabase, queryRows } from '../db/client';
import { auditArchives, auditLog } from '../db/schema';
import { loadReferenceData } from '../db/seed/reference';
import { call, createUser, DRIVERS, login } from '../test/harness';
import { type AuditRow, entryHash, GENESIS, verifyArchiveLines, verifyAuditChain, writeAudit } from './audit';
import { purgeAuditLog } from './audit-retention';

/**
 * Purging needs a log whose oldest entries are really older than six months, and it deletes a
 * prefix of the one chain: so each run gets a database of its own, not the shared test database.
 */
async function scratchDatabase(driver: Driver): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (driver === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory' });
    return { database, drop: () => database.close() };
  }
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const name = `${url.pathname.slice(1)}_purge_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`create database "${name}"`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  const database = await openDatabase({ url: own.toString() });
  return {
    database,
    drop: async () => {
      await database.close();
      await admin(`drop database if exists "${name}"`);
    },
  };
}

/** Appends an entry dated in the past, sealed into the chain exactly as writeAudit seals one. */
async function appendOld(database: Database, at: string, action: string) {
  await database.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    const [{ id }] = await queryRows<{ id: string }>(
      tx,
      sql`select nextval(pg_get_serial_sequence('audit_log', 'id'))::text as id`,
    );
    const row: Omit<AuditRow, 'hash'> = {
      id: BigInt(id),
      at,
      actorId: null,
      actorUsername: 'old.user',
      actorRole: 'staff',
      ip: '10.0.0.1',
      action,
      outcome: 'success',
      targetType: null,
      targetId: null,
      before: null,
      after: { n: action },
      requestId: null,
      prevHash: last?.hash ?? GENESIS,
    };
    await tx.insert(auditLog).values({ ...row, hash: entryHash(row) });
  });
}

const liveRows = (database: Database) => database.db.select().from(auditLog).orderBy(asc(auditLog.id));

for (const driver of DRIVERS) {
  describe(`audit retention [${driver}]`, () => {
    let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
    let database: Database;
    let app: FastifyInstance;
    beforeAll(async () => {
      scratch = await scratchDatabase(driver);
      database = scratch.database;
      await loadReferenceData(database.db, 'quanzhou');
      app = await buildApp({ database, loginAttemptsPerMinute: 10_000 });
    });
    afterAll(async () => {
      await app?.close();
      await scratch?.drop();
    });

    it('archives the prefix older than the retention, deletes it and keeps the chain verifiable', async () => {
      expect(await liveRows(database)).toHaveLength(0);
      for (let day = 1; day <= 5; day++)
        await appendOld(database, `2020-01-0${day}T08:00:00.000Z`, `old.${day}`);
      // Not yet archived: even an old entry cannot be deleted.
      await expect(database.db.delete(auditLog)).rejects.toThrow();
      await expect(purgeAuditLog(database.db, {}, 5)).rejects.toMatchObject({
        status: 400,
        field: 'retentionMonths',
      });

      const first = await purgeAuditLog(database.db, {
        actor: { id: crypto.randomUUID(), username: 'auditor', role: 'auditadmin' },
      });
      expect(first).toMatchObject({ entries: 5 });
      const afterFirst = await liveRows(database);
      // Only the purge's own entry is left, chained onto the archive's last hash.
      expect(afterFirst.map((r) => r.action)).toEqual(['audit.purge']);
      const [archive] = await database.db.select().from(auditArchives);
      expect(archive).toMatchObject({ entries: 5, firstPrevHash: GENESIS, archivedBy: 'auditor' });
      expect(afterFirst[0].prevHash).toBe(archive.lastHash);
      const lines = gunzipSync(Buffer.from(archive.content)).toString('utf8').trim().split('\n');
      expect(lines.map((l) => JSON.parse(l).action)).toEqual(['old.1', 'old.2', 'old.3', 'old.4', 'old.5']);
      expect(verifyArchiveLines(lines, GENESIS)).toMatchObject({ ok: true, last: archive.lastHash });

      await database.db.transaction((tx) => writeAudit(tx, {}, { action: 'test.young', after: { a: 1 } }));
      expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 7, archived: 5 });
      // Nothing left is old enough: a second purge archives nothing.
      expect(await purgeAuditLog(database.db, {}, 12)).toMatchObject({ archiveId: null, entries: 0 });
      // Young entries stay, archive or not; archives cannot be removed either.
      await expect(database.db.delete(auditLog)).rejects.toThrow();
      await expect(database.db.delete(auditArchives)).rejects.toThrow();
      await expect(database.db.update(auditArchives).set({ lastHash: GENESIS })).rejects.toThrow();
    });

    it('detects an archive whose entries were altered', async () => {
      const [archive] = await database.db.select().from(auditArchives);
      const lines = gunzipSync(Buffer.from(archive.content)).toString('utf8').trim().split('\n');
      const forged = lines.map((l, i) => (i === 2 ? l.replace('10.0.0.1', '10.0.0.2') : l));
      expect(verifyArchiveLines(forged, GENESIS)).toMatchObject({
        ok: false,
        brokenAt: JSON.parse(lines[2]).id,
      });
      await database.db
        .transaction(async (tx) => {
          await tx.execute(sql`alter table audit_archives disable trigger audit_archives_no_update_delete`);
          await tx.update(auditArchives).set({ lastHash: 'f'.repeat(64) });
          expect((await verifyAuditChain(tx as never)).ok).toBe(false);
          tx.rollback();
        })
        .catch((e) => {
          if (!String(e).includes('Rollback')) throw e;
        });
      expect((await verifyAuditChain(database.db)).ok).toBe(true);
    });

    it('lets the auditor list and download archives, and only the auditor', async () => {
      const auditor = await createUser(database, 'auditadmin');
      const cookie = await login(app, auditor.username);
      const staff = await createUser(database, 'staff');
      const staffCookie = await login(app, staff.username);
      const list = await call(app, { url: '/api/v1/admin/audit/archives', cookie });
      expect(list.statusCode).toBe(200);
      const [item] = list.json().items;
      expect(item).toMatchObject({ entries: 5, firstPrevHash: GENESIS });
      const url = `/api/v1/admin/audit/archives/${item.id}/download`;
      expect((await call(app, { url, cookie: staffCookie })).statusCode).toBe(403);
      const file = await call(app, { url, cookie });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/gzip');
      const lines = gunzipSync(file.rawPayload).toString('utf8').trim().split('\n');
      expect(verifyArchiveLines(lines, item.firstPrevHash)).toMatchObject({ ok: true, last: item.lastHash });
      const purge = await call(app, {
        method: 'POST',
        url: '/api/v1/admin/audit/purge',
        cookie,
        body: { retentionMonths: 3 },
      });
      expect(purge.statusCode).toBe(400);
      const [download] = await database.db
        .select()
        .from(auditLog)
        .where(sql`${auditLog.action} = 'audit.archive.download'`);
      expect(download).toMatchObject({ actorId: auditor.id, targetType: 'audit_archive', targetId: item.id });
      const verify = await call(app, { url: '/api/v1/admin/audit/verify', cookie });
      expect(verify.json()).toMatchObject({ ok: true, archived: 5 });
    });
  });
}
