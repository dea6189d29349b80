import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Database } from '../../db/client';
import { RegionTree } from '../../platform/region-tree';
import { call, openTestDatabase, signedIn, type TestContext } from '../../test/harness';
import { loadDemoPlan } from '../plan/demo-plan';
import { loadDemoPatents } from './demo';
import { loadDemoCases } from './demo-cases';

/**
 * The demo patents reproduce the bureau's 2016 figures when counted by the computed definitions.
 * Embedded database only: the demo loads on a new database, and PostgreSQL's is shared by files.
 */
describe('ip demo data [pglite]', () => {
  const ctx = { driver: 'pglite' } as TestContext;
  let database: Database;
  let loadMs = 0;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    ctx.database = database;
    const regions = await RegionTree.load(database.db);
    await loadDemoPlan(database.db, regions);
    const t = Date.now();
    await loadDemoPatents(database.db, regions);
    loadMs = Date.now() - t;
    await loadDemoCases(database.db);
    ctx.app = await buildApp({ database, loginAttemptsPerMinute: 10_000 });
  }, 120_000);
  afterAll(async () => {
    await ctx.app?.close();
    await database?.close();
  });

  async function values(year: number) {
    const { cookie } = await signedIn(ctx, 'leader');
    const codes =
      'patent_apps,patent_grants,inv_patent_apps,inv_patent_grants,valid_inv_patents,inv_per_10k,ip_cases';
    const res = await call(ctx.app, {
      url: `/api/v1/plan/indicator-values?year=${year}&by=region&codes=${codes}`,
      cookie,
    });
    expect(res.statusCode).toBe(200);
    const items: { code: string; regionCode: string; value: number | null; kind: string }[] =
      res.json().items;
    return (code: string, region = '350500') => items.find((x) => x.code === code && x.regionCode === region);
  }

  it('gives the seed figures of 2016, computed', async () => {
    console.info(`demo patents loaded in ${loadMs} ms`);
    const get = await values(2016);
    expect(get('patent_apps')).toMatchObject({ value: 54010, kind: 'computed' });
    expect(get('patent_grants')?.value).toBe(26851);
    expect(get('inv_patent_apps')?.value).toBe(5871);
    expect(get('inv_patent_grants')?.value).toBe(1509);
    expect(get('valid_inv_patents')?.value).toBe(3948);
    expect(Math.round((get('inv_per_10k')?.value ?? 0) * 100) / 100).toBe(4.58);
    // 228 enforcement cases filed (立案) in 2016, 187 in 2015: the seed's +22%.
    expect(get('ip_cases')).toMatchObject({ value: 228, kind: 'computed' });
    expect(get('ip_cases', '350582')!.value!).toBeGreaterThan(get('ip_cases', '350583')!.value!);
    // 晋江 holds the most, and the counties add up to the city.
    expect(get('patent_apps', '350582')!.value!).toBeGreaterThan(get('patent_apps', '350583')!.value!);
  });

  it('gives 2015 figures consistent with the seed growth rates', async () => {
    const get = await values(2015);
    expect(get('inv_patent_apps')?.value).toBe(3938);
    expect(get('inv_patent_grants')?.value).toBe(1015);
    expect(get('ip_cases')?.value).toBe(187);
  });

  it('has enforcement cases in every state, the running ones with their deadlines', async () => {
    const { cookie } = await signedIn(ctx, 'staff');
    const res = await call(ctx.app, { url: '/api/v1/ip/cases?pageSize=100&sort=-receivedOn', cookie });
    const statuses = new Set(res.json().items.map((c: { status: string }) => c.status));
    expect([...statuses].sort()).toEqual(
      [
        'closed',
        'decided',
        'declined',
        'filed',
        'hearing',
        'investigating',
        'mediated',
        'received',
        'withdrawn',
      ].sort(),
    );
    const overdue = await call(ctx.app, { url: '/api/v1/ip/cases?deadline=overdue', cookie });
    expect(overdue.json().total).toBeGreaterThan(0);
  });
});
