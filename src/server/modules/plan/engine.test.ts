import { beforeAll, expect, it } from 'vitest';
import { reportedValues } from '../../db/schema';
import { type FreshCity, freshCity, registerOrg } from '../../test/factories';
import { call, describeEachDb, signedIn, type TestContext } from '../../test/harness';
import { makePatents } from '../../test/ip-fixtures';

/*
 * A small world in a city of this file's own (test/factories.ts `freshCity`), so every figure is
 * exactly what the file entered, worked out by hand:
 *   A (county 1)  高企 issued 2013-12-31 → last valid day 2016-12-30    规上 2016, with R&D
 *   B (county 1)  高企 issued 2014-01-01 → last valid day 2016-12-31    规上 2016
 *   C (zone, under county 2) 高企 issued 2015-05-01                      —
 * As of 2016-12-31: 高企 valid = B, C → city 2, county 1 1, county 2 1 (its zone), zone 1.
 * 规上 2016 = 2 (A, B), with R&D = 1 (A) → share 50.0%.
 */
const YEAR = 2016;

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
  let w: FreshCity;
  beforeAll(async () => {
    w = await freshCity(ctx);
  });

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
    const [c1, c2] = w.counties;
    const a = (await registerOrg(ctx, staff.cookie, c1)).id;
    const b = (await registerOrg(ctx, staff.cookie, c1)).id;
    const c = (await registerOrg(ctx, staff.cookie, w.zone)).id;
    await hte(ctx, staff.cookie, a, '2013-12-31');
    await hte(ctx, staff.cookie, b, '2014-01-01');
    await hte(ctx, staff.cookie, c, '2015-05-01');
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

    const city = await values(w.city);
    expect(city).toMatchObject({ hte_valid: 2, above_size_ind: 2, rd_active_ent: 1, rd_active_share: 50 });
    expect((await values(c1)).hte_valid).toBe(1);
    expect((await values(c2)).hte_valid).toBe(1);
    expect((await values(w.zone)).hte_valid).toBe(1);
    // On the day before B's last valid day, A is still valid too.
    expect((await values(w.city, `${YEAR}-12-30`)).hte_valid).toBe(3);

    const byRegion = await call(ctx.app, {
      url: `/api/v1/plan/indicator-values?year=${YEAR}&by=region&codes=hte_valid`,
      cookie: leader.cookie,
    });
    const rows = byRegion.json().items as { regionCode: string; value: number }[];
    expect(rows.map((r) => [r.regionCode, r.value])).toEqual([
      [w.city, 2],
      [c1, 1],
      [c2, 1],
    ]);

    const drill = await call(ctx.app, {
      url: `/api/v1/plan/indicators/hte_valid/records?year=${YEAR}&pageSize=200`,
      cookie: leader.cookie,
    });
    const listed = drill.json().items.map((x: { orgId: string }) => x.orgId);
    // The drill-down lists exactly what the figure counts.
    expect(listed.sort()).toEqual([b, c].sort());
    expect(drill.json().total).toBe(2);
  });

  it('derives per-10k figures from computed patents and reported population at every level', async () => {
    // Valid invention patents on 31 December: 晋江 100, 南安 50 (one more lapsed on that day).
    const end = `${YEAR + 1}-12-31`;
    await makePatents(ctx, 100, {
      regionCode: w.counties[0],
      filedOn: `${YEAR}-02-01`,
      grantedOn: `${YEAR + 1}-03-01`,
    });
    await makePatents(ctx, 50, { regionCode: w.counties[1], filedOn: `${YEAR}-02-01`, grantedOn: end });
    await makePatents(ctx, 1, {
      regionCode: w.counties[1],
      filedOn: `${YEAR}-02-01`,
      grantedOn: `${YEAR}-12-01`,
      endedOn: end,
    });
    const rows = [
      ['population', w.counties[0], '20'],
      ['population', w.counties[1], '10'],
    ].map(([indicatorCode, regionCode, value]) => ({
      indicatorCode,
      regionCode,
      value,
      year: YEAR + 1,
      source: '测试',
      enteredBy: 'test',
    }));
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
    expect(get('valid_inv_patents', w.city)).toBe(150);
    expect(get('population', w.city)).toBe(30);
    expect(get('inv_per_10k', w.city)).toBe(5);
    expect(get('inv_per_10k', w.counties[1])).toBe(5);
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
    const county = await signedIn(ctx, 'county', { regionCode: w.counties[1] });
    const own = await call(ctx.app, {
      url: `/api/v1/plan/indicator-values?year=${YEAR}&codes=hte_valid`,
      cookie: county.cookie,
    });
    expect(own.json().items.map((x: { regionCode: string }) => x.regionCode)).toEqual([w.counties[1]]);
    const other = await call(ctx.app, {
      url: `/api/v1/plan/indicator-values?year=${YEAR}&region=${w.counties[0]}`,
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
