import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { registerOrg, testUscc } from '../../test/factories';
import { call, describeEachDb, signedIn } from '../../test/harness';

describeEachDb('registry: organisations', (ctx) => {
  it('keeps each role to its scope in lists and answers 404 outside it', async () => {
    const staff = await signedIn(ctx, 'staff');
    const tag = randomBytes(4).toString('hex');
    const jj = await registerOrg(ctx, staff.cookie, '350582', {
      name: `晋江${tag}鞋业有限公司`,
      regionCode: '350582',
    });
    const na = await registerOrg(ctx, staff.cookie, '350582', {
      name: `南安${tag}石材有限公司`,
      regionCode: '350583',
    });
    const zone = await registerOrg(ctx, staff.cookie, '350582', {
      name: `开发区${tag}电子有限公司`,
      regionCode: '350500Z1',
    });
    const names = async (cookie: string) =>
      (await call(ctx.app, { url: `/api/v1/registry/orgs?q=${tag}&pageSize=50`, cookie }))
        .json()
        .items.map((o: { id: string }) => o.id)
        .sort();

    expect(await names(staff.cookie)).toEqual([jj.id, na.id, zone.id].sort());
    const jinjiang = await signedIn(ctx, 'county', { regionCode: '350582' });
    expect(await names(jinjiang.cookie)).toEqual([jj.id]);
    const licheng = await signedIn(ctx, 'county', { regionCode: '350502' });
    expect(await names(licheng.cookie)).toEqual([zone.id]);
    const ent = await signedIn(ctx, 'enterprise', { orgId: jj.id });
    expect(await names(ent.cookie)).toEqual([jj.id]);
    expect(
      (await call(ctx.app, { url: `/api/v1/registry/orgs/${na.id}`, cookie: jinjiang.cookie })).statusCode,
    ).toBe(404);
    expect(
      (await call(ctx.app, { url: `/api/v1/registry/orgs/${jj.id}`, cookie: jinjiang.cookie })).statusCode,
    ).toBe(200);
    expect(
      (await call(ctx.app, { url: `/api/v1/registry/orgs/${jj.id}`, cookie: ent.cookie })).statusCode,
    ).toBe(200);
    expect(
      (await call(ctx.app, { url: `/api/v1/registry/orgs/${na.id}`, cookie: ent.cookie })).statusCode,
    ).toBe(404);
    const sys = await signedIn(ctx, 'sysadmin');
    expect((await call(ctx.app, { url: '/api/v1/registry/orgs', cookie: sys.cookie })).statusCode).toBe(403);
  });

  it('names the wrong USCC character and refuses a duplicate', async () => {
    const staff = await signedIn(ctx, 'staff');
    const bad = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/registry/orgs',
      cookie: staff.cookie,
      body: { uscc: '91350100M000100Y4Z', name: '测试公司', kind: 'enterprise', regionCode: '350582' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('uscc');
    expect(bad.json().error.messages.zh).toContain('第18位');
    const org = await registerOrg(ctx, staff.cookie, '350582', { name: '重复测试有限公司' });
    const dup = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/registry/orgs',
      cookie: staff.cookie,
      body: { uscc: org.uscc, name: '另一家', kind: 'enterprise', regionCode: '350582' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('uscc');
  });

  it('lets a county register only in its region, and validates references', async () => {
    const county = await signedIn(ctx, 'county', { regionCode: '350582' });
    const elsewhere = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/registry/orgs',
      cookie: county.cookie,
      body: { uscc: testUscc(), name: '外地公司', kind: 'enterprise', regionCode: '350583' },
    });
    expect(elsewhere.json().error.field).toBe('regionCode');
    const badIndustry = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/registry/orgs',
      cookie: county.cookie,
      body: {
        uscc: testUscc(),
        name: '某公司',
        kind: 'enterprise',
        regionCode: '350582',
        industryCode: '00',
      },
    });
    expect(badIndustry.json().error.field).toBe('industryCode');
  });

  it('lets an enterprise correct only its contacts, recorded for staff to see; a rename keeps history', async () => {
    const staff = await signedIn(ctx, 'staff');
    const org = await registerOrg(ctx, staff.cookie, '350582', { name: '自助更新测试有限公司' });
    const ent = await signedIn(ctx, 'enterprise', { orgId: org.id });
    const ok = await call(ctx.app, {
      method: 'PATCH',
      url: `/api/v1/registry/orgs/${org.id}`,
      cookie: ent.cookie,
      body: { contactPhone: '0595-22223333' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const rename = await call(ctx.app, {
      method: 'PATCH',
      url: `/api/v1/registry/orgs/${org.id}`,
      cookie: ent.cookie,
      body: { name: '改名' },
    });
    expect(rename.statusCode).toBe(403);
    expect(rename.json().error.field).toBe('name');
    await call(ctx.app, {
      method: 'PATCH',
      url: `/api/v1/registry/orgs/${org.id}`,
      cookie: staff.cookie,
      body: { name: '更名后测试有限公司' },
    });
    const detail = (
      await call(ctx.app, { url: `/api/v1/registry/orgs/${org.id}`, cookie: staff.cookie })
    ).json();
    expect(detail.org.name).toBe('更名后测试有限公司');
    expect(detail.formerNames.map((n: { name: string }) => n.name)).toEqual(['自助更新测试有限公司']);
    expect(detail.abilities.edit).toBe('full');
    const changes = (
      await call(ctx.app, { url: `/api/v1/registry/orgs/${org.id}/changes`, cookie: staff.cookie })
    ).json().items;
    expect(changes.map((c: { action: string }) => c.action)).toContain('organization.self-update');
    const other = await signedIn(ctx, 'enterprise');
    expect(
      (
        await call(ctx.app, {
          method: 'PATCH',
          url: `/api/v1/registry/orgs/${org.id}`,
          cookie: other.cookie,
          body: { address: 'x' },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('keeps annual statistics consistent', async () => {
    const staff = await signedIn(ctx, 'staff');
    const org = await registerOrg(ctx, staff.cookie, '350582', { name: '统计测试有限公司' });
    const body = {
      revenue: '1000.50',
      rdExpense: '60',
      staff: 100,
      stStaff: 20,
      hitechRevenue: '700',
      aboveSize: true,
      hasRdActivity: true,
      ownsCoreTech: false,
    };
    const put = await call(ctx.app, {
      method: 'PUT',
      url: `/api/v1/registry/orgs/${org.id}/stats/2016`,
      cookie: staff.cookie,
      body,
    });
    expect(put.json()).toMatchObject({ year: 2016, revenue: '1000.50' });
    const bad = await call(ctx.app, {
      method: 'PUT',
      url: `/api/v1/registry/orgs/${org.id}/stats/2016`,
      cookie: staff.cookie,
      body: { ...body, stStaff: 200 },
    });
    expect(bad.json().error.field).toBe('stStaff');
    const float = await call(ctx.app, {
      method: 'PUT',
      url: `/api/v1/registry/orgs/${org.id}/stats/2016`,
      cookie: staff.cookie,
      body: { ...body, revenue: '1.234' },
    });
    expect(float.json().error.field).toBe('revenue');
    const detail = (
      await call(ctx.app, { url: `/api/v1/registry/orgs/${org.id}`, cookie: staff.cookie })
    ).json();
    expect(detail.stats[0]).toMatchObject({ year: 2016, revenue: '1000.50', rdExpense: '60.00' });
  });

  it('exports the filtered list to Excel', async () => {
    const staff = await signedIn(ctx, 'staff');
    const tag = randomBytes(4).toString('hex');
    await registerOrg(ctx, staff.cookie, '350582', { name: `导出${tag}测试有限公司` });
    const res = await call(ctx.app, {
      url: `/api/v1/registry/orgs/export.xlsx?q=${tag}`,
      cookie: staff.cookie,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(2);
    expect(wb.worksheets[0].getRow(2).getCell(2).value).toBe(`导出${tag}测试有限公司`);
  });
});

describeEachDb('registry: qualifications', (ctx) => {
  it('defaults the end of validity from the type rule and applies it on the boundary', async () => {
    const staff = await signedIn(ctx, 'staff');
    const org = await registerOrg(ctx, staff.cookie, '350582', { name: '高企边界测试有限公司' });
    const serial = String(Math.floor(Math.random() * 900000) + 100000);
    const a = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/registry/qualifications',
      cookie: staff.cookie,
      body: { orgId: org.id, typeCode: 'hte', issuedOn: '2014-01-01', certificateNo: `GR201435${serial}` },
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ validUntil: '2016-12-31', level: 'national' });
    const b = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/registry/qualifications',
      cookie: staff.cookie,
      body: { orgId: org.id, typeCode: 'hte', issuedOn: '2013-12-31' },
    });
    expect(b.json().validUntil).toBe('2016-12-30');
    const on = async (date: string) =>
      (
        await call(ctx.app, {
          url: `/api/v1/registry/qualifications?orgId=${org.id}&status=valid&validOn=${date}`,
          cookie: staff.cookie,
        })
      )
        .json()
        .items.map((q: { issuedOn: string }) => q.issuedOn);
    expect(await on('2016-12-31')).toEqual(['2014-01-01']);
    expect(await on('2016-12-30')).toEqual(['2014-01-01', '2013-12-31']);
    const dup = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/registry/qualifications',
      cookie: staff.cookie,
      body: { orgId: org.id, typeCode: 'hte', issuedOn: '2015-01-01', certificateNo: `GR201435${serial}` },
    });
    expect(dup.statusCode).toBe(409);
    const badCert = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/registry/qualifications',
      cookie: staff.cookie,
      body: { orgId: org.id, typeCode: 'hte', issuedOn: '2015-01-01', certificateNo: 'XX123' },
    });
    expect(badCert.json().error.field).toBe('certificateNo');
    const orgs = await call(ctx.app, {
      url: `/api/v1/registry/orgs?qualification=hte&validOn=2016-12-31&q=高企边界测试`,
      cookie: staff.cookie,
    });
    expect(orgs.json().items.map((o: { id: string }) => o.id)).toContain(org.id);
  });

  it('revokes with a reason, and lists what expires soon', async () => {
    const staff = await signedIn(ctx, 'staff');
    const org = await registerOrg(ctx, staff.cookie, '350582', { name: '到期测试有限公司' });
    const soon = new Date(Date.now() - (3 * 365 - 30) * 86_400_000).toISOString().slice(0, 10);
    const q = (
      await call(ctx.app, {
        method: 'POST',
        url: '/api/v1/registry/qualifications',
        cookie: staff.cookie,
        body: { orgId: org.id, typeCode: 'hte', issuedOn: soon },
      })
    ).json();
    const expiring = await call(ctx.app, {
      url: `/api/v1/registry/qualifications?expiresWithin=90&orgId=${org.id}`,
      cookie: staff.cookie,
    });
    expect(expiring.json().items.map((x: { id: string }) => x.id)).toEqual([q.id]);
    const noReason = await call(ctx.app, {
      method: 'POST',
      url: `/api/v1/registry/qualifications/${q.id}/revoke`,
      cookie: staff.cookie,
      body: { revokedOn: '2026-01-01' },
    });
    expect(noReason.json().error.field).toBe('reason');
    const revoked = await call(ctx.app, {
      method: 'POST',
      url: `/api/v1/registry/qualifications/${q.id}/revoke`,
      cookie: staff.cookie,
      body: { revokedOn: soon, reason: '抽查不合格' },
    });
    expect(revoked.json()).toMatchObject({ revoked: true, valid: false });
    const county = await signedIn(ctx, 'county', { regionCode: '350583' });
    const foreign = await call(ctx.app, {
      method: 'PATCH',
      url: `/api/v1/registry/qualifications/${q.id}`,
      cookie: county.cookie,
      body: { batch: 'x' },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('lists the cultivation pool with the failing criterion named', async () => {
    const staff = await signedIn(ctx, 'staff');
    const tag = randomBytes(3).toString('hex');
    const near = await registerOrg(ctx, staff.cookie, '350582', { name: `培育${tag}接近有限公司` });
    const far = await registerOrg(ctx, staff.cookie, '350582', { name: `培育${tag}较远有限公司` });
    const stats = (rd: string) => ({
      revenue: '4000',
      rdExpense: rd,
      staff: 100,
      stStaff: 15,
      hitechRevenue: '2800',
      aboveSize: true,
      hasRdActivity: true,
      ownsCoreTech: false,
    });
    await call(ctx.app, {
      method: 'PUT',
      url: `/api/v1/registry/orgs/${near.id}/stats/2031`,
      cookie: staff.cookie,
      body: stats('170'),
    });
    await call(ctx.app, {
      method: 'PUT',
      url: `/api/v1/registry/orgs/${far.id}/stats/2031`,
      cookie: staff.cookie,
      body: stats('40'),
    });
    const res = await call(ctx.app, {
      url: '/api/v1/registry/cultivation?year=2031&margin=1',
      cookie: staff.cookie,
    });
    const ids = res.json().items.map((x: { orgId: string }) => x.orgId);
    expect(ids).toContain(near.id);
    expect(ids).not.toContain(far.id);
    const row = res.json().items.find((x: { orgId: string }) => x.orgId === near.id);
    expect(row.failing).toEqual(['rd_intensity']);
    expect(row.status).toBe('near');
    expect(row.id).toBe(near.id);

    // The spreadsheet twin holds the same pool, with the year and what falls short named.
    const exp = await call(ctx.app, {
      url: '/api/v1/registry/cultivation/export.xlsx?year=2031&margin=1',
      cookie: staff.cookie,
    });
    expect(exp.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exp.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().slice(2) as unknown[][];
    const mine = rows.filter((r) => String(r[3]).startsWith(`培育${tag}`));
    expect(mine.map((r) => [r[1], r[3], r[11]])).toEqual([
      [2031, `培育${tag}接近有限公司`, '研发费用占营业收入比例'],
    ]);
  });
});
