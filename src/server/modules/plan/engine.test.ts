import { and, eq, isNull } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { reportedValues } from '../../db/schema';
import { registerOrg } from '../../test/factories';
import { call, describeEachDb, signedIn, type TestContext } from '../../test/harness';
import { clearPatentsFiledOn, makePatents } from '../../test/ip-fixtures';

/*
 * A small world in 2073–2076, where no other test writes, with figures worked out by hand:
 *   A (晋江)  高企 issued 2073-12-31 → last valid day 2076-12-30    规上 2076, with R&D
 *   B (晋江)  高企 issued 2074-01-01 → last valid day 2076-12-31    规上 2076
 *   C (开发区, under 鲤城) 高企 issued 2075-05-01                    —
 * As of 2076-12-31: 高企 valid = B, C → city 2, 晋江 1, 鲤城 1 (its zone), zone 1.
 * 规上 2076 = 2 (A, B), with R&D = 1 (A) → share 50.0%.
 */
const YEAR = 2076;

async function hte(ctx: TestContext, cookie: string, orgId: string, issuedOn: string) {
  const res = await call(ctx.app, {
    method: 'POST',
    url: '/api/v1/registry/qualifications',
    cookie,
    body: { orgId, typeCode: 'hte', issuedOn },
  });
  expect(res.statusCode, res.body).toBe(201);
}

describeEachDb('plan engine on a hand-computed fixture', (ctx) => {
  it('counts valid certificates on the boundary, rolls zones into counties and counties into the city', async () => {
    const staff = await signedIn(ctx, 'staff');
    const leader = await signedIn(ctx, 'leader');
    const values = async (region: string, asOf?: string) => {
      const url = `/api/v1/plan/indicator-values?year=${YEAR}&region=${region}&codes=hte_valid,above_size_ind,rd_active_ent,rd_active_share${asOf ? `&asOf=${asOf}` : ''}`;
      const res = await call(ctx.app, { url, cookie: leader.cookie });
      expect(res.statusCode, res.body).toBe(200);
      return Object.fromEntries(
        res.json().items.map((x: { code: string; value: number }) => [x.code, x.value]),
      );
    };
    // Other test files share the PostgreSQL database; what this fixture adds is measured as the
    // difference from the figures before it.
    const regions = ['350500', '350582', '350502', '350500Z1'];
    const before = Object.fromEntries(
      await Promise.all(regions.map(async (r) => [r, await values(r)] as const)),
    ) as Record<string, Record<string, number>>;
    const beforeBoundary = await values('350500', `${YEAR}-12-30`);
    const a = (await registerOrg(ctx, staff.cookie, '350582')).id;
    const b = (await registerOrg(ctx, staff.cookie, '350582')).id;
    const c = (await registerOrg(ctx, staff.cookie, '350500Z1')).id;
    await hte(ctx, staff.cookie, a, '2073-12-31');
    await hte(ctx, staff.cookie, b, '2074-01-01');
    await hte(ctx, staff.cookie, c, '2075-05-01');
    const stats = (hasRdActivity: boolean) => ({
      revenue: '1000',
      rdExpense: '10',
      staff: 10,
      stStaff: 1,
      hitechRevenue: '100',
      aboveSize: true,
      hasRdActivity,
      ownsCoreTech: false,
    });
    await call(ctx.app, {
      method: 'PUT',
      url: `/api/v1/registry/orgs/${a}/stats/${YEAR}`,
      cookie: staff.cookie,
      body: stats(true),
    });
    await call(ctx.app, {
      method: 'PUT',
      url: `/api/v1/registry/orgs/${b}/stats/${YEAR}`,
      cookie: staff.cookie,
      body: stats(false),
    });

    const delta = async (region: string, code: string, asOf?: string) =>
      (await values(region, asOf))[code] - (asOf ? beforeBoundary : before[region])[code];
    expect(await delta('350500', 'hte_valid')).toBe(2);
    expect(await delta('350500', 'above_size_ind')).toBe(2);
    expect(await delta('350500', 'rd_active_ent')).toBe(1);
    expect(await delta('350582', 'hte_valid')).toBe(1);
    expect(await delta('350502', 'hte_valid')).toBe(1);
    expect(await delta('350500Z1', 'hte_valid')).toBe(1);
    expect(await delta('350500', 'hte_valid', `${YEAR}-12-30`)).toBe(3);

    const byRegion = await call(ctx.app, {
      url: `/api/v1/plan/indicator-values?year=${YEAR}&by=region&codes=hte_valid`,
      cookie: leader.cookie,
    });
    const rows = byRegion.json().items as { regionCode: string; value: number }[];
    const city = rows.find((r) => r.regionCode === '350500')!.value;
    expect(rows.filter((r) => r.regionCode !== '350500').reduce((n, r) => n + r.value, 0)).toBe(city);

    const drill = await call(ctx.app, {
      url: `/api/v1/plan/indicators/hte_valid/records?year=${YEAR}&pageSize=200`,
      cookie: leader.cookie,
    });
    const listed = drill.json().items.map((x: { orgId: string }) => x.orgId);
    expect(listed).toEqual(expect.arrayContaining([b, c]));
    expect(listed).not.toContain(a);
    // The drill-down lists exactly what the figure counts.
    expect(drill.json().total).toBe((await values('350500')).hte_valid);
  });

  it('derives per-10k figures from computed patents and reported population at every level', async () => {
    // Valid invention patents on 31 December: 晋江 100, 南安 50 (one more lapsed on that day).
    const end = `${YEAR + 1}-12-31`;
    await clearPatentsFiledOn(ctx, `${YEAR}-02-01`);
    await makePatents(ctx, 100, {
      regionCode: '350582',
      filedOn: `${YEAR}-02-01`,
      grantedOn: `${YEAR + 1}-03-01`,
    });
    await makePatents(ctx, 50, { regionCode: '350583', filedOn: `${YEAR}-02-01`, grantedOn: end });
    await makePatents(ctx, 1, {
      regionCode: '350583',
      filedOn: `${YEAR}-02-01`,
      grantedOn: `${YEAR}-12-01`,
      endedOn: end,
    });
    const rows = [
      ['population', '350582', '20'],
      ['population', '350583', '10'],
    ].map(([indicatorCode, regionCode, value]) => ({
      indicatorCode,
      regionCode,
      value,
      year: YEAR + 1,
      source: '测试',
      enteredBy: 'test',
    }));
    // A rerun on the same database supersedes what an earlier run entered for that year.
    await ctx.database.db
      .update(reportedValues)
      .set({ supersededAt: new Date() })
      .where(and(eq(reportedValues.year, YEAR + 1), isNull(reportedValues.supersededAt)));
    await ctx.database.db.insert(reportedValues).values(rows);
    const leader = await signedIn(ctx, 'leader');
    const res = await call(ctx.app, {
      url: `/api/v1/plan/indicator-values?year=${YEAR + 1}&by=region&codes=valid_inv_patents,population,inv_per_10k`,
      cookie: leader.cookie,
    });
    const get = (code: string, region: string) =>
      res
        .json()
        .items.find((x: { code: string; regionCode: string }) => x.code === code && x.regionCode === region)
        .value;
    expect(get('valid_inv_patents', '350500')).toBe(150);
    expect(get('population', '350500')).toBe(30);
    expect(get('inv_per_10k', '350500')).toBe(5);
    expect(get('inv_per_10k', '350583')).toBe(5);
    expect(get('inv_per_10k', '350503')).toBeNull();
  });

  it('has no yearly figure for a year nobody has reported, rather than zero', async () => {
    const leader = await signedIn(ctx, 'leader');
    const res = await call(ctx.app, {
      url: '/api/v1/plan/indicator-values?year=2061&codes=above_size_ind,startups_served,hte_valid',
      cookie: leader.cookie,
    });
    const value = (code: string) => res.json().items.find((x: { code: string }) => x.code === code).value;
    expect(value('above_size_ind')).toBeNull();
    expect(value('startups_served')).toBeNull();
    expect(value('hte_valid')).toBe(0);
  });

  it('keeps a county to its own region and refuses other roles', async () => {
    const county = await signedIn(ctx, 'county', { regionCode: '350583' });
    const own = await call(ctx.app, {
      url: `/api/v1/plan/indicator-values?year=${YEAR}&codes=hte_valid`,
      cookie: county.cookie,
    });
    expect(own.json().items.map((x: { regionCode: string }) => x.regionCode)).toEqual(['350583']);
    const other = await call(ctx.app, {
      url: `/api/v1/plan/indicator-values?year=${YEAR}&region=350582`,
      cookie: county.cookie,
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.field).toBe('region');
    const ent = await signedIn(ctx, 'enterprise');
    expect(
      (await call(ctx.app, { url: `/api/v1/plan/indicator-values?year=${YEAR}`, cookie: ent.cookie }))
        .statusCode,
    ).toBe(403);
  });
});
