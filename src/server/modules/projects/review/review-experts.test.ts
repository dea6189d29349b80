import { and, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { auditLog, users } from '../../../db/schema';
import { call, createUser, describeEachDb, login, signedIn, uniq } from '../../../test/harness';
import { API, registerOrg, send } from '../../../test/review-fixtures';

const F = 'advanced-manufacturing';

describeEachDb('projects: the expert pool', (ctx) => {
  let staff: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    staff = await signedIn(ctx, 'staff');
  });

  it('keeps experts with their employer, fields, account and conflicts of interest', async () => {
    const [employer, former] = [await registerOrg(ctx, staff.cookie), await registerOrg(ctx, staff.cookie)];
    const account = await createUser(ctx.database, 'expert');
    const name = uniq('王专家');
    const created = await send(ctx, staff.cookie, 'POST', '/experts', {
      name,
      orgId: employer.id,
      title: '研究员',
      fields: [F, 'new-materials'],
      userId: account.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const expert = created.json();
    expect(expert).toMatchObject({
      orgName: employer.name,
      username: account.username,
      active: true,
      load: 0,
    });

    const added = await send(ctx, staff.cookie, 'POST', `/experts/${expert.id}/conflicts`, {
      orgId: former.id,
      reason: 'employment',
      endedOn: '2024-06-30',
    });
    expect(added.statusCode, added.body).toBe(201);
    const [conflict] = added.json().conflicts;
    expect(conflict).toMatchObject({
      orgId: former.id,
      orgName: former.name,
      reason: 'employment',
      endedOn: '2024-06-30',
    });

    const found = await send(ctx, staff.cookie, 'GET', `/experts?q=${encodeURIComponent(name)}&field=${F}`);
    expect(found.json()).toMatchObject({
      total: 1,
      items: [{ id: expert.id, conflicts: [{ id: conflict.id }] }],
    });
    const xlsx = await call(ctx.app, {
      url: `${API}/experts/export.xlsx?q=${encodeURIComponent(name)}`,
      cookie: staff.cookie,
    });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(2).getCell(1).value).toBe(name);
    expect(String(sheet.getRow(2).getCell(4).value)).toContain('先进制造与自动化');
    expect(String(sheet.getRow(2).getCell(8).value)).toContain(former.name);

    const patched = await send(ctx, staff.cookie, 'PATCH', `/experts/${expert.id}`, {
      active: false,
      title: '教授',
    });
    expect(patched.json()).toMatchObject({ active: false, title: '教授' });
    const removed = await send(ctx, staff.cookie, 'DELETE', `/experts/${expert.id}/conflicts/${conflict.id}`);
    expect(removed.json().conflicts).toEqual([]);
    expect(
      (await send(ctx, staff.cookie, 'DELETE', `/experts/${expert.id}/conflicts/${conflict.id}`)).statusCode,
    ).toBe(404);

    // One account, one expert.
    const twice = await send(ctx, staff.cookie, 'POST', '/experts', {
      name: uniq('李专家'),
      fields: [F],
      userId: account.id,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.field).toBe('userId');
  });

  it('refuses what the registry and the code lists do not know, and anyone but staff', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ fields: ['no-such-field'] }, 'fields'],
      [{ fields: [] }, 'fields'],
      [{ orgId: '00000000-0000-4000-8000-000000000000' }, 'orgId'],
      [{ userId: (await createUser(ctx.database, 'enterprise')).id }, 'userId'],
      [{ name: '王' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await send(ctx, staff.cookie, 'POST', '/experts', {
        name: uniq('专家'),
        fields: [F],
        ...body,
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    const expert = (
      await send(ctx, staff.cookie, 'POST', '/experts', { name: uniq('专家'), fields: [F], active: false })
    ).json();
    const badReason = await send(ctx, staff.cookie, 'POST', `/experts/${expert.id}/conflicts`, {
      orgId: expert.id,
      reason: 'friendship',
    });
    expect(badReason.json().error.field).toBe('reason');

    const reviewer = await signedIn(ctx, 'expert');
    expect((await send(ctx, reviewer.cookie, 'GET', '/experts')).statusCode).toBe(403);
    expect((await send(ctx, reviewer.cookie, 'POST', `/calls/${expert.id}/draw`)).statusCode).toBe(403);
    expect((await call(ctx.app, { url: `${API}/experts` })).statusCode).toBe(401);
    expect((await send(ctx, staff.cookie, 'POST', `/calls/${expert.id}/draw`)).statusCode).toBe(404);
  });

  it('links an expert to an expert account, and unlinks it, audited, so the account sees the reviews', async () => {
    const account = await createUser(ctx.database, 'expert');
    const listed = await send(ctx, staff.cookie, 'GET', '/experts/accounts');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items).toContainEqual(
      expect.objectContaining({ id: account.id, username: account.username, expertId: null, active: true }),
    );
    // Only expert accounts are offered.
    const other = await createUser(ctx.database, 'county');
    expect(listed.json().items.some((a: { id: string }) => a.id === other.id)).toBe(false);

    const expert = (
      await send(ctx, staff.cookie, 'POST', '/experts', { name: uniq('郑专家'), fields: [F] })
    ).json();
    expect(expert.userId).toBeNull();
    const linked = await send(ctx, staff.cookie, 'PATCH', `/experts/${expert.id}`, { userId: account.id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ userId: account.id, username: account.username });
    const after = (await send(ctx, staff.cookie, 'GET', '/experts/accounts')).json();
    expect(after.items).toContainEqual(
      expect.objectContaining({ id: account.id, expertId: expert.id, expertName: expert.name }),
    );
    const audit = async (action: string) =>
      (
        await ctx.database.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, action), eq(auditLog.targetId, expert.id)))
          .orderBy(desc(auditLog.id))
          .limit(1)
      )[0];
    expect(await audit('expert.account.link')).toMatchObject({
      before: { userId: null, username: null },
      after: { userId: account.id, username: account.username },
    });

    // The account now reaches its own (empty) queue.
    const reviewer = await login(ctx.app, account.username);
    expect((await send(ctx, reviewer, 'GET', '/reviews')).json()).toMatchObject({ total: 0 });

    const unlinked = await send(ctx, staff.cookie, 'PATCH', `/experts/${expert.id}`, { userId: null });
    expect(unlinked.json()).toMatchObject({ userId: null, username: null });
    expect(await audit('expert.account.unlink')).toMatchObject({
      before: { userId: account.id, username: account.username },
      after: { userId: null, username: null },
    });
    // Free again: another expert may take it.
    const second = await send(ctx, staff.cookie, 'POST', '/experts', {
      name: uniq('黄专家'),
      fields: [F],
      userId: account.id,
    });
    expect(second.statusCode, second.body).toBe(201);
  });

  it('refuses to link a missing, disabled, non-expert or already linked account, saying why', async () => {
    const expert = (
      await send(ctx, staff.cookie, 'POST', '/experts', { name: uniq('蔡专家'), fields: [F] })
    ).json();
    const link = (userId: string, cookie = staff.cookie) =>
      send(ctx, cookie, 'PATCH', `/experts/${expert.id}`, { userId });

    const missing = await link('00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({
      field: 'userId',
      messages: { zh: '关联的账号不存在', en: 'No such account' },
    });

    const county = await createUser(ctx.database, 'county');
    const notExpert = await link(county.id);
    expect(notExpert.statusCode).toBe(400);
    expect(notExpert.json().error.field).toBe('userId');
    expect(notExpert.json().error.messages.zh).toContain('不是评审专家账号');

    const disabled = await createUser(ctx.database, 'expert');
    await ctx.database.db.update(users).set({ status: 'disabled' }).where(eq(users.id, disabled.id));
    const off = await link(disabled.id);
    expect(off.statusCode).toBe(400);
    expect(off.json().error.messages.zh).toContain('已停用');

    const taken = await createUser(ctx.database, 'expert');
    const holder = (
      await send(ctx, staff.cookie, 'POST', '/experts', {
        name: uniq('许专家'),
        fields: [F],
        userId: taken.id,
      })
    ).json();
    const twice = await link(taken.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.field).toBe('userId');
    expect(twice.json().error.messages.zh).toContain(holder.name);
    expect(twice.json().error.messages.en).toContain(holder.name);
    // Saving the holder with its own account again is no conflict.
    expect(
      (await send(ctx, staff.cookie, 'PATCH', `/experts/${holder.id}`, { userId: taken.id })).statusCode,
    ).toBe(200);

    // Only staff link accounts, and only staff see the accounts.
    const reviewer = await signedIn(ctx, 'expert');
    expect((await link(reviewer.user.id, reviewer.cookie)).statusCode).toBe(403);
    expect((await send(ctx, reviewer.cookie, 'GET', '/experts/accounts')).statusCode).toBe(403);
    expect((await call(ctx.app, { url: `${API}/experts/accounts` })).statusCode).toBe(401);
  });
});
