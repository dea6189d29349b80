import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { call, describeEachDb, signedIn } from '../../test/harness';
import { clearPatentsFiledOn, makePatents } from '../../test/ip-fixtures';
import { points, rankingOf, registry, report, SLOW } from '../../test/rankings-fixture';

const J = '350582';
const N = '350583';
const F = '350503';
const L = '350502';
const OTHERS = ['350504', '350505', '350581', '350521', '350524', '350525', '350526'];

describeEachDb('plan: county ranking (县域排名)', (ctx) => {
  it(
    'ranks counties by the configured scheme, with rank change and 末位淘汰',
    async () => {
      const staff = await signedIn(ctx, 'staff');
      const reg = registry(ctx, staff.cookie);
      // 高企: Jinjiang 3 (2070) + 2 (2071) + 4 (2072); Nan'an 3 (2071) + 1 (2072); Fengze 1 (2071);
      // Licheng 1 (2072) through an organisation in its functional zone 350500Z1.
      const [j, , n, , [f]] = await Promise.all([
        ...[reg.hte(J, '2070-06-15', 3).then(async (a) => [...a, ...(await reg.hte(J, '2071-06-15', 2))])],
        ...[reg.hte(J, '2072-06-15', 4), reg.hte(N, '2071-03-01', 3), reg.hte(N, '2072-03-01', 1)],
        ...[reg.hte(F, '2071-09-01'), reg.hte('350500Z1', '2072-09-01')],
      ]);
      // 规上 statistics: Jinjiang 2 of 2 with R&D in both years, Nan'an 1 of 2, Fengze 0 of 1 in 2072.
      await Promise.all([
        ...[2071, 2072].flatMap((year) => [
          ...[reg.stats(j[0].id, year, true), reg.stats(j[1].id, year, true)],
          ...[reg.stats(n[0].id, year, true), reg.stats(n[1].id, year, false)],
        ]),
        reg.stats(f.id, 2072, false),
      ]);
      const population = [2070, 2071, 2072].flatMap((y): [string, number, string, number][] => [
        ['population', y, J, 100],
        ['population', y, N, 50],
        ['population', y, F, 50],
      ]);
      await report(ctx, [
        ...population,
        ...[
          ['tech_contract_amount', 2071, J, 100],
          ['tech_contract_amount', 2071, N, 400],
        ],
        ['tech_contract_amount', 2071, '350500Z1', 900],
        ...[
          ['tech_contract_amount', 2072, J, 10000],
          ['tech_contract_amount', 2072, N, 2500],
        ],
        ...[
          ['tech_contract_amount', 2072, F, 400],
          ['tech_contract_amount', 2072, '350500Z1', 100],
        ],
      ] as [string, number, string, number][]);

      // Valid invention patents (computed): 晋江 200 then 300, 南安 200 then 100 (half lapse), 丰泽 50 in 2072.
      await clearPatentsFiledOn(ctx, '2070-01-10');
      await makePatents(ctx, 200, { regionCode: J, filedOn: '2070-01-10', grantedOn: '2071-06-01' });
      await makePatents(ctx, 100, { regionCode: J, filedOn: '2070-01-10', grantedOn: '2072-06-01' });
      await makePatents(ctx, 100, { regionCode: N, filedOn: '2070-01-10', grantedOn: '2071-06-01' });
      const lapse = { endedOn: '2072-03-01', status: 'lapsed' as const };
      await makePatents(ctx, 100, {
        regionCode: N,
        filedOn: '2070-01-10',
        grantedOn: '2071-06-01',
        ...lapse,
      });
      await makePatents(ctx, 50, { regionCode: F, filedOn: '2070-01-10', grantedOn: '2072-06-01' });

      const { body, unit } = await rankingOf(ctx, staff.cookie, 'county', 2072);
      expect(body).toMatchObject({ scheme: 'county', subject: 'county', year: 2072, asOf: '2072-12-31' });
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
       * 2072, items in order hte_valid, new_hte_giant, rd_active_share, inv_per_10k, incubators, tech:
       * hte √: J 3, N 2, F 1, L 1, seven counties 0. Q1 0, Q3 1, upper fence 2.5: J is an outlier (1);
       *   range 0…2 → N 1, F 0.5, L 0.5 → J 20, N 20, F 10, L 10.
       * new √: J √4 = 2, N 1, L 1, others 0. Q3 0.5, fence 1.25: J out (1); N, L 1 → 15, 15, 15.
       * R&D share: J 2/2 = 100, N 1/2 = 50, F 0/1 = 0 (three values, no fences) → 15, 7.5, 0; L missing.
       * inv per 10k: J 300/100 = 3, N 100/50 = 2, F 50/50 = 1 → 20, 10, 0; L missing.
       * tech √: J 100, N 50, F 20, L 10 (zone 100 rolls up); Q1 17.5, Q3 62.5, fences −50…130, none out;
       *   range 10…100 → J 20, N 40/90·20 = 8.89, F 10/90·20 = 2.22, L 0.
       * Scores before incubators: J 90, N 61.39, L 25, F 12.22, others 0.
       */
      // Incubators (item 4) are left out here: other files' incubators may count (see below).
      const besidesIncubators = (u: (typeof body.units)[number]) => points(u).filter((_, i) => i !== 4);
      expect(besidesIncubators(unit(J))).toEqual([20, 15, 15, 20, 20]);
      expect(besidesIncubators(unit(N))).toEqual([20, 15, 7.5, 10, 8.89]);
      expect(besidesIncubators(unit(L))).toEqual([10, 15, 0, 0, 0]);
      expect(besidesIncubators(unit(F))).toEqual([10, 0, 0, 0, 2.22]);
      const flags = unit(J).items.map((i) => i.flag);
      expect([...flags.slice(0, 4), flags[5]]).toEqual(['outlier_high', 'outlier_high', null, null, null]);
      expect(unit(L).items[2]).toMatchObject({ value: null, flagged: true, flag: 'missing' });
      expect(unit(N).items[3]).toMatchObject({ raw: 2, value: 2, normalised: 0.5 });
      expect(unit(N).items[5]).toMatchObject({ raw: 2500, value: 2500, normalised: 0.4444 });
      /*
       * 2071: hte √ J 2.24, N 1.73, F 1 → J, N beyond the fence 1.25 → 20 each, F tops the inliers: 20.
       * new √ J √2, N √3, F 1 → 15 each. R&D J 100, N 50 → 15, 0. inv J 2, N 4, F 0 (computed from patents:
       * none is zero, not missing) → 10, 20, 0.
       * tech √ J 10, N 20, L 30 (zone 900) → 0, 10, 20. N 65, J 60, F 35, L 20.
       */
      // The shared PostgreSQL database may hold other files' incubators, counted for ever after they
      // open: they add at most 10 points, and every gap above is wider than that.
      for (const u of body.units) {
        expect(u.items[4].points).toBeGreaterThanOrEqual(0);
        expect(u.items[4].points).toBeLessThanOrEqual(10);
        expect(u.score).toBeCloseTo(
          u.items.reduce((a, i) => a + i.points, 0),
          1,
        );
      }
      const ranks = Object.fromEntries(body.units.map((u) => [u.id, [u.rank, u.rankLastYear, u.rankChange]]));
      expect([ranks[J], ranks[N], ranks[L], ranks[F]]).toEqual([
        [1, 2, 1],
        [2, 1, -1],
        [3, 4, 1],
        [4, 3, -1],
      ]);
      expect(body.units.slice(0, 4).map((u) => u.id)).toEqual([J, N, L, F]);
      for (const id of [J, N, L, F])
        expect(unit(id)).toMatchObject({ lastPlace: false, eliminationFlag: false });
      const clean = body.units.every((u) => u.items[4].raw === 0);
      if (clean) {
        expect([J, N, L, F].map((id) => unit(id).items[4].points)).toEqual([0, 0, 0, 0]);
        expect([J, N, L, F].map((id) => unit(id).score)).toEqual([90, 61.39, 25, 12.22]);
        // Seven counties with nothing, last in both years: all of them flagged for 末位淘汰.
        for (const id of OTHERS) {
          expect(unit(id)).toMatchObject({ score: 0, rank: 5, rankLastYear: 5, rankChange: 0 });
          expect(unit(id)).toMatchObject({ lastPlace: true, eliminationFlag: true });
        }
        const before = await rankingOf(ctx, staff.cookie, 'county', 2071);
        expect([J, N, F, L].map((id) => [before.unit(id).score, before.unit(id).rank])).toEqual([
          [60, 2],
          [65, 1],
          [35, 3],
          [20, 4],
        ]);
      }

      // County users see the whole ranking: it is how they are judged, and holds only aggregates.
      const county = await signedIn(ctx, 'county', { regionCode: N });
      const theirs = await rankingOf(ctx, county.cookie, 'county', 2072);
      expect(theirs.body.units).toHaveLength(11);
      expect(theirs.unit(J).score).toBe(unit(J).score);
    },
    SLOW,
  );

  it('exports the ranking and keeps to plan readers', async () => {
    const staff = await signedIn(ctx, 'staff');
    const res = await call(ctx.app, {
      url: '/api/v1/plan/rankings/export.xlsx?scheme=county&year=2072&asOf=2072-12-31',
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
      url: '/api/v1/plan/rankings?scheme=nope&year=2072',
      cookie: staff.cookie,
    });
    expect([bad.statusCode, bad.json().error.field]).toEqual([400, 'scheme']);
    const noYear = await call(ctx.app, { url: '/api/v1/plan/rankings?scheme=park', cookie: staff.cookie });
    expect(noYear.statusCode).toBe(400);
    expect((await call(ctx.app, { url: '/api/v1/plan/rankings?scheme=county&year=2072' })).statusCode).toBe(
      401,
    );
    for (const role of ['enterprise', 'park'] as const) {
      const who = await signedIn(ctx, role);
      for (const url of ['/api/v1/plan/rankings', '/api/v1/plan/rankings/export.xlsx']) {
        const r = await call(ctx.app, { url: `${url}?scheme=county&year=2072`, cookie: who.cookie });
        expect(r.statusCode).toBe(403);
      }
    }
  });
});
