import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { call, createUser, describeEachDb, signedIn, uniq } from '../../test/harness';
import { API, registerOrg, send } from './review-fixtures';

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
});
