import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Database } from '../../db/client';
import { generateDemoData } from '../../db/demo';
import { RegionTree } from '../../platform/region-tree';
import { call, openTestDatabase, signedIn, type TestContext } from '../../test/harness';
import { loadDemoCredit } from '../credit/demo';
import { loadDemoPlan } from '../plan/demo-plan';
import { loadDemoPolicies } from './demo';

/**
 * The demo library and payments reproduce the seed's 2016 figures when counted by the computed
 * definitions (科技保险补贴 14 家 49.52 万元; 1+X policies 4, and 11 by 2017). Embedded database
 * only: the demo loads on a new database.
 */
describe('policies demo data [pglite]', () => {
  const ctx = { driver: 'pglite' } as TestContext;
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    ctx.database = database;
    await generateDemoData(database.db);
    const regions = await RegionTree.load(database.db);
    await loadDemoPlan(database.db, regions);
    await loadDemoCredit(database.db);
    await loadDemoPolicies(database.db, regions);
    ctx.app = await buildApp({ database, loginAttemptsPerMinute: 10_000 });
  }, 300_000);
  afterAll(async () => {
    await ctx.app?.close();
    await database?.close();
  });

  async function values(year: number) {
    const { cookie } = await signedIn(ctx, 'leader');
    const codes = 'insurance_subsidy_ents,insurance_subsidy_amount,policies_issued';
    const res = await call(ctx.app, {
      url: `/api/v1/plan/indicator-values?year=${year}&codes=${codes}`,
      cookie,
    });
    expect(res.statusCode, res.body).toBe(200);
    const items: { code: string; regionCode: string; value: number | null; kind: string }[] =
      res.json().items;
    return (code: string) => items.find((x) => x.code === code && x.regionCode === '350500');
  }

  it('gives the seed figures of 2016 and the plan figure of 2017, computed', async () => {
    const y16 = await values(2016);
    expect(y16('insurance_subsidy_ents')).toMatchObject({ value: 14, kind: 'computed' });
    expect(y16('insurance_subsidy_amount')?.value).toBeCloseTo(49.52, 6);
    expect(y16('policies_issued')).toMatchObject({ value: 4, kind: 'computed' });
    expect((await values(2017))('policies_issued')?.value).toBe(11);
  });

  it('selects the 2016 newly recognised 高企, leaving out the one under a credit record', async () => {
    const { cookie } = await signedIn(ctx, 'staff');
    const items = await call(ctx.app, { url: '/api/v1/policies/items?q=新认定高新技术企业奖励', cookie });
    const id = items.json().items[0].id;
    const preview = await call(ctx.app, {
      method: 'POST',
      url: `/api/v1/policies/items/${id}/preview`,
      cookie,
      body: {},
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.total).toBeGreaterThan(10);
    expect(p.excludedTotal).toBe(1);
    expect(p.excluded[0].reason).toContain('虚假材料');
    console.info(`2016 新认定高企: ${p.total} eligible, ${p.excludedTotal} left out by credit`);
  });
});
