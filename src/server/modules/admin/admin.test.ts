import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { forgetCachedSecurityPolicy } from '../../platform/security-policy';
import { exportJobRows, sheetRows } from '../../test/exports';
import { call, createOrg, createUser, describeEachDb, login, signedIn, uniq } from '../../test/harness';

describeEachDb('admin: users', (ctx) => {
  const newUser = (extra: Record<string, unknown> = {}) => ({
    username: uniq('u.'),
    displayName: '测试用户',
    ...extra,
  });
  const create = (cookie: string, body: Record<string, unknown>) =>
    call(ctx.app, { method: 'POST', url: '/api/v1/admin/users', cookie, body });
  const grant = (cookie: string, id: string, role: string) =>
    call(ctx.app, { method: 'PUT', url: `/api/v1/admin/role-grants/${id}`, cookie, body: { role } });

  it('sysadmin creates an account with no role and a random first password; secadmin grants the role', async () => {
    const admin = await signedIn(ctx, 'sysadmin');
    const sec = await signedIn(ctx, 'secadmin');
    const body = newUser();
    const res = await create(admin.cookie, body);
    expect(res.statusCode).toBe(201);
    const { id, initialPassword, ...user } = res.json();
    expect(user).toMatchObject({ username: body.username, role: null, status: 'active' });
    expect(user.createdBy).toBe(admin.user.username);
    expect(initialPassword).toMatch(/^.{18,}$/);
    // No role yet: the password is right but the account cannot sign in.
    const early = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { username: body.username, password: initialPassword },
    });
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('no_role');
    // A role given at creation is refused as an unknown field: sysadmin cannot give one.
    expect((await create(admin.cookie, newUser({ role: 'leader' }))).statusCode).toBe(400);
    expect((await grant(admin.cookie, id, 'leader')).statusCode).toBe(403);

    const granted = await grant(sec.cookie, id, 'staff');
    expect(granted.statusCode).toBe(200);
    expect(granted.json().role).toBe('staff');
    const cookie = await login(ctx.app, body.username, initialPassword);
    const me = await call(ctx.app, { url: '/api/v1/auth/me', cookie });
    expect(me.json()).toMatchObject({ role: 'staff', mustChangePassword: true });
    expect((await call(ctx.app, { url: '/api/v1/projects/calls', cookie })).json().error.code).toBe(
      'password_change_required',
    );

    const entries = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    const created = entries.find((e) => e.action === 'user.create')!;
    expect(JSON.stringify(created.after)).not.toMatch(/argon2|passwordHash|totpSecret/);
    expect(created.actorUsername).toBe(admin.user.username);
    const grantEntry = entries.find((e) => e.action === 'user.grant-role')!;
    expect(grantEntry.actorUsername).toBe(sec.user.username);
    expect(grantEntry.before).toMatchObject({ role: null });
    expect(grantEntry.after).toMatchObject({
      role: 'staff',
      grantedBy: sec.user.username,
      createdBy: admin.user.username,
    });
  });

  it('names the field for a taken username and for a binding the granted role needs', async () => {
    const admin = await signedIn(ctx, 'sysadmin');
    const sec = await signedIn(ctx, 'secadmin');
    const taken = await create(admin.cookie, newUser({ username: admin.user.username }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.field).toBe('username');
    const badUsername = await create(admin.cookie, newUser({ username: 'A B' }));
    expect(badUsername.statusCode).toBe(400);
    expect(badUsername.json().error.field).toBe('username');
    const cityAsCounty = await create(admin.cookie, newUser({ regionCode: '350500' }));
    expect(cityAsCounty.json().error.field).toBe('regionCode');
    const plain = (await create(admin.cookie, newUser())).json();
    expect((await grant(sec.cookie, plain.id, 'county')).json().error.field).toBe('regionCode');
    expect((await grant(sec.cookie, plain.id, 'enterprise')).json().error.field).toBe('orgId');
  });

  it('binds an enterprise account to its organisation and clears bindings the role does not use', async () => {
    const admin = await signedIn(ctx, 'sysadmin');
    const sec = await signedIn(ctx, 'secadmin');
    const org = await createOrg(ctx.database);
    const res = await create(admin.cookie, newUser({ orgId: org.id, regionCode: '350582' }));
    expect(res.json()).toMatchObject({ orgId: org.id, orgName: org.name, regionCode: '350582', role: null });
    const granted = await grant(sec.cookie, res.json().id, 'enterprise');
    expect(granted.json()).toMatchObject({ role: 'enterprise', orgId: org.id, regionCode: null });
    // The look-up sysadmin binds with answers names and codes, nothing of the record.
    const lookup = await call(ctx.app, {
      url: `/api/v1/reference/orgs?q=${encodeURIComponent(org.name)}`,
      cookie: admin.cookie,
    });
    expect(lookup.json().items).toEqual([{ id: org.id, name: org.name, uscc: org.uscc }]);
  });

  it('keeps the three administrator roles out of user management and role grants (三员分立)', async () => {
    const admin = await signedIn(ctx, 'sysadmin');
    const sec = await signedIn(ctx, 'secadmin');
    const plain = (await create(admin.cookie, newUser())).json();
    const toAdmin = await grant(sec.cookie, plain.id, 'auditadmin');
    expect(toAdmin.statusCode).toBe(403);
    expect(toAdmin.json().error.code).toBe('separation_of_duties');
    const auditor = await createUser(ctx.database, 'auditadmin');
    const reset = await call(ctx.app, {
      method: 'POST',
      url: `/api/v1/admin/users/${auditor.id}/reset-password`,
      cookie: admin.cookie,
    });
    expect(reset.statusCode).toBe(403);
    expect((await grant(sec.cookie, auditor.id, 'leader')).statusCode).toBe(403);
    expect((await grant(sec.cookie, sec.user.id, 'leader')).statusCode).toBe(403);
    const promote = await call(ctx.app, {
      method: 'PATCH',
      url: `/api/v1/admin/users/${admin.user.id}`,
      cookie: admin.cookie,
      body: { role: 'leader' },
    });
    expect(promote.statusCode).toBe(400);
    // Neither administrator reads business data, not even as an empty list.
    for (const cookie of [admin.cookie, sec.cookie]) {
      expect((await call(ctx.app, { url: '/api/v1/registry/orgs', cookie })).statusCode).toBe(403);
      expect((await call(ctx.app, { url: '/api/v1/projects/reviews', cookie })).statusCode).toBe(403);
    }
  });

  it('lets secadmin reset a lost authenticator, audited', async () => {
    const sec = await signedIn(ctx, 'secadmin');
    const target = await signedIn(ctx, 'staff');
    const res = await call(ctx.app, {
      method: 'POST',
      url: `/api/v1/admin/users/${target.user.id}/reset-second-factor`,
      cookie: sec.cookie,
    });
    expect(res.statusCode).toBe(200);
    expect((await call(ctx.app, { url: '/api/v1/auth/me', cookie: target.cookie })).statusCode).toBe(401);
    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, target.user.id), eq(auditLog.action, 'user.reset-second-factor')));
    expect(entry.actorUsername).toBe(sec.user.username);
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
    const reset = await call(ctx.app, {
      method: 'POST',
      url: `/api/v1/admin/users/${target.user.id}/reset-password`,
      cookie: admin.cookie,
    });
    const cookie = await login(ctx.app, target.user.username, reset.json().initialPassword);
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
    const user = await signedIn(ctx, 'staff');
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
        url: '/api/v1/auth/password',
        cookie: user.cookie,
        body: { currentPassword: user.user.password, newPassword: 'Twelve#Chars1' },
      });
      expect(res.json().error.field).toBe('newPassword');
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
    const list = await call(ctx.app, { url: '/api/v1/admin/sessions?pageSize=100', cookie: sec.cookie });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBeGreaterThanOrEqual(2);
    const row = list.json().items.find((s: { username: string }) => s.username === victim.user.username);
    expect(row).toMatchObject({ role: 'leader', id: expect.stringMatching(/^[0-9a-f]{16}$/) });
    // The spreadsheet says the role in Chinese and the times in China time; so does the background export.
    const xlsx = await call(ctx.app, { url: '/api/v1/admin/sessions/export.xlsx', cookie: sec.cookie });
    expect(xlsx.statusCode).toBe(200);
    const rows = await sheetRows(xlsx.rawPayload);
    expect(rows[0]).toEqual(['用户名', '角色', 'IP', '登录时间（北京时间）', '最近活动（北京时间）']);
    const mine = rows.find((r) => r[0] === victim.user.username);
    expect(mine?.[1]).toBe('局领导');
    expect(String(mine?.[3])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(UTC\+8\)$/);
    const job = await exportJobRows(ctx, sec.cookie, '/api/v1/admin/sessions');
    expect(job.rows.find((r) => r[0] === victim.user.username)?.[1]).toBe('局领导');
    expect((await call(ctx.app, { url: '/api/v1/admin/sessions', cookie: victim.cookie })).statusCode).toBe(
      403,
    );
    const res = await call(ctx.app, {
      method: 'DELETE',
      url: `/api/v1/admin/sessions/${row.id}`,
      cookie: sec.cookie,
    });
    expect(res.statusCode).toBe(200);
    expect((await call(ctx.app, { url: '/api/v1/auth/me', cookie: victim.cookie })).statusCode).toBe(401);
  });
});
