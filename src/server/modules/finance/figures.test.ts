import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Database } from '../../db/client';
import { generateDemoData } from '../../db/demo';
import { organizations } from '../../db/schema';
import { RegionTree } from '../../platform/region-tree';
import { type FreshCity, freshCity, makeOrg, testUscc } from '../../test/factories';
import { call, describeEachDb, openTestDatabase, signedIn, type TestContext, uniq } from '../../test/harness';
import { loadDemoPatents } from '../ip/demo';
import { loadDemoPlan } from '../plan/demo-plan';
import { CREDIT_2016, loadDemoFinance, PLEDGES_2016 } from './demo';

const CODES =
  'credit_granted_ents,credit_granted_amount,patent_pledges,patent_pledge_amount,equity_listings,fund_investments,fund_investment_amount,insured_ents,tech_loans,tech_loan_amount';

async function figures(ctx: TestContext, cookie: string, query: string) {
  const res = await call(ctx.app, { url: `/api/v1/plan/indicator-values?codes=${CODES}&${query}`, cookie });
  expect(res.statusCode, res.body).toBe(200);
  const items: { code: string; regionCode: string; value: number | null; kind: string }[] = res.json().items;
  return (code: string, region?: string) =>
    items.find((x) => x.code === code && (!region || x.regionCode === region));
}

/**
 * The finance figures on a hand-computed fixture in a city of this file's own: per county by the
 * enterprise's region, as of a date, and the drill-down listing exactly the records counted.
 */
describeEachDb('finance figures on a hand-computed fixture', (ctx) => {
  let w: FreshCity;
  beforeAll(async () => {
    w = await freshCity(ctx);
  });

  it('counts 高企发展基金 credit by enterprise and county, up to the as-of date, with its drill-down', async () => {
    const staff = await signedIn(ctx, 'staff');
    const leader = await signedIn(ctx, 'leader');
    const [bank] = await ctx.database.db
      .insert(organizations)
      .values({
        uscc: testUscc(),
        name: uniq('测试银行'),
        kind: 'financial_institution',
        regionCode: w.counties[0],
      })
      .returning();
    const [exchange] = await ctx.database.db
      .insert(organizations)
      .values({
        uscc: testUscc(),
        name: uniq('测试交易中心'),
        kind: 'financial_institution',
        regionCode: w.counties[0],
      })
      .returning();
    for (const [org, type] of [
      [bank, 'bank'],
      [exchange, 'exchange'],
    ] as const)
      await call(ctx.app, {
        method: 'POST',
        url: '/api/v1/finance/institutions',
        cookie: staff.cookie,
        body: { uscc: org.uscc, type },
      });
    const a = await makeOrg(ctx, w.counties[0]);
    const b = await makeOrg(ctx, w.zone);
    const post = async (body: Record<string, unknown>) => {
      const res = await call(ctx.app, {
        method: 'POST',
        url: '/api/v1/finance/records',
        cookie: staff.cookie,
        body: { institutionId: bank.id, kind: 'credit', instrument: 'hte_fund', termMonths: 12, ...body },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    await post({ enterpriseUscc: a.uscc, amount: '100.50', startOn: '2016-03-01' });
    await post({ enterpriseUscc: a.uscc, amount: '200', startOn: '2016-09-01' });
    const late = await post({ enterpriseUscc: b.uscc, amount: '300', startOn: '2016-12-31' });
    await post({ enterpriseUscc: b.uscc, amount: '999', startOn: '2016-05-01', instrument: 'risk_pool' });
    await post({ enterpriseUscc: b.uscc, amount: '50', startOn: '2015-12-31' });
    await post({
      kind: 'listing',
      institutionId: exchange.id,
      enterpriseUscc: b.uscc,
      startOn: '2016-06-01',
      board: 'showcase',
      refNo: uniq('8'),
    });

    const city = await figures(ctx, leader.cookie, `year=2016&region=${w.city}&by=region`);
    expect(city('credit_granted_ents', w.city)).toMatchObject({ value: 2, kind: 'computed' });
    expect(city('credit_granted_amount', w.city)?.value).toBe(600.5);
    expect(city('credit_granted_amount', w.counties[0])?.value).toBe(300.5);
    expect(city('credit_granted_amount', w.counties[1])?.value).toBe(300);
    expect(city('equity_listings', w.counties[1])?.value).toBe(1);
    const before = await figures(ctx, leader.cookie, `year=2016&region=${w.city}&asOf=2016-12-30`);
    expect(before('credit_granted_amount')?.value).toBe(300.5);
    expect(before('credit_granted_ents')?.value).toBe(1);

    const drill = await call(ctx.app, {
      url: `/api/v1/plan/indicators/credit_granted_amount/records?year=2016&region=${w.city}&pageSize=50`,
      cookie: leader.cookie,
    });
    expect(drill.statusCode, drill.body).toBe(200);
    expect(drill.json().total).toBe(3);
    expect(
      drill
        .json()
        .items.map((x: { amount: number }) => x.amount)
        .sort(),
    ).toEqual([100.5, 200, 300]);
    expect(drill.json().items.map((x: { recordId: string }) => x.recordId)).toContain(late);

    // A deleted record leaves the figure at once (the kept figure is refreshed).
    await call(ctx.app, { method: 'DELETE', url: `/api/v1/finance/records/${late}`, cookie: staff.cookie });
    expect(
      (await figures(ctx, leader.cookie, `year=2016&region=${w.city}`))('credit_granted_amount')?.value,
    ).toBe(300.5);
  });
});

/**
 * The demo's records reproduce the seed's 2016 figures. Embedded database only: the demo loads on a
 * new database, and PostgreSQL's is shared by files.
 */
describe('finance demo data [pglite]', () => {
  const ctx = { driver: 'pglite' } as TestContext;
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    ctx.database = database;
    await generateDemoData(database.db);
    const regions = await RegionTree.load(database.db);
    await loadDemoPlan(database.db, regions);
    await loadDemoPatents(database.db, regions);
    expect(await loadDemoFinance(database.db)).toMatchObject({ institutions: 8 });
    expect(await loadDemoFinance(database.db)).toEqual({ records: 0 });
    ctx.app = await buildApp({ database, loginAttemptsPerMinute: 10_000 });
  }, 300_000);
  afterAll(async () => {
    await ctx.app?.close();
    await database?.close();
  });

  it('gives the seed figures of 2016, computed, and figures for 2017', async () => {
    expect(CREDIT_2016.reduce((s, x) => s + x, 0)).toBe(19830);
    expect(PLEDGES_2016.reduce((s, x) => s + x, 0)).toBe(57500);
    const { cookie } = await signedIn(ctx, 'leader');
    const get = await figures(ctx, cookie, 'year=2016&by=region');
    expect(get('credit_granted_ents', '350500')).toMatchObject({ value: 25, kind: 'computed' });
    expect(get('credit_granted_amount', '350500')?.value).toBe(19830);
    expect(get('patent_pledges', '350500')).toMatchObject({ value: 36, kind: 'computed' });
    expect(get('patent_pledge_amount', '350500')?.value).toBe(57500);
    expect(get('equity_listings', '350500')?.value).toBe(18);
    expect(get('insured_ents', '350500')?.value).toBe(14);
    expect(get('fund_investments', '350500')?.value).toBe(7);
    const y17 = await figures(ctx, cookie, 'year=2017&asOf=2017-12-31');
    expect(y17('credit_granted_ents')?.value).toBe(10);
    expect(y17('tech_loans')?.value).toBe(12);
    expect(y17('equity_listings')?.value).toBe(6);
  });
});
