import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { isValidOn } from '../../../domain/ip';
import { queryRows } from '../../db/client';
import { ipPatents } from '../../db/schema';
import { freshRegion } from '../../test/factories';
import { call, describeEachDb, signedIn } from '../../test/harness';
import { makePatents } from '../../test/ip-fixtures';
import { patentValidOn } from './validity-sql';

/*
 * A fresh county, in years no other test writes:
 *   3 inventions filed 2050-03-15, granted 2051-01-10: valid through 2070-03-14 (20 years).
 *   2 inventions filed 2060-02-01, granted 2062-06-01, lapsed 2070-03-01 (valid through 2070-02-28).
 *   4 designs filed 2060-05-31 (10 years) and 1 filed 2060-06-01 … the rule's 2021-06-01 switch is
 *     covered by the unit tests; here the SQL twin is compared with the domain rule on each boundary.
 *   5 utility models filed 2070-01-10, granted 2070-07-01 (flow figures of 2070).
 */
describeEachDb('ip: computed patent figures and the validity rule in SQL', (ctx) => {
  it('agrees with the domain rule on the boundary dates, and counts per county as of a date', async () => {
    const { county } = await freshRegion(ctx);
    const leader = await signedIn(ctx, 'leader');
    await makePatents(ctx, 3, { regionCode: county, filedOn: '2050-03-15', grantedOn: '2051-01-10' });
    await makePatents(ctx, 2, {
      regionCode: county,
      filedOn: '2060-02-01',
      grantedOn: '2062-06-01',
      endedOn: '2070-03-01',
    });
    await makePatents(ctx, 1, {
      regionCode: county,
      kind: 'design',
      filedOn: '2021-05-31',
      grantedOn: '2021-09-01',
    });
    await makePatents(ctx, 1, {
      regionCode: county,
      kind: 'design',
      filedOn: '2021-06-01',
      grantedOn: '2021-09-01',
    });
    await makePatents(ctx, 5, {
      regionCode: county,
      kind: 'utility',
      filedOn: '2070-01-10',
      grantedOn: '2070-07-01',
    });

    const days = [
      '2051-01-09',
      '2051-01-10',
      '2070-02-28',
      '2070-03-01',
      '2070-03-14',
      '2070-03-15',
      '2031-05-30',
      '2031-05-31',
      '2036-05-31',
      '2036-06-01',
    ];
    const rows = await queryRows<{
      kind: 'invention' | 'utility' | 'design';
      filed_on: string;
      granted_on: string | null;
      ended_on: string | null;
    }>(
      ctx.database.db,
      sql`select kind, filed_on::text, granted_on::text, ended_on::text from ${ipPatents} where region_code = ${county}`,
    );
    for (const day of days) {
      const inSql = await queryRows<{ n: number }>(
        ctx.database.db,
        sql`select count(*)::int as n from ${ipPatents} where region_code = ${county} and ${patentValidOn(day)}`,
      );
      const inTs = rows.filter((r) =>
        isValidOn({ kind: r.kind, filedOn: r.filed_on, grantedOn: r.granted_on, endedOn: r.ended_on }, day),
      ).length;
      expect(Number(inSql[0].n), day).toBe(inTs);
    }

    const figure = async (code: string, year: number, asOf?: string) => {
      const q = `year=${year}&region=${county}&codes=${code}${asOf ? `&asOf=${asOf}` : ''}`;
      const res = await call(ctx.app, { url: `/api/v1/plan/indicator-values?${q}`, cookie: leader.cookie });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.find((x: { code: string }) => x.code === code).value;
    };
    // The 20-year term and the lapse, each on its day.
    expect(await figure('valid_inv_patents', 2070, '2070-02-28')).toBe(5);
    expect(await figure('valid_inv_patents', 2070, '2070-03-01')).toBe(3);
    expect(await figure('valid_inv_patents', 2070, '2070-03-14')).toBe(3);
    expect(await figure('valid_inv_patents', 2070, '2070-03-15')).toBe(0);
    // Flows by filing and grant day, as of a date within the year.
    expect(await figure('patent_apps', 2070)).toBe(5);
    expect(await figure('patent_grants', 2070, '2070-06-30')).toBe(0);
    expect(await figure('patent_grants', 2070)).toBe(5);
    expect(await figure('inv_patent_grants', 2070)).toBe(0);

    const drill = await call(ctx.app, {
      url: `/api/v1/plan/indicators/valid_inv_patents/records?year=2070&region=${county}&asOf=2070-03-01`,
      cookie: leader.cookie,
    });
    expect(drill.statusCode, drill.body).toBe(200);
    expect(drill.json().total).toBe(3);
  });
});
