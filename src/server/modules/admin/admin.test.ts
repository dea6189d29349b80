import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { forgetCachedSecurityPolicy } from '../../platform/security-policy';
import { call, createOrg, createUser, describeEachDb, login, signedIn, uniq } from '../../test/harness';

describeEachDb('admin: users', (ctx) => {
  const newUser = (extra: Record<string, unknown> = {}) => ({
    username: uniq('u.'),
    displayName: '测试用户',
    role: 'staff',
    password: 'Initial#Pass2026',
    ...extra,
  });

  it('creates a user who must change the initial password, audited without the hash', async () => {
    const admin = await signedIn(ctx, 'sysadmin');
    const body = newUser();
    const res = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/admin/users',
      cookie: admin.cookie,
      body,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: body.username, role: 'staff', status: 'active' });
    const cookie = await login(ctx.app, body.username, body.password);
    expect((await call(ctx.app, { url: '/api/v1/auth/me', cookie })).json().mustChangePassword).toBe(true);
    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, res.json().id), eq(auditLog.action, 'user.create')));
    expect(entry.after).toMatchObject({ username: body.username, role: 'staff' });
    expect(JSON.stringify(entry.after)).not.toMatch(/argon2|passwordHash/);
    expect(entry.actorUsername).toBe(admin.user.username);
  });

  it('names the field for a taken username, a weak password and a missing binding', async () => {
    const admin = await signedIn(ctx, 'sysadmin');
    const taken = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/admin/users',
      cookie: admin.cookie,
      body: newUser({ username: admin.user.username }),
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.field).toBe('username');
    const weak = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/admin/users',
      cookie: admin.cookie,
      body: newUser({ password: 'abc' }),
    });
    expect(weak.json().error.field).toBe('password');
    const county = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/admin/users',
      cookie: admin.cookie,
      body: newUser({ role: 'county' }),
    });
    expect(county.json().error.field).toBe('regionCode');
    const cityAsCounty = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/admin/users',
      cookie: admin.cookie,
      body: newUser({ role: 'county', regionCode: '350500' }),
    });
    expect(cityAsCounty.json().error.field).toBe('regionCode');
    const ent = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/admin/users',
      cookie: admin.cookie,
      body: newUser({ role: 'enterprise' }),
    });
    expect(ent.json().error.field).toBe('orgId');
    const badUsername = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/admin/users',
      cookie: admin.cookie,
      body: newUser({ username: 'A B' }),
    });
    expect(badUsername.statusCode).toBe(400);
    expect(badUsername.json().error.field).toBe('username');
  });

  it('binds an enterprise user to its organisation and clears bindings the role does not use', async () => {
    const admin = await signedIn(ctx, 'sysadmin');
    const org = await createOrg(ctx.database);
    const res = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/admin/users',
      cookie: admin.cookie,
      body: newUser({ role: 'enterprise', orgId: org.id, regionCode: '350582' }),
    });
    expect(res.json()).toMatchObject({ orgId: org.id, orgName: org.name, regionCode: null });
  });

  it('keeps the three administrator roles out of user management (三员分立)', async () => {
    const admin = await signedIn(ctx, 'sysadmin');
    const create = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/admin/users',
      cookie: admin.cookie,
      body: newUser({ role: 'auditadmin' }),
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().error.code).toBe('separation_of_duties');
    const auditor = await createUser(ctx.database, 'auditadmin');
    const reset = await call(ctx.app, {
      method: 'POST',
      url: `/api/v1/admin/users/${auditor.id}/reset-password`,
      cookie: admin.cookie,
      body: { password: 'Taken#Over2026' },
    });
    expect(reset.statusCode).toBe(403);
    const promote = await call(ctx.app, {
      method: 'PATCH',
      url: `/api/v1/admin/users/${admin.user.id}`,
      cookie: admin.cookie,
      body: { role: 'leader' },
    });
    expect(promote.statusCode).toBe(403);
  });

  it('disables (ending sessions), enables, resets and unlocks, each audited', async () => {
    const admin = await signedIn(ctx, 'sysadmin');
    const target = await signedIn(ctx, 'staff');
    const disable = await call(ctx.app, {
      method: 'POST',
      url: `/api/v1/admin/users/${target.user.id}/disable`,
      cookie: admin.cookie,
    });
    expect(disable.json().status).toBe('disabled');
    expect((await call(ctx.app, { url: '/api/v1/auth/me', cookie: target.cookie })).statusCode).toBe(401);
    await call(ctx.app, {
      method: 'POST',
      url: `/api/v1/admin/users/${target.user.id}/enable`,
      cookie: admin.cookie,
    });
    for (let i = 0; i < 5; i++) {
      await call(ctx.app, {
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { username: target.user.username, password: 'bad' },
      });
    }
    const list = await call(ctx.app, {
      url: `/api/v1/admin/users?q=${target.user.username}`,
      cookie: admin.cookie,
    });
    expect(list.json().items[0].lockedUntil).not.toBeNull();
    const unlock = await call(ctx.app, {
      method: 'POST',
      url: `/api/v1/admin/users/${target.user.id}/unlock`,
      cookie: admin.cookie,
    });
    expect(unlock.json().lockedUntil).toBeNull();
    await call(ctx.app, {
      method: 'POST',
      url: `/api/v1/admin/users/${target.user.id}/reset-password`,
      cookie: admin.cookie,
      body: { password: 'Fresh#Start2026' },
    });
    const cookie = await login(ctx.app, target.user.username, 'Fresh#Start2026');
    expect((await call(ctx.app, { url: '/api/v1/auth/me', cookie })).json().mustChangePassword).toBe(true);
    const actions = (
      await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, target.user.id))
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.disable',
        'user.enable',
        'user.unlock',
        'user.reset-password',
        'auth.lockout',
      ]),
    );
  });

  it('lists with filters, rejects an unknown sort, and exports the same list to Excel', async () => {
    const admin = await signedIn(ctx, 'sysadmin');
    const list = await call(ctx.app, {
      url: '/api/v1/admin/users?role=sysadmin&pageSize=5',
      cookie: admin.cookie,
    });
    expect(list.json().items.every((u: { role: string }) => u.role === 'sysadmin')).toBe(true);
    const badSort = await call(ctx.app, {
      url: '/api/v1/admin/users?sort=passwordHash',
      cookie: admin.cookie,
    });
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json().error.field).toBe('sort');
    const res = await call(ctx.app, {
      url: `/api/v1/admin/users/export.xlsx?q=${admin.user.username}`,
      cookie: admin.cookie,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('用户名');
    expect(sheet.getRow(2).getCell(1).value).toBe(admin.user.username);
    expect(sheet.rowCount).toBe(2);
  });

  it('manages departments with a unique code', async () => {
    const admin = await signedIn(ctx, 'sysadmin');
    const code = uniq('d-').slice(0, 20);
    const created = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/admin/departments',
      cookie: admin.cookie,
      body: { code, name: '测试科', nameEn: 'Test Division' },
    });
    expect(created.statusCode).toBe(201);
    const dup = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/admin/departments',
      cookie: admin.cookie,
      body: { code, name: '另一个', nameEn: 'Other' },
    });
    expect(dup.statusCode).toBe(409);
    const renamed = await call(ctx.app, {
      method: 'PATCH',
      url: `/api/v1/admin/departments/${created.json().id}`,
      cookie: admin.cookie,
      body: { name: '改名科' },
    });
    expect(renamed.json().name).toBe('改名科');
  });
});

describeEachDb('admin: roles, policy and sessions', (ctx) => {
  it('edits role permissions and refuses combinations that break 三员分立', async () => {
    const sec = await signedIn(ctx, 'secadmin');
    const roles = await call(ctx.app, { url: '/api/v1/admin/roles', cookie: sec.cookie });
    expect(roles.json().items.find((r: { code: string }) => r.code === 'county').scope).toBe('region');
    const bad = await call(ctx.app, {
      method: 'PATCH',
      url: '/api/v1/admin/roles/leader',
      cookie: sec.cookie,
      body: { permissions: ['registry.read', 'admin.audit'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('separation_of_duties');
    const sysWithBusiness = await call(ctx.app, {
      method: 'PATCH',
      url: '/api/v1/admin/roles/sysadmin',
      cookie: sec.cookie,
      body: { permissions: ['admin.users', 'registry.read'] },
    });
    expect(sysWithBusiness.statusCode).toBe(400);
    const unknown = await call(ctx.app, {
      method: 'PATCH',
      url: '/api/v1/admin/roles/leader',
      cookie: sec.cookie,
      body: { permissions: ['everything'] },
    });
    expect(unknown.statusCode).toBe(400);
    const ok = await call(ctx.app, {
      method: 'PATCH',
      url: '/api/v1/admin/roles/park',
      cookie: sec.cookie,
      body: { permissions: [] },
    });
    expect(ok.json().permissions).toEqual([]);
    const parkUser = await signedIn(ctx, 'park');
    expect(
      (await call(ctx.app, { url: '/api/v1/auth/me', cookie: parkUser.cookie })).json().abilities,
    ).toEqual([]);
    await call(ctx.app, {
      method: 'PATCH',
      url: '/api/v1/admin/roles/park',
      cookie: sec.cookie,
      body: { permissions: ['registry.read'] },
    });
  });

  it('changes the password policy, which then applies', async () => {
    const sec = await signedIn(ctx, 'secadmin');
    const admin = await signedIn(ctx, 'sysadmin');
    const policy = (await call(ctx.app, { url: '/api/v1/admin/security-policy', cookie: sec.cookie })).json();
    expect(policy.passwordMinLength).toBe(10);
    const outOfRange = await call(ctx.app, {
      method: 'PUT',
      url: '/api/v1/admin/security-policy',
      cookie: sec.cookie,
      body: { ...policy, passwordMinLength: 4 },
    });
    expect(outOfRange.json().error.field).toBe('passwordMinLength');
    try {
      await call(ctx.app, {
        method: 'PUT',
        url: '/api/v1/admin/security-policy',
        cookie: sec.cookie,
        body: { ...policy, passwordMinLength: 16 },
      });
      forgetCachedSecurityPolicy();
      const res = await call(ctx.app, {
        method: 'POST',
        url: '/api/v1/admin/users',
        cookie: admin.cookie,
        body: { username: uniq('p.'), displayName: 'x', role: 'staff', password: 'Twelve#Chars1' },
      });
      expect(res.json().error.messages.zh).toContain('16');
    } finally {
      await call(ctx.app, {
        method: 'PUT',
        url: '/api/v1/admin/security-policy',
        cookie: sec.cookie,
        body: policy,
      });
      forgetCachedSecurityPolicy();
    }
  });

  it('lists live sessions and forces one out', async () => {
    const sec = await signedIn(ctx, 'secadmin');
    const victim = await signedIn(ctx, 'leader');
    const list = await call(ctx.app, { url: '/api/v1/admin/sessions', cookie: sec.cookie });
    const row = list.json().items.find((s: { username: string }) => s.username === victim.user.username);
    expect(row).toBeDefined();
    const res = await call(ctx.app, {
      method: 'DELETE',
      url: `/api/v1/admin/sessions/${row.id}`,
      cookie: sec.cookie,
    });
    expect(res.statusCode).toBe(200);
    expect((await call(ctx.app, { url: '/api/v1/auth/me', cookie: victim.cookie })).statusCode).toBe(401);
  });
});
