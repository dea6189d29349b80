import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { makeUscc } from '../../../domain/identifiers';
import { call, describeEachDb, signedIn, type TestContext } from '../../test/harness';

function freshUscc(region = '350582') {
  const base = randomBytes(4)
    .toString('hex')
    .toUpperCase()
    .replace(/[IOSVZ]/g, '2')
    .slice(0, 8);
  return makeUscc('9', '1', region, base);
}

async function createOrgViaApi(ctx: TestContext, cookie: string, body: Record<string, unknown>) {
  const res = await call(ctx.app, {
    method: 'POST',
    url: '/api/v1/registry/orgs',
    cookie,
    body: { uscc: freshUscc(), kind: 'enterprise', regionCode: '350582', ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describeEachDb('registry: organisations', (ctx) => {
  it('keeps each role to its scope in lists and answers 404 outside it', async () => {
    const staff = await signedIn(ctx, 'staff');
    const tag = randomBytes(4).toString('hex');
    const jj = await createOrgViaApi(ctx, staff.cookie, {
      name: `晋江${tag}鞋业有限公司`,
      regionCode: '350582',
    });
    const na = await createOrgViaApi(ctx, staff.cookie, {
      name: `南安${tag}石材有限公司`,
      regionCode: '350583',
    });
    const zone = await createOrgViaApi(ctx, staff.cookie, {
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

  it('finds organisations by Chinese keywords, region words, fragments and USCC', async () => {
    const staff = await signedIn(ctx, 'staff');
    const tag = randomBytes(3).toString('hex');
    const graphene = await createOrgViaApi(ctx, staff.cookie, {
      name: `泉州${tag}石墨烯新材料有限公司`,
      regionCode: '350503',
      industryCode: '30',
    });
    const shoes = await createOrgViaApi(ctx, staff.cookie, {
      name: `福建${tag}运动鞋服股份有限公司`,
      regionCode: '350582',
      industryCode: '19',
    });
    const search = async (q: string) =>
      (
        await call(ctx.app, {
          url: `/api/v1/registry/orgs?q=${encodeURIComponent(q)}&pageSize=100`,
          cookie: staff.cookie,
        })
      )
        .json()
        .items.map((o: { id: string }) => o.id);
    expect(await search(`石墨烯 ${tag}`)).toEqual([graphene.id]);
    expect(await search(`晋江 鞋 ${tag}`)).toEqual([shoes.id]);
    expect(await search(`运动鞋服 ${tag}`)).toEqual([shoes.id]);
    expect(await search(`丰泽 ${tag}`)).toEqual([graphene.id]);
    expect(await search(graphene.uscc)).toEqual([graphene.id]);
    expect((await search('石墨烯'))[0]).toBeDefined();
  });

  it('ranks whole-name and in-county matches first and counts a broad search only up to its cap', async () => {
    const staff = await signedIn(ctx, 'staff');
    const tag = randomBytes(3).toString('hex');
    const get = async (query: string) =>
      (await call(ctx.app, { url: `/api/v1/registry/orgs?${query}`, cookie: staff.cookie })).json();
    const ids = async (q: string) =>
      (await get(`q=${encodeURIComponent(q)}&pageSize=100`)).items.map((o: { id: string }) => o.id);
    // All three hold 石, 墨 and 烯; only one name holds 石墨烯 itself, and it comes first.
    const scattered = await createOrgViaApi(ctx, staff.cookie, {
      name: `${tag}石材墨业烯料有限公司`,
      regionCode: '350503',
    });
    const whole = await createOrgViaApi(ctx, staff.cookie, {
      name: `${tag}石墨烯有限公司`,
      regionCode: '350505',
    });
    const elsewhere = await createOrgViaApi(ctx, staff.cookie, {
      name: `${tag}石墨烯新材料科技研究开发有限公司`,
      regionCode: '350583',
      address: '南安市晋江路8号',
    });
    expect(await ids(`${tag} 石墨烯`)).toEqual([whole.id, elsewhere.id, scattered.id]);
    // 晋江 names the county: its organisations come before one whose address only mentions it.
    const inCounty = await createOrgViaApi(ctx, staff.cookie, {
      name: `${tag}石墨烯新材料科技研究开发股份有限公司`,
      regionCode: '350582',
    });
    expect(await ids(`晋江 石墨烯 ${tag}`)).toEqual([inCounty.id, elsewhere.id]);
    // A fragment of a name and the USCC find it too.
    expect((await ids(`${tag}石墨`))[0]).toBe(whole.id);
    expect(await ids(whole.uscc)).toEqual([whole.id]);
    // A model number the database's own text parser would split (01e9 as a number) is one word.
    const model = await createOrgViaApi(ctx, staff.cookie, { name: `${tag}型号01e9aa电子有限公司` });
    expect(await ids(`01e9aa ${tag}`)).toEqual([model.id]);

    const broad = randomBytes(3).toString('hex');
    await ctx.database.db.execute(
      sql.raw(`insert into organizations (uscc, name, kind, region_code, search_text)
        select '9135' || upper('${broad}') || lpad(n::text, 8, '0'), '${broad}批量' || n || '有限公司',
          'enterprise', '350582', '${broad} 批量 ' || n
        from generate_series(1, 2001) n`),
    );
    const first = await get(`q=${broad}`);
    expect(first).toMatchObject({ total: 2000, totalCapped: true });
    expect(first.items).toHaveLength(20);
    // Past the ranked matches, and in a chosen order, the count stays capped.
    expect(await get(`q=${broad}&page=101`)).toMatchObject({ items: [], total: 2000, totalCapped: true });
    expect(await get(`q=${broad}&sort=name&pageSize=1`)).toMatchObject({ total: 2000, totalCapped: true });
    expect(await get(`q=${broad} 1999`)).toMatchObject({ total: 1, totalCapped: false });
    // Lists without keywords count exactly.
    expect((await get(`regionCode=350582&pageSize=1`)).totalCapped).toBe(false);
  });

  it('estimates the total of a list past 10,000 matches, says so, and still pages exactly', async () => {
    const staff = await signedIn(ctx, 'staff');
    const tag = randomBytes(4).toString('hex').toUpperCase();
    await ctx.database.db.execute(
      sql.raw(`insert into organizations (uscc, name, kind, region_code, search_text, founded_on)
        select '9135' || '${tag}' || lpad(n::text, 6, '0'), '估算${tag}' || lpad(n::text, 5, '0') || '有限公司',
          'financial_institution', '350521', '估算', date '2000-01-01' + n
        from generate_series(1, 10001) n`),
    );
    await ctx.database.db.execute(sql`analyze organizations`);
    const get = async (query: string) => {
      const res = await call(ctx.app, { url: `/api/v1/registry/orgs?${query}`, cookie: staff.cookie });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const many = await get('regionCode=350521&kind=financial_institution&sort=-foundedOn&page=3');
    expect(many.totalIsEstimate).toBe(true);
    expect(many.totalCapped).toBe(false);
    expect(many.total).toBeGreaterThan(10_000);
    // The page is exact however the total was found: the 41st to 60th newest.
    expect(many.items.map((o: { name: string }) => o.name)).toEqual(
      Array.from({ length: 20 }, (_, i) => `估算${tag}${String(10001 - 40 - i).padStart(5, '0')}有限公司`),
    );
    const few = await get(`regionCode=350521&kind=financial_institution&q=9135${tag}000001`);
    expect(few).toMatchObject({ total: 1, totalIsEstimate: false });
    await ctx.database.db.execute(sql.raw(`delete from organizations where uscc like '9135${tag}%'`));
  });

  it('puts a name holding the whole keyword first even behind thousands holding its characters apart', async () => {
    const staff = await signedIn(ctx, 'staff');
    const tag = randomBytes(3).toString('hex');
    await ctx.database.db.execute(
      sql.raw(`insert into organizations (uscc, name, kind, region_code, search_text)
        select '9135' || upper('${tag}') || lpad(n::text, 8, '0'), '${tag}华安航运' || n || '有限公司',
          'enterprise', '350582', '${tag} 华 安 航 运 ' || n
        from generate_series(1, 2001) n`),
    );
    const whole = await createOrgViaApi(ctx, staff.cookie, { name: `${tag}华航精密机械有限公司` });
    const res = await call(ctx.app, {
      url: `/api/v1/registry/orgs?q=${encodeURIComponent(`${tag} 华航`)}&pageSize=5`,
      cookie: staff.cookie,
    });
    expect(res.json().items[0].id).toBe(whole.id);
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
    const org = await createOrgViaApi(ctx, staff.cookie, { name: '重复测试有限公司' });
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
      body: { uscc: freshUscc(), name: '外地公司', kind: 'enterprise', regionCode: '350583' },
    });
    expect(elsewhere.json().error.field).toBe('regionCode');
    const badIndustry = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/registry/orgs',
      cookie: county.cookie,
      body: {
        uscc: freshUscc(),
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
    const org = await createOrgViaApi(ctx, staff.cookie, { name: '自助更新测试有限公司' });
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
    const org = await createOrgViaApi(ctx, staff.cookie, { name: '统计测试有限公司' });
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
    await createOrgViaApi(ctx, staff.cookie, { name: `导出${tag}测试有限公司` });
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
    const org = await createOrgViaApi(ctx, staff.cookie, { name: '高企边界测试有限公司' });
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
    const org = await createOrgViaApi(ctx, staff.cookie, { name: '到期测试有限公司' });
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
    const near = await createOrgViaApi(ctx, staff.cookie, { name: `培育${tag}接近有限公司` });
    const far = await createOrgViaApi(ctx, staff.cookie, { name: `培育${tag}较远有限公司` });
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
