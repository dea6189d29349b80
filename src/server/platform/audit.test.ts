import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditLog } from '../db/schema';
import { exportJobRows, sheetRows } from '../test/exports';
import { call, describeEachDb, signedIn } from '../test/harness';
import { canonicalJson, verifyAuditChain, writeAudit } from './audit';

describeEachDb('audit log', (ctx) => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await ctx.database.db.transaction((tx) => writeAudit(tx, {}, { action: 'test.event', after: { n: 1 } }));
    const db = ctx.database.db;
    await expect(db.update(auditLog).set({ action: 'changed' })).rejects.toThrow();
    await expect(db.delete(auditLog)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
  });

  it('verifies an intact chain and finds the entry that was tampered with', async () => {
    await ctx.database.db.transaction((tx) =>
      writeAudit(tx, {}, { action: 'test.chain', after: { a: '甲' } }),
    );
    expect(await verifyAuditChain(ctx.database.db)).toMatchObject({ ok: true });
    // Only someone who can switch the trigger off (a database superuser) can alter a row; the
    // chain still shows it.
    const [{ id }] = await ctx.database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(sql`${auditLog.action} = 'test.chain'`)
      .limit(1);
    await ctx.database.db
      .transaction(async (tx) => {
        await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
        await tx
          .update(auditLog)
          .set({ after: { a: '乙' } })
          .where(sql`${auditLog.id} = ${id}`);
        const result = await verifyAuditChain(tx as never);
        expect(result.ok).toBe(false);
        expect(result.brokenAt).toBe(String(id));
        tx.rollback();
      })
      .catch((e) => {
        if (!String(e).includes('Rollback')) throw e;
      });
    expect((await verifyAuditChain(ctx.database.db)).ok).toBe(true);
  });

  it('lets only the auditor read, filter and verify it over the API', async () => {
    const auditor = await signedIn(ctx, 'auditadmin');
    const staff = await signedIn(ctx, 'staff');
    expect((await call(ctx.app, { url: '/api/v1/admin/audit', cookie: staff.cookie })).statusCode).toBe(403);
    const list = await call(ctx.app, {
      url: `/api/v1/admin/audit?action=auth.login&actor=${staff.user.username}`,
      cookie: auditor.cookie,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(1);
    expect(list.json().items[0]).toMatchObject({
      action: 'auth.login',
      outcome: 'success',
      actorRole: 'staff',
      ip: '127.0.0.1',
    });
    const verify = await call(ctx.app, { url: '/api/v1/admin/audit/verify', cookie: auditor.cookie });
    expect(verify.json()).toMatchObject({ ok: true });
    expect(verify.json().checked).toBeGreaterThan(0);
    const xlsx = await call(ctx.app, {
      url: '/api/v1/admin/audit/export.xlsx?action=auth',
      cookie: auditor.cookie,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('exports the filtered log with labels and China time, streamed or as a job', async () => {
    const auditor = await signedIn(ctx, 'auditadmin');
    const staff = await signedIn(ctx, 'staff');
    const query = `action=auth.login&actor=${staff.user.username}&sort=at`;
    const get = (url: string) => call(ctx.app, { url, cookie: auditor.cookie });
    const direct = await sheetRows((await get(`/api/v1/admin/audit/export.xlsx?${query}`)).rawPayload);
    expect(direct).toHaveLength(2);
    const [header, row] = direct;
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('操作')).toBe('登录');
    expect(cell('操作代码')).toBe('auth.login');
    expect(cell('角色')).toBe('市局业务人员');
    expect(cell('用户')).toBe(staff.user.username);
    expect(String(cell('时间（北京时间）'))).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(UTC\+8\)$/);

    expect((await exportJobRows(ctx, auditor.cookie, '/api/v1/admin/audit', query)).rows).toEqual(direct);
    // Staff may neither download nor start the export.
    const refused = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/admin/audit/export-jobs',
      cookie: staff.cookie,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('hashes the same content the same way whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });
});
