import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { call, describeEachDb, signedIn } from '../../test/harness';
import { points, rankingOf, registry, SLOW } from '../../test/rankings-fixture';

describeEachDb('plan: sub-park assessment (一区多园考核)', (ctx) => {
  it(
    'assesses the sub-parks and flags last place two years running for 末位淘汰',
    async () => {
      const staff = await signedIn(ctx, 'staff');
      const reg = registry(ctx, staff.cookie);
      const list = await call(ctx.app, { url: '/api/v1/registry/parks?pageSize=50', cookie: staff.cookie });
      const park = Object.fromEntries(
        list.json().items.map((p: { code: string; id: string; regionCode: string }) => [p.code.slice(7), p]),
      ) as Record<string, { id: string; regionCode: string }>;
      const [FZ, LJ, JJ, NA, SS, HA] = ['fengze', 'luojiang', 'jinjiang', 'nanan', 'shishi', 'huian'].map(
        (c) => park[c],
      );
      // park_annual: output (万元), enterprises, of which 高企.
      const annual: [typeof FZ, number, number, number, number][] = [
        ...[
          [FZ, 2079, 80000, 100, 20],
          [LJ, 2079, 25600, 50, 5],
          [JJ, 2079, 160000, 200, 60],
        ],
        ...[
          [NA, 2079, 100000, 100, 25],
          [SS, 2079, 62500, 80, 8],
          [HA, 2079, 40500, 40, 8],
        ],
        ...[
          [FZ, 2080, 75000, 100, 20],
          [LJ, 2080, 36000, 50, 10],
          [JJ, 2080, 200000, 200, 60],
        ],
        ...[
          [NA, 2080, 128000, 100, 25],
          [SS, 2080, 54080, 80, 8],
          [HA, 2080, 32400, 40, 4],
        ],
        ...[
          [FZ, 2081, 90000, 100, 25],
          [LJ, 2081, 40000, 50, 10],
          [JJ, 2081, 250000, 200, 80],
        ],
        ...[
          [NA, 2081, 160000, 100, 30],
          [SS, 2081, 67600, 80, 16],
          [HA, 2081, 32400, 40, 4],
        ],
      ] as [typeof FZ, number, number, number, number][];
      await Promise.all(
        annual.map(([p, year, output, enterprises, hteCount]) =>
          reg.send('PUT', `/parks/${p.id}/annual/${year}`, {
            industrialOutput: String(output),
            enterprises,
            hteCount,
          }),
        ),
      );
      // Registry records of organisations in the parks: 高企 from 2080 (Luojiang's from 2081), one
      // engineering centre in Jinjiang park and one incubator in Fengze park, both from 2080.
      const [[jjHost], [fzHost]] = await Promise.all([
        ...[reg.hte(JJ.regionCode, '2080-03-01', 4, JJ.id), reg.hte(FZ.regionCode, '2080-03-01', 1, FZ.id)],
        ...[reg.hte(NA.regionCode, '2080-03-01', 1, NA.id), reg.hte(LJ.regionCode, '2081-03-01', 1, LJ.id)],
      ]);
      const facility = { level: 'municipal', recognizedOn: '2080-01-15' };
      await reg.send('POST', '/platforms', {
        ...{ ...facility, hostOrgId: jjHost.id, kind: 'muni_eng_center' },
        name: `排名测试${randomBytes(3).toString('hex')}工程中心`,
      });
      await reg.send('POST', '/carriers', {
        ...{ ...facility, operatorOrgId: fzHost.id, kind: 'incubator' },
        name: `排名测试${randomBytes(3).toString('hex')}孵化器`,
      });

      const { body, unit } = await rankingOf(ctx, staff.cookie, 'park', 2081);
      expect(body.units).toHaveLength(6);
      /*
       * 2081, items output √, growth, hte √, 高企 share, R&D platforms √, incubators √ (weights .2, .2,
       * .15, .15, .15, .15):
       * output √: FZ 300, LJ 200, JJ 500, NA 400, SS 260, HA 180 → (x − 180)/320:
       *   FZ .375 → 7.5, LJ .0625 → 1.25, JJ 20, NA .6875 → 13.75, SS .25 → 5, HA 0.
       * growth on 2080: FZ 20, LJ 11.11, JJ 25, NA 25, SS 25, HA 0 (%); Q1 13.33, Q3 25, no outlier;
       *   range 0…25 → FZ 16, LJ 8.89, JJ/NA/SS 20, HA 0.
       * hte √: FZ 1, LJ 1, JJ 2, NA 1, SS 0, HA 0 → FZ/LJ/NA 7.5, JJ 15.
       * share: FZ .25, LJ .2, JJ .4, NA .3, SS .2, HA .1 → (x − .1)/.3 · 15: 7.5, 5, 15, 10, 5, 0.
       * platforms: only JJ has one; Q1 = Q3 = 0, so it is an outlier clamped to 1: 15. Incubators: FZ 15.
       * JJ 85, FZ 53.5, NA 51.25, SS 30, LJ 22.64, HA 0.
       */
      expect(body.units.map((u) => [u.id, u.score, u.rank])).toEqual([
        [JJ.id, 85, 1],
        [FZ.id, 53.5, 2],
        [NA.id, 51.25, 3],
        [SS.id, 30, 4],
        [LJ.id, 22.64, 5],
        [HA.id, 0, 6],
      ]);
      expect(points(unit(FZ.id))).toEqual([7.5, 16, 7.5, 7.5, 0, 15]);
      expect(points(unit(LJ.id))).toEqual([1.25, 8.89, 7.5, 5, 0, 0]);
      expect(unit(JJ.id).items[4]).toMatchObject({ raw: 1, normalised: 1, flag: 'outlier_high' });
      expect(unit(NA.id).items[3]).toMatchObject({ raw: 30, value: 0.3, normalised: 0.6667 });
      expect(unit(SS.id).items[1]).toMatchObject({ value: 25, points: 20 });
      // 2080 (computed the same way): JJ 79.85, NA 47.89, FZ 41.56, LJ 28.23, SS 6.09, HA 0.
      expect(body.units.map((u) => [u.rankLastYear, u.rankChange])).toEqual([
        [1, 0],
        [3, 1],
        [2, -1],
        [5, 1],
        [4, -1],
        [6, 0],
      ]);
      expect(body.units.map((u) => [u.lastPlace, u.eliminationFlag])).toEqual([
        ...[
          [false, false],
          [false, false],
          [false, false],
          [false, false],
          [false, false],
        ],
        [true, true],
      ]);

      // In 2080 Hui'an was last too, but in 2079 Luojiang was: last place once is no 末位淘汰.
      const y2080 = await rankingOf(ctx, staff.cookie, 'park', 2080);
      expect(y2080.body.units.map((u) => u.score)).toEqual([79.85, 47.89, 41.56, 28.23, 6.09, 0]);
      expect(y2080.unit(HA.id)).toMatchObject({ rank: 6, lastPlace: true, eliminationFlag: false });
      expect(y2080.unit(LJ.id)).toMatchObject({ rank: 4, rankLastYear: 6, rankChange: 2 });
    },
    SLOW,
  );
});
