import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { registeredContract } from '../../test/contracts-fixtures';
import { freshCity } from '../../test/factories';
import { call, describeEachDb, signedIn } from '../../test/harness';
import { makePatents } from '../../test/ip-fixtures';
import { points, rankingOf, registry, report, SLOW } from '../../test/rankings-fixture';

describeEachDb('plan: county ranking (县域排名)', (ctx) => {
  // A city of this file's own with eleven counties, as Quanzhou has: J, L (with a zone Z), N, F and
  // seven that hold nothing. Every figure ranked is one this file entered.
  let J: string;
  let L: string;
  let N: string;
  let F: string;
  let Z: string;
  let OTHERS: string[];
  beforeAll(async () => {
    const w = await freshCity(ctx, 11);
    [J, L, N, F, ...OTHERS] = w.counties;
    Z = w.zone;
  });

  it(
    'ranks counties by the configured scheme, with rank change and 末位淘汰',
    async () => {
      const staff = await signedIn(ctx, 'staff');
      const reg = registry(ctx, staff.cookie);
      // 高企: Jinjiang 3 (2014) + 2 (2015) + 4 (2016); Nan'an 3 (2015) + 1 (2016); Fengze 1 (2015);
      // Licheng 1 (2016) through an organisation in its functional zone Z.
      const [j, , n, , [f]] = await Promise.all([
        ...[reg.hte(J, '2014-06-15', 3).then(async (a) => [...a, ...(await reg.hte(J, '2015-06-15', 2))])],
        ...[reg.hte(J, '2016-06-15', 4), reg.hte(N, '2015-03-01', 3), reg.hte(N, '2016-03-01', 1)],
        ...[reg.hte(F, '2015-09-01'), reg.hte(Z, '2016-09-01')],
      ]);
      // 规上 statistics: Jinjiang 2 of 2 with R&D in both years, Nan'an 1 of 2, Fengze 0 of 1 in 2016.
      await Promise.all([
        ...[2015, 2016].flatMap((year) => [
          ...[reg.stats(j[0].id, year, true), reg.stats(j[1].id, year, true)],
          ...[reg.stats(n[0].id, year, true), reg.stats(n[1].id, year, false)],
        ]),
        reg.stats(f.id, 2016, false),
      ]);
      const population = [2014, 2015, 2016].flatMap((y): [string, number, string, number][] => [
        ['population', y, J, 100],
        ['population', y, N, 50],
        ['population', y, F, 50],
      ]);
      await report(ctx, population);
      // 技术合同成交额 is computed from registered contracts (a zone's roll up into its county).
      await Promise.all(
        (
          [
            [J, '2015-05-10', 100],
            [N, '2015-05-10', 400],
            [Z, '2015-05-10', 900],
            [J, '2016-05-10', 10000],
            [N, '2016-05-10', 2500],
            [F, '2016-05-10', 400],
            [Z, '2016-05-10', 100],
          ] as const
        ).map(([regionCode, registeredOn, amount]) =>
          registeredContract(ctx, { regionCode, registeredOn, amount }),
        ),
      );
      // Valid invention patents (computed): 晋江 200 then 300, 南安 200 then 100 (half lapse), 丰泽 50 in 2016.
      await makePatents(ctx, 200, { regionCode: J, filedOn: '2014-01-10', grantedOn: '2015-06-01' });
      await makePatents(ctx, 100, { regionCode: J, filedOn: '2014-01-10', grantedOn: '2016-06-01' });
      await makePatents(ctx, 100, { regionCode: N, filedOn: '2014-01-10', grantedOn: '2015-06-01' });
      const lapse = { endedOn: '2016-03-01', status: 'lapsed' as const };
      await makePatents(ctx, 100, {
        regionCode: N,
        filedOn: '2014-01-10',
        grantedOn: '2015-06-01',
        ...lapse,
      });
      await makePatents(ctx, 50, { regionCode: F, filedOn: '2014-01-10', grantedOn: '2016-06-01' });

      const { body, unit } = await rankingOf(ctx, staff.cookie, 'county', 2016);
      expect(body).toMatchObject({ scheme: 'county', subject: 'county', year: 2016, asOf: '2016-12-31' });
      expect(body.units.map((u) => u.id).sort()).toEqual([J, N, F, L, ...OTHERS].sort());
      expect(body.criteria.map((c) => [c.indicator, c.weight])).toEqual([
        ...[
          ['hte_valid', 0.2],
          ['new_hte_giant', 0.15],
          ['rd_active_share', 0.15],
        ],
        ...[
          ['inv_per_10k', 0.2],
          ['incubators', 0.1],
          ['tech_contract_amount', 0.2],
        ],
      ]);
      /*
       * 2016, items in order hte_valid, new_hte_giant, rd_active_share, inv_per_10k, incubators, tech:
       * hte √: J 3, N 2, F 1, L 1, seven counties 0. Q1 0, Q3 1, upper fence 2.5: J is an outlier (1);
       *   range 0…2 → N 1, F 0.5, L 0.5 → J 20, N 20, F 10, L 10.
       * new √: J √4 = 2, N 1, L 1, others 0. Q3 0.5, fence 1.25: J out (1); N, L 1 → 15, 15, 15.
       * R&D share: J 2/2 = 100, N 1/2 = 50, F 0/1 = 0 (three values, no fences) → 15, 7.5, 0; L missing.
       * inv per 10k: J 300/100 = 3, N 100/50 = 2, F 50/50 = 1 → 20, 10, 0; L missing.
       * tech √ (computed from registered contracts, so the seven other counties count 0): J 100, N 50,
       *   F 20, L 10 (zone 100 rolls up), seven 0; Q1 0, Q3 15, upper fence 37.5: J, N out (20 each);
       *   range 0…20 → F 20, L 10, others 0.
       * Scores before incubators: J 90, N 72.5, L 35, F 30, others 0.
       */
      // No incubator (item 4) in this city: none scores.
      expect(points(unit(J))).toEqual([20, 15, 15, 20, 0, 20]);
      expect(points(unit(N))).toEqual([20, 15, 7.5, 10, 0, 20]);
      expect(points(unit(L))).toEqual([10, 15, 0, 0, 0, 10]);
      expect(points(unit(F))).toEqual([10, 0, 0, 0, 0, 20]);
      const flags = unit(J).items.map((i) => i.flag);
      expect([...flags.slice(0, 4), flags[5]]).toEqual([
        'outlier_high',
        'outlier_high',
        null,
        null,
        'outlier_high',
      ]);
      expect(unit(L).items[2]).toMatchObject({ value: null, flagged: true, flag: 'missing' });
      expect(unit(N).items[3]).toMatchObject({ raw: 2, value: 2, normalised: 0.5 });
      expect(unit(N).items[5]).toMatchObject({ raw: 2500, value: 2500, normalised: 1, flag: 'outlier_high' });
      expect(unit(L).items[5]).toMatchObject({ raw: 100, value: 100, normalised: 0.5 });
      /*
       * 2015: hte √ J 2.24, N 1.73, F 1 → J, N beyond the fence 1.25 → 20 each, F tops the inliers: 20.
       * new √ J √2, N √3, F 1 → 15 each. R&D J 100, N 50 → 15, 0. inv J 2, N 4, F 0 (computed from
       * patents: none is zero, not missing) → 10, 20, 0.
       * tech √ J 10, N 20, L 30 (zone 900), eight 0: Q3 5, fence 12.5 → N, L out (20 each), J tops the
       *   inliers (20), F 0. J 80, N 75, F 35, L 20.
       */
      for (const u of body.units) {
        expect(u.score).toBeCloseTo(
          u.items.reduce((a, i) => a + i.points, 0),
          1,
        );
      }
      const ranks = Object.fromEntries(body.units.map((u) => [u.id, [u.rank, u.rankLastYear, u.rankChange]]));
      expect([ranks[J], ranks[N], ranks[L], ranks[F]]).toEqual([
        [1, 1, 0],
        [2, 2, 0],
        [3, 4, 1],
        [4, 3, -1],
      ]);
      expect(body.units.slice(0, 4).map((u) => u.id)).toEqual([J, N, L, F]);
      for (const id of [J, N, L, F])
        expect(unit(id)).toMatchObject({ lastPlace: false, eliminationFlag: false });
      expect(body.units.every((u) => u.items[4].raw === 0)).toBe(true);
      expect([J, N, L, F].map((id) => unit(id).score)).toEqual([90, 72.5, 35, 30]);
      // Seven counties with nothing, last in both years: all of them flagged for 末位淘汰.
      for (const id of OTHERS) {
        expect(unit(id)).toMatchObject({ score: 0, rank: 5, rankLastYear: 5, rankChange: 0 });
        expect(unit(id)).toMatchObject({ lastPlace: true, eliminationFlag: true });
      }
      const before = await rankingOf(ctx, staff.cookie, 'county', 2015);
      expect([J, N, F, L].map((id) => [before.unit(id).score, before.unit(id).rank])).toEqual([
        [80, 1],
        [75, 2],
        [35, 3],
        [20, 4],
      ]);

      // County users see the whole ranking: it is how they are judged, and holds only aggregates.
      const county = await signedIn(ctx, 'county', { regionCode: N });
      const theirs = await rankingOf(ctx, county.cookie, 'county', 2016);
      expect(theirs.body.units).toHaveLength(11);
      expect(theirs.unit(J).score).toBe(unit(J).score);
    },
    SLOW,
  );

  it('exports the ranking and keeps to plan readers', async () => {
    const staff = await signedIn(ctx, 'staff');
    const res = await call(ctx.app, {
      url: '/api/v1/plan/rankings/export.xlsx?scheme=county&year=2016&asOf=2016-12-31',
      cookie: staff.cookie,
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('排名');
    expect(sheet.getRow(1).getCell(3).value).toBe('综合得分');
    expect(sheet.rowCount).toBe(12);
    expect(sheet.getRow(2).getCell(1).value).toBe(1);

    const bad = await call(ctx.app, {
      url: '/api/v1/plan/rankings?scheme=nope&year=2016',
      cookie: staff.cookie,
    });
    expect([bad.statusCode, bad.json().error.field]).toEqual([400, 'scheme']);
    const noYear = await call(ctx.app, { url: '/api/v1/plan/rankings?scheme=park', cookie: staff.cookie });
    expect(noYear.statusCode).toBe(400);
    expect((await call(ctx.app, { url: '/api/v1/plan/rankings?scheme=county&year=2016' })).statusCode).toBe(
      401,
    );
    for (const role of ['enterprise', 'park'] as const) {
      const who = await signedIn(ctx, role);
      for (const url of ['/api/v1/plan/rankings', '/api/v1/plan/rankings/export.xlsx']) {
        const r = await call(ctx.app, { url: `${url}?scheme=county&year=2016`, cookie: who.cookie });
        expect(r.statusCode).toBe(403);
      }
    }
  });
});
