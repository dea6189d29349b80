import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import type { RoleCode } from '../../../domain/roles';
import { auditLog, carrierAnnual } from '../../db/schema';
import { testUscc } from '../../test/factories';
import { call, describeEachDb, signedIn, type TestContext } from '../../test/harness';

/** A signed-in user's view of /api/v1/registry: status, body, the field an error names. */
async function client(ctx: TestContext, role: RoleCode, opts: Parameters<typeof signedIn>[2] = {}) {
  const { cookie } = await signedIn(ctx, role, opts);
  const send = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown) => {
    const res = await call(ctx.app, { method, url: `/api/v1/registry${url}`, cookie, body });
    const json = () => res.json();
    return {
      status: res.statusCode,
      text: res.body,
      raw: res.rawPayload,
      json,
      field: () => json().error?.field,
    };
  };
  const c = {
    get: (url: string) => send('GET', url),
    post: (url: string, body: unknown) => send('POST', url, body),
    patch: (url: string, body: unknown) => send('PATCH', url, body),
    put: (url: string, body: unknown) => send('PUT', url, body),
    async create(url: string, body: unknown): Promise<{ id: string; name: string; regionCode: string }> {
      const res = await send('POST', url, body);
      expect(res.status, res.text).toBe(201);
      return res.json();
    },
    org: (name: string, regionCode: string) =>
      c.create('/orgs', { uscc: testUscc(), name, kind: 'enterprise', regionCode }),
    async ids(url: string) {
      const res = await send('GET', url);
      expect(res.status, res.text).toBe(200);
      return (res.json().items as { id: string }[]).map((x) => x.id).sort();
    },
    /** The export's rows, header first. */
    async xlsx(url: string) {
      const res = await send('GET', url);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      wb.worksheets[0].eachRow((row) => {
        rows.push((row.values as unknown[]).slice(1));
      });
      return rows;
    },
  };
  return c;
}

async function auditOf(ctx: TestContext, targetId: string) {
  const rows = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, targetId));
  return rows.sort((a, b) => Number(a.id - b.id));
}

const sorted = (...ids: string[]) => ids.sort();

describeEachDb('registry: R&D platforms, incubation carriers and parks', (ctx) => {
  it('creates, filters on the activeOn boundary, refuses duplicates and bad fields, and audits', async () => {
    const staff = await client(ctx, 'staff');
    const tag = randomBytes(4).toString('hex');
    const host = await staff.org(`晋江${tag}机械有限公司`, '350582');
    const zoneHost = await staff.org(`开发区${tag}电子有限公司`, '350500Z1');
    const body = {
      ...{ hostOrgId: host.id, kind: 'muni_eng_center', level: 'municipal', recognizedOn: '2014-05-01' },
    };
    const a = await staff.create('/platforms', { ...body, name: `${tag}工程中心` });
    expect(a).toMatchObject({ regionCode: '350582', hostOrgName: host.name, status: 'active' });
    const b = await staff.create('/platforms', {
      ...{ ...body, hostOrgId: zoneHost.id, kind: 'prov_key_lab', level: 'provincial' },
      ...{ name: `${tag}重点实验室`, recognizedOn: '2016-01-10' },
    });
    expect(b.regionCode).toBe('350500Z1');

    const dup = await staff.post('/platforms', { ...body, name: `${tag}工程中心` });
    expect([dup.status, dup.field()]).toEqual([409, 'name']);
    const moved = await staff.patch(`/platforms/${b.id}`, { hostOrgId: host.id, name: a.name });
    expect([moved.status, moved.field()]).toEqual([409, 'name']);
    for (const [change, field] of [
      [{ kind: 'lab' }, 'kind'],
      [{ recognizedOn: '2014-13-01' }, 'recognizedOn'],
      [{ name: undefined }, 'name'],
      [{ hostOrgId: '00000000-0000-4000-8000-000000000000' }, 'hostOrgId'],
      [{ color: 'red' }, 'color'],
    ] as const) {
      const res = await staff.post('/platforms', { ...body, name: `${tag}x`, ...change });
      expect([res.status, res.field()], res.text).toEqual([400, field]);
      expect(res.json().error.messages.zh).toBeTruthy();
    }

    const end = (endedOn: string, status = 'revoked') =>
      staff.post(`/platforms/${a.id}/end`, { status, endedOn, reason: '复核不合格' });
    expect((await end('2014-04-30')).field()).toBe('endedOn');
    expect((await end('2016-06-30')).json()).toMatchObject({ status: 'revoked', endedOn: '2016-06-30' });
    expect((await end('2016-07-30', 'closed')).status).toBe(409);

    // ended_on is the first day it no longer counts: active on 06-29, not on 06-30.
    const list = (query: string) => staff.ids(`/platforms?q=${tag}&${query}`);
    expect(await list('activeOn=2016-06-29')).toEqual(sorted(a.id, b.id));
    expect(await list('activeOn=2016-06-30')).toEqual([b.id]);
    expect(await list('activeOn=2014-04-30')).toEqual([]);
    expect(await list('status=revoked')).toEqual([a.id]);
    expect(await list('kind=prov_key_lab&level=provincial')).toEqual([b.id]);
    expect(await list(`hostOrgId=${host.id}`)).toEqual([a.id]);
    expect(await list('regionCode=350502')).toEqual([b.id]);
    expect(await list('regionCode=350500')).toEqual(sorted(a.id, b.id));
    expect(await staff.ids(`/platforms?q=${encodeURIComponent(`晋江${tag}`)}`)).toEqual([a.id]);
    const page = (await staff.get(`/platforms?q=${tag}&sort=-recognizedOn`)).json();
    expect(page).toMatchObject({ total: 2, items: [{ id: b.id }, { id: a.id }] });
    expect((await staff.get('/platforms?sort=color')).field()).toBe('sort');
    expect((await staff.get('/platforms?activeOn=2016-02-30')).field()).toBe('activeOn');

    const audit = await auditOf(ctx, a.id);
    expect(audit.map((x) => x.action)).toEqual(['platform.create', 'platform.end']);
    expect(audit[1].before).toMatchObject({ status: 'active', endedOn: null });
    expect(audit[1].after).toMatchObject({ status: 'revoked', endedOn: '2016-06-30', reason: '复核不合格' });

    const rows = await staff.xlsx(`/platforms/export.xlsx?q=${tag}&status=active`);
    expect(rows[0].slice(0, 4)).toEqual(['平台名称', '平台类型', '级别', '依托单位']);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      [`${tag}重点实验室`, '省级企业重点实验室', '省级'],
    ]);
  });

  it('keeps county and enterprise users to their scope', async () => {
    const staff = await client(ctx, 'staff');
    const tag = randomBytes(4).toString('hex');
    const jj = await staff.org(`晋江${tag}科技有限公司`, '350582');
    const na = await staff.org(`南安${tag}科技有限公司`, '350583');
    const body = { kind: 'ind_tech_center', level: 'municipal', recognizedOn: '2015-03-01' };
    const mine = await staff.create('/platforms', { ...body, hostOrgId: jj.id, name: `${tag}甲中心` });
    const theirs = await staff.create('/platforms', { ...body, hostOrgId: na.id, name: `${tag}乙中心` });

    const county = await client(ctx, 'county', { regionCode: '350582' });
    expect(await county.ids(`/platforms?q=${tag}`)).toEqual([mine.id]);
    expect((await county.get(`/platforms/${theirs.id}`)).status).toBe(404);
    expect((await county.patch(`/platforms/${theirs.id}`, { level: 'provincial' })).status).toBe(404);
    const end = { status: 'closed', endedOn: '2016-01-01', reason: '合并' };
    expect((await county.post(`/platforms/${theirs.id}/end`, end)).status).toBe(404);
    const foreignHost = await county.post('/platforms', { ...body, hostOrgId: na.id, name: `${tag}丙中心` });
    expect([foreignHost.status, foreignHost.field()]).toEqual([400, 'hostOrgId']);
    const own = (await county.get(`/platforms/${mine.id}`)).json();
    expect(own).toMatchObject({ platform: { id: mine.id }, abilities: { edit: true } });
    const patched = await county.patch(`/platforms/${mine.id}`, { level: 'provincial' });
    expect(patched.json().level).toBe('provincial');
    expect((await auditOf(ctx, mine.id)).at(-1)).toMatchObject({
      action: 'platform.update',
      before: { level: 'municipal' },
      after: { level: 'provincial' },
    });

    const ent = await client(ctx, 'enterprise', { orgId: jj.id });
    expect(await ent.ids(`/platforms?q=${tag}`)).toEqual([mine.id]);
    expect((await ent.get(`/platforms/${mine.id}`)).json().abilities.edit).toBe(false);
    expect((await ent.patch(`/platforms/${mine.id}`, { level: 'municipal' })).status).toBe(403);
    expect((await call(ctx.app, { url: '/api/v1/registry/platforms' })).statusCode).toBe(401);
  });

  it('stores yearly figures, lists the latest year, and keeps scope', async () => {
    const staff = await client(ctx, 'staff');
    const tag = randomBytes(4).toString('hex');
    const op = await staff.org(`${tag}孵化运营有限公司`, '350582');
    const other = await staff.org(`${tag}南安运营有限公司`, '350583');
    const body = { operatorOrgId: op.id, kind: 'maker_space', level: 'national', recognizedOn: '2015-09-01' };
    const c = await staff.create('/carriers', { ...body, name: `${tag}众创空间` });
    const far = await staff.create('/carriers', {
      ...{ ...body, operatorOrgId: other.id, kind: 'incubator', level: 'municipal', name: `${tag}孵化器` },
    });
    expect((await staff.post('/carriers', { ...body, name: `${tag}众创空间` })).status).toBe(409);

    const figures = { startupsServed: 12, teamsServed: 30, areaM2: 2000, incubatees: 10, graduates: 2 };
    const put = (year: number | string, f: object, who = staff, id = c.id) =>
      who.put(`/carriers/${id}/annual/${year}`, f);
    expect((await put(2015, figures)).json()).toMatchObject({ year: 2015, startupsServed: 12 });
    expect((await put(2016, { ...figures, startupsServed: 20 })).status).toBe(200);
    // PUT replaces the year whole: figures left out are cleared.
    expect((await put(2016, { startupsServed: 21, teamsServed: 40 })).json()).toEqual({
      ...{ year: 2016, startupsServed: 21, teamsServed: 40 },
      ...{ areaM2: null, incubatees: null, graduates: null },
    });
    expect((await put(2016, { ...figures, graduates: 11 })).field()).toBe('graduates');
    expect((await put(2016, { ...figures, startupsServed: -1 })).field()).toBe('startupsServed');
    expect((await put(2016, { ...figures, teamsServed: 1.5 })).field()).toBe('teamsServed');
    expect((await put(1800, figures)).field()).toBe('year');

    const stored = await ctx.database.db
      .select()
      .from(carrierAnnual)
      .where(eq(carrierAnnual.carrierId, c.id));
    expect(stored.map((r) => r.regionCode)).toEqual(['350582', '350582']);
    const listed = (await staff.get(`/carriers?q=${tag}&kind=maker_space`)).json();
    expect(listed.items).toEqual([
      expect.objectContaining({ id: c.id, latestYear: 2016, startupsServed: 21, teamsServed: 40 }),
    ]);
    const detail = (await staff.get(`/carriers/${c.id}`)).json();
    expect(detail.annual.map((r: { year: number }) => r.year)).toEqual([2015, 2016]);
    expect(detail.carrier.operatorOrgName).toBe(`${tag}孵化运营有限公司`);

    await staff.post(`/carriers/${far.id}/end`, {
      status: 'closed',
      endedOn: '2016-06-30',
      reason: '运营方注销',
    });
    expect(await staff.ids(`/carriers?q=${tag}&activeOn=2016-06-29`)).toEqual(sorted(c.id, far.id));
    expect(await staff.ids(`/carriers?q=${tag}&activeOn=2016-06-30`)).toEqual([c.id]);
    expect(await staff.ids(`/carriers?q=${tag}&level=municipal&status=closed`)).toEqual([far.id]);

    const county = await client(ctx, 'county', { regionCode: '350583' });
    expect(await county.ids(`/carriers?q=${tag}`)).toEqual([far.id]);
    expect((await county.get(`/carriers/${c.id}`)).status).toBe(404);
    expect((await county.patch(`/carriers/${c.id}`, { level: 'provincial' })).status).toBe(404);
    expect((await put(2017, figures, county)).status).toBe(404);
    expect((await put(2017, figures, county, far.id)).status).toBe(200);

    const audit = await auditOf(ctx, c.id);
    expect(audit.map((x) => x.action)).toEqual(['carrier.create', ...Array(3).fill('carrier.annual')]);
    expect(audit[3].before).toMatchObject({ year: 2016, startupsServed: 20 });
    expect(audit[3].after).toMatchObject({ year: 2016, startupsServed: 21 });

    const rows = await staff.xlsx(`/carriers/export.xlsx?q=${tag}&kind=maker_space`);
    expect(rows.length).toBe(2);
    expect(rows[0]).toContain('服务创业企业数');
    expect(rows[1].slice(0, 4)).toEqual([`${tag}众创空间`, '众创空间', '国家级', `${tag}孵化运营有限公司`]);
    expect(rows[1].slice(-3)).toEqual([2016, 21, 40]);

    // A new operator in another county: the carrier and its yearly figures move with it.
    const moved = await staff.patch(`/carriers/${c.id}`, { operatorOrgId: other.id });
    expect(moved.json()).toMatchObject({ operatorOrgId: other.id, regionCode: '350583' });
    const after = await ctx.database.db.select().from(carrierAnnual).where(eq(carrierAnnual.carrierId, c.id));
    expect(after.map((r) => r.regionCode)).toEqual(['350583', '350583']);
    expect((await auditOf(ctx, c.id)).at(-1)).toMatchObject({
      action: 'carrier.update',
      before: { operatorOrgId: op.id, regionCode: '350582' },
      after: { operatorOrgId: other.id, regionCode: '350583' },
    });
    // The new operator already runs a carrier of that name: renaming to it is refused.
    expect((await staff.patch(`/carriers/${c.id}`, { name: `${tag}孵化器` })).status).toBe(409);
  });

  it('lists parks with their latest figures, in scope, and takes yearly figures', async () => {
    const staff = await client(ctx, 'staff');
    const all = (await staff.get('/parks?pageSize=50')).json();
    const byCode = (code: string) => all.items.find((p: { code: string }) => p.code === code);
    const [zone, jinjiang, nanan] = ['qz-htz', 'qz-htz-jinjiang', 'qz-htz-nanan'].map(byCode);
    expect(all.items[0].id).toBe(zone.id);
    expect(jinjiang).toMatchObject({ regionCode: '350582', parentId: zone.id });

    const put = (id: string, year: number, f: object, who = staff) =>
      who.put(`/parks/${id}/annual/${year}`, f);
    const small = { industrialOutput: '1', enterprises: 1, hteCount: 0 };
    const older = await put(jinjiang.id, 2099, { industrialOutput: '100.5', enterprises: 40, hteCount: 8 });
    expect(older.json()).toEqual({ year: 2099, industrialOutput: '100.50', enterprises: 40, hteCount: 8 });
    await put(jinjiang.id, 2100, { industrialOutput: '250000.75', enterprises: 50, hteCount: 12 });
    const bad = (f: object) => put(jinjiang.id, 2100, { ...small, ...f }).then((r) => r.field());
    expect(await bad({ industrialOutput: '1.234' })).toBe('industrialOutput');
    expect(await bad({ industrialOutput: '-1' })).toBe('industrialOutput');
    expect(await bad({ enterprises: 5, hteCount: 6 })).toBe('hteCount');

    expect((await staff.get('/parks?q=qz-htz-jinjiang')).json()).toMatchObject({
      total: 1,
      items: [{ id: jinjiang.id, year: 2100, industrialOutput: '250000.75', enterprises: 50, hteCount: 12 }],
    });
    const of2099 = (await staff.get('/parks?q=qz-htz-jinjiang&year=2099')).json();
    expect(of2099.items[0]).toMatchObject({ year: 2099, industrialOutput: '100.50' });
    const detail = (await staff.get(`/parks/${jinjiang.id}`)).json();
    const years = detail.annual.map((r: { year: number }) => r.year);
    expect(years.filter((y: number) => y >= 2099)).toEqual([2099, 2100]);
    expect(detail.abilities.editAnnual).toBe(true);

    const county = await client(ctx, 'county', { regionCode: '350582' });
    expect(await county.ids('/parks')).toEqual([jinjiang.id]);
    expect((await county.get(`/parks/${nanan.id}`)).status).toBe(404);
    expect((await put(nanan.id, 2100, small, county)).status).toBe(404);
    expect((await put(jinjiang.id, 2098, small, county)).status).toBe(200);
    const parkUser = await client(ctx, 'park', { parkId: jinjiang.id });
    expect(await parkUser.ids('/parks')).toEqual([jinjiang.id]);
    expect((await parkUser.get(`/parks/${jinjiang.id}`)).json().abilities.editAnnual).toBe(false);
    expect((await put(jinjiang.id, 2098, small, parkUser)).status).toBe(403);

    const audit = (await auditOf(ctx, jinjiang.id)).filter((x) => x.action === 'park.annual');
    const of2100 = audit.filter((x) => (x.after as { year: number }).year === 2100);
    expect(of2100.at(-1)?.after).toMatchObject({ industrialOutput: '250000.75', enterprises: 50 });

    const rows = await county.xlsx('/parks/export.xlsx');
    expect(rows[0]).toEqual([
      '园区代码',
      '园区名称',
      '所属区域',
      '数据年度',
      '工业总产值(万元)',
      '企业数',
      '高新技术企业数',
    ]);
    expect(rows.slice(1)).toEqual([
      ['qz-htz-jinjiang', '泉州高新区晋江园', '晋江市', 2100, '250000.75', 50, 12],
    ]);
  });
});
