import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Database } from '../../db/client';
import { RegionTree } from '../../platform/region-tree';
import { call, openTestDatabase, signedIn, type TestContext } from '../../test/harness';
import { loadDemoPlan } from '../plan/demo-plan';
import { loadDemoAgri } from './demo';

/**
 * The agricultural demo reproduces the bureau's 2016 figures when counted by the computed
 * definitions. Embedded database only: the demo loads on a new database.
 */
describe('agri demo data [pglite]', () => {
  const ctx = { driver: 'pglite' } as TestContext;
  let database: Database;
  let loadMs = 0;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    ctx.database = database;
    const regions = await RegionTree.load(database.db);
    await loadDemoPlan(database.db, regions);
    const t = Date.now();
    await loadDemoAgri({ db: database.db, regions, demoPassword: 'Demo#Pass2026' });
    loadMs = Date.now() - t;
    ctx.app = await buildApp({ database, loginAttemptsPerMinute: 10_000 });
  }, 120_000);
  afterAll(async () => {
    await ctx.app?.close();
    await database?.close();
  });

  const CODES =
    'commissioner_bases,tech_coops,agri_commissioners,agri_served_parties,agri_service_days,agri_trainings,agri_training_attendances';

  async function values(year: number, asOf?: string) {
    const { cookie } = await signedIn(ctx, 'leader');
    const res = await call(ctx.app, {
      url: `/api/v1/plan/indicator-values?year=${year}&by=region&codes=${CODES}${asOf ? `&asOf=${asOf}` : ''}`,
      cookie,
    });
    expect(res.statusCode, res.body).toBe(200);
    const items: { code: string; regionCode: string; value: number | null; kind: string }[] =
      res.json().items;
    return (code: string, region = '350500') => items.find((x) => x.code === code && x.regionCode === region);
  }

  it('gives the seed figures of 2016, computed', async () => {
    console.info(`agri demo loaded in ${loadMs} ms`);
    const get = await values(2016);
    expect(get('commissioner_bases')).toMatchObject({ value: 191, kind: 'computed' });
    expect(get('tech_coops')?.value).toBe(46);
    expect(get('agri_trainings')?.value).toBe(21);
    expect(get('agri_training_attendances')?.value).toBe(2000);
    expect(get('agri_commissioners')?.value).toBe(36);
    expect(get('agri_served_parties')?.value).toBe(41);
    expect(get('agri_service_days')?.value).toBe(SERVICE_DAYS_2016);
    // The mountain counties hold the most bases.
    expect(get('commissioner_bases', '350524')!.value!).toBeGreaterThan(
      get('commissioner_bases', '350502')!.value!,
    );
  });

  it('moves with the date: bases recognised in 2017 count from their day', async () => {
    expect((await values(2017))('commissioner_bases')?.value).toBe(203);
    expect((await values(2017))('tech_coops')?.value).toBe(55);
    expect((await values(2017, '2017-03-31'))('commissioner_bases')?.value).toBe(191);
  });
});

/** Confirmed, unflagged visits of 2016, one per commissioner and day. */
const SERVICE_DAYS_2016 = 809;
