import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Database } from '../../db/client';
import { generateDemoData } from '../../db/demo';
import { RegionTree } from '../../platform/region-tree';
import { call, createUser, describeEachDb, login, openTestDatabase, signedIn } from '../../test/harness';
import { loadDemoContracts } from '../contracts/demo';
import { CATALOGUE } from './catalogue';
import { loadDemoPlan } from './demo-plan';

const BASE = '/api/v1/plan';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ALL_COUNTIES = [
  '350502',
  '350503',
  '350504',
  '350505',
  '350581',
  '350582',
  '350583',
  '350521',
  '350524',
  '350525',
  '350526',
];
// Far from the demo years, and random so a rerun on a kept PostgreSQL database meets no rows of its own.
const Y = 2040 + Math.floor(Math.random() * 25) * 2;

const rv = (
  indicatorCode: string,
  year: number,
  regionCode: string,
  value: string,
  source = '测试来源文件',
) => ({
  indicatorCode,
  year,
  regionCode,
  value,
  source,
});

const HEADERS = ['指标代码', '年度', '区域', '数值', '来源', '来源日期', '版本/口径', '备注'];

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('填报数据');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Item {
  code: string;
  regionCode: string;
  value: number | null;
  source?: string;
}
/** The fields the tests read from reported-value and target rows. */
interface Row {
  id: string;
  indicatorCode: string;
  regionCode: string;
  value: string;
  kind: string;
  enteredBy: string;
  sourceDate: string | null;
  resolved: number | null;
}

async function getJson(app: FastifyInstance, cookie: string, url: string) {
  const res = await call(app, { url: `${BASE}${url}`, cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const values = async (app: FastifyInstance, cookie: string, q: string): Promise<Item[]> =>
  (await getJson(app, cookie, `/indicator-values?${q}`)).items;
const rows = async (app: FastifyInstance, cookie: string, url: string): Promise<Row[]> =>
  (await getJson(app, cookie, url)).items;
const sum = (xs: number[]) => xs.reduce((a, v) => a + v, 0);

describeEachDb('plan: reported values and targets', (ctx) => {
  const post = (cookie: string, body: unknown) =>
    call(ctx.app, { method: 'POST', url: `${BASE}/reported-values`, cookie, body });
  const put = (cookie: string, body: unknown) =>
    call(ctx.app, { method: 'PUT', url: `${BASE}/targets`, cookie, body });

  it('enters a value and corrects it, keeping the earlier one; the engine uses the correction', async () => {
    const staff = await signedIn(ctx, 'staff');
    const first = await post(staff.cookie, rv('coop_projects', Y, '350582', '100'));
    expect(first.statusCode, first.body).toBe(201);
    const second = await post(staff.cookie, {
      ...rv('coop_projects', Y, '350582', '120.50', '更正：年报'),
      vintage: '年报',
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ value: '120.5', current: true, enteredBy: staff.user.username });
    const q = `/reported-values?indicatorCode=coop_projects&year=${Y}&regionCode=350582`;
    const history = await rows(ctx.app, staff.cookie, `${q}&includeHistory=true`);
    const old = history.find((x) => x.id === first.json().id);
    expect(old).toMatchObject({ value: '100', current: false, supersededBy: second.json().id });
    expect((await rows(ctx.app, staff.cookie, q)).map((x) => x.id)).toEqual([second.json().id]);
    const items = await values(ctx.app, staff.cookie, `year=${Y}&region=350582&codes=coop_projects`);
    expect(items[0].value).toBe(121);
  });

  it('refuses a computed indicator, an unknown region and a negative value, naming the field', async () => {
    const staff = await signedIn(ctx, 'staff');
    const computed = await post(staff.cookie, rv('hte_valid', Y, '350582', '5'));
    expect(computed.statusCode).toBe(400);
    expect(computed.json().error).toMatchObject({ field: 'indicatorCode' });
    expect(computed.json().error.messages.zh).toContain('不能填报');
    const field = async (b: unknown) => (await post(staff.cookie, b)).json().error.field;
    expect(await field(rv('no_such', Y, '350582', '5'))).toBe('indicatorCode');
    expect(await field(rv('coop_projects', Y, '999999', '5'))).toBe('regionCode');
    expect(await field(rv('coop_projects', Y, '350582', '-5'))).toBe('value');
  });

  it('lets a county user read only its own region and write nothing', async () => {
    const staff = await signedIn(ctx, 'staff');
    for (const region of ['350582', '350583', '350500'])
      expect((await post(staff.cookie, rv('zone_fund', Y + 1, region, '3'))).statusCode).toBe(201);
    const county = await signedIn(ctx, 'county', { regionCode: '350582' });
    const own = await rows(ctx.app, county.cookie, `/reported-values?year=${Y + 1}`);
    expect(own.map((x) => x.regionCode)).toEqual(['350582']);
    expect((await post(county.cookie, rv('zone_fund', Y + 1, '350582', '4'))).statusCode).toBe(403);
    const target = {
      year: Y + 1,
      indicatorCode: 'tech_coops',
      regionCode: '350582',
      kind: 'absolute',
      value: '5',
    };
    expect((await put(county.cookie, target)).statusCode).toBe(403);
    expect((await put(staff.cookie, target)).statusCode).toBe(200);
    expect((await put(staff.cookie, { ...target, regionCode: '350583' })).statusCode).toBe(200);
    const targets = await rows(ctx.app, county.cookie, `/targets?year=${Y + 1}`);
    expect(targets.map((x) => x.regionCode)).toEqual(['350582']);
  });

  it('resolves a relative target on last year, and splits a city target over the counties', async () => {
    const staff = await signedIn(ctx, 'staff');
    const [y0, y1] = [Y + 2, Y + 3];
    const last: Record<string, string> = { '350582': '600', '350583': '300', '350581': '100' };
    for (const c of ALL_COUNTIES)
      expect((await post(staff.cookie, rv('coop_projects', y0, c, last[c] ?? '0'))).statusCode).toBe(201);
    const target = { year: y1, indicatorCode: 'coop_projects', regionCode: '350500', kind: 'increase_pct' };
    const pct = await put(staff.cookie, { ...target, value: '10' });
    expect(pct.statusCode, pct.body).toBe(200);
    expect(pct.json()).toMatchObject({ lastYear: 1000, resolved: 1100, value: '10' });
    const missing = await put(staff.cookie, { ...target, kind: 'absolute', value: null });
    expect([missing.statusCode, missing.json().error.field]).toEqual([400, 'value']);

    const split = async (indicatorCode: string) => {
      const body = { year: y1, indicatorCode };
      return call(ctx.app, { method: 'POST', url: `${BASE}/targets/split`, cookie: staff.cookie, body });
    };
    const same: Row[] = (await split('coop_projects')).json().items;
    expect(same).toHaveLength(ALL_COUNTIES.length);
    expect(same.every((t) => t.kind === 'increase_pct' && t.value === '10')).toBe(true);
    expect(same.find((t) => t.regionCode === '350582')?.resolved).toBe(660);

    const abs = await put(staff.cookie, { ...target, kind: 'absolute', value: '1301' });
    expect(abs.json().resolved).toBe(1301);
    const res = await split('coop_projects');
    expect(res.statusCode, res.body).toBe(200);
    const shares = new Map((res.json().items as Row[]).map((t) => [t.regionCode, Number(t.value)]));
    expect(sum([...shares.values()])).toBe(1301);
    const some = ['350582', '350583', '350581', '350502'].map((c) => shares.get(c));
    expect(some).toEqual([781, 390, 130, 0]);
    const all = await rows(ctx.app, staff.cookie, `/targets?year=${y1}&indicatorCode=coop_projects`);
    expect(all).toHaveLength(ALL_COUNTIES.length + 1);
    const del = `${BASE}/targets/${all.find((t) => t.regionCode === '350526')?.id}`;
    expect((await call(ctx.app, { method: 'DELETE', url: del, cookie: staff.cookie })).statusCode).toBe(200);
    expect((await call(ctx.app, { method: 'DELETE', url: del, cookie: staff.cookie })).statusCode).toBe(404);
    const noCity = await split('talents');
    expect([noCity.statusCode, noCity.json().error.field]).toEqual([400, 'indicatorCode']);
    const exp = await call(ctx.app, { url: `${BASE}/targets/export.xlsx?year=${y1}`, cookie: staff.cookie });
    expect(exp.headers['content-type']).toContain(XLSX);
  });

  it('imports nothing from a file with a bad row, naming row and column; a clean file in one go', async () => {
    const staff = await signedIn(ctx, 'staff');
    const y = Y + 4;
    const upload = (file: Buffer) =>
      call(ctx.app, {
        method: 'POST',
        url: `${BASE}/reported-values/import`,
        cookie: staff.cookie,
        headers: { 'content-type': XLSX },
        body: file,
      });
    const bad = await upload(
      await workbook([
        ['coop_projects', y, '晋江市', 5, '测试来源'],
        ['hte_valid', y, '南安市', 7, '测试来源'],
        ['coop_projects', y, '南安市', 'abc', '测试来源'],
        ['coop_projects', y, '火星', 3, '测试来源', '2017-13-45'],
      ]),
    );
    expect(bad.statusCode, bad.body).toBe(400);
    const errors = bad.json().errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(errors).toEqual(['3:指标代码', '4:数值', '5:区域', '5:来源日期']);
    expect(bad.json().error.messages.zh).toContain('第 3 行「指标代码」');
    const mine = async () =>
      (await rows(ctx.app, staff.cookie, `/reported-values?year=${y}&includeHistory=true`)).filter(
        (x) => x.enteredBy === staff.user.username,
      );
    expect(await mine()).toEqual([]);

    const good = await upload(
      await workbook([
        ['coop_projects', y, '晋江市', 5, '测试来源', new Date(Date.UTC(2017, 1, 15)), '快报'],
        ['重大创新项目', y, '350583', '1,234', '测试来源', '2017/2/15'],
      ]),
    );
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ imported: 2, superseded: 0 });
    const written = (await mine()).map((x) => [x.indicatorCode, x.value, x.sourceDate]).sort();
    expect(written).toEqual([
      ['coop_projects', '5', '2017-02-15'],
      ['major_projects', '1234', '2017-02-15'],
    ]);
    expect((await upload(Buffer.from('not a workbook'))).json().error.field).toBe('file');

    const template = await call(ctx.app, {
      url: `${BASE}/reported-values/template.xlsx`,
      cookie: staff.cookie,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['填报数据', '指标与区域']);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    const exp = await call(ctx.app, {
      url: `${BASE}/reported-values/export.xlsx?year=${y}`,
      cookie: staff.cookie,
    });
    expect(exp.statusCode).toBe(200);
  });
});

describe('plan: demo plan', () => {
  let database: Database;
  let app: FastifyInstance;
  let cookie: string;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await generateDemoData(database.db);
    const regions = await RegionTree.load(database.db);
    expect(await loadDemoPlan(database.db, regions)).toBe(true);
    expect(await loadDemoPlan(database.db, regions)).toBe(false);
    // 技术合同成交额 is computed from the registered contracts of the contracts module's demo data.
    await loadDemoContracts(database.db, regions);
    app = await buildApp({ database, loginAttemptsPerMinute: 10_000 });
    cookie = await login(app, (await createUser(database, 'leader')).username);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("returns the seed's 2016 figures for the city, with the seed as source", async () => {
    const of = new Map((await values(app, cookie, 'year=2016')).map((i) => [i.code, i.value]));
    // The patent, case, contract and finance figures are computed from their records (each
    // module's demo test checks its own); the population is typed in.
    expect('tech_contract_amount population'.split(' ').map((c) => of.get(c))).toEqual([462721.06, 862]);
    // A figure still typed in names its source; computed ones come from their records.
    const src = await values(app, cookie, 'year=2015&codes=rd_spending');
    expect(src[0].source).toContain('泉科〔2017〕28号');
    const tech = await values(app, cookie, 'year=2016&codes=tech_contract_amount');
    expect(tech[0]).toMatchObject({ value: 462721.06, kind: 'computed' });
  });

  it('makes the counties add up to the city for every additive indicator', async () => {
    for (const year of [2015, 2016, 2017]) {
      const items = await values(app, cookie, `year=${year}&by=region`);
      for (const ind of CATALOGUE.filter((i) => i.additive)) {
        const of = items.filter((i) => i.code === ind.code);
        const city = of.find((i) => i.regionCode === '350500')?.value ?? 0;
        const counties = sum(of.filter((i) => i.regionCode !== '350500').map((i) => i.value ?? 0));
        const f = 10 ** ind.decimals;
        expect(Math.round(counties * f), `${year} ${ind.code}`).toBe(Math.round(city * f));
      }
    }
  });

  it('holds the 2017 plan「1157」 with county splits (54010 × 1.15 may round either way)', async () => {
    const city = await rows(app, cookie, '/targets?year=2017&regionCode=350500');
    expect(city).toHaveLength(16);
    const by = new Map(city.map((t) => [t.indicatorCode, t]));
    expect(by.get('patent_apps')).toMatchObject({ kind: 'increase_pct' });
    expect(by.get('inv_per_10k')).toMatchObject({ resolved: 5.3 });
    const hte = await rows(app, cookie, '/targets?year=2017&indicatorCode=new_hte_giant');
    const counties = hte.filter((t) => t.regionCode !== '350500');
    expect(counties).toHaveLength(11);
    expect(sum(counties.map((t) => Number(t.value)))).toBe(100);
  });
});
