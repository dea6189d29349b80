import { eq } from 'drizzle-orm';
import pg from 'pg';
import { beforeAll, expect, it } from 'vitest';
import { qualifications } from '../../db/schema';
import { type FreshCity, freshCity, makeOrg } from '../../test/factories';
import { call, describeEachDb, signedIn } from '../../test/harness';
import { figureCacheStats } from './figure-cache';

// In a city of this file's own: every 高企 counted here is one this file entered.
const YEAR = 2016;
const URL = `/api/v1/plan/indicator-values?year=${YEAR}&asOf=${YEAR}-06-30&codes=hte_valid`;

describeEachDb('computed figures kept between requests', (ctx) => {
  let w: FreshCity;
  beforeAll(async () => {
    w = await freshCity(ctx);
  });

  const hteValid = async (cookie: string) => {
    const res = await call(ctx.app, { url: URL, cookie });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.find((i: { code: string }) => i.code === 'hte_valid').value as number;
  };

  const certificate = {
    typeCode: 'hte',
    issuedOn: `${YEAR - 1}-03-01`,
    validUntil: `${YEAR + 2}-02-28`,
  };

  it('are served kept while nothing changed and recomputed as soon as a record is written', async () => {
    const { cookie } = await signedIn(ctx, 'leader');
    expect(await hteValid(cookie)).toBe(0);

    const org = await makeOrg(ctx, w.counties[0]);
    await ctx.database.db
      .insert(qualifications)
      .values({ orgId: org.id, regionCode: org.regionCode, ...certificate });
    expect(await hteValid(cookie)).toBe(1);

    if (ctx.driver === 'pglite') {
      // Only this file writes to its embedded database, so nothing else can refresh the figure.
      const computed = figureCacheStats.computed;
      const kept = figureCacheStats.kept;
      expect(await hteValid(cookie)).toBe(1);
      expect(await hteValid(cookie)).toBe(1);
      expect(figureCacheStats.computed).toBe(computed);
      expect(figureCacheStats.kept).toBeGreaterThan(kept);
    }

    await ctx.database.db.delete(qualifications).where(eq(qualifications.orgId, org.id));
    expect(await hteValid(cookie)).toBe(0);
  });

  it('counts a write that was still uncommitted when the figure was computed, once it commits', async () => {
    if (ctx.driver !== 'postgres') return; // needs a second connection
    const { cookie } = await signedIn(ctx, 'leader');
    const org = await makeOrg(ctx, w.counties[1]);
    const before = await hteValid(cookie);

    const writer = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await writer.connect();
    try {
      await writer.query('begin');
      await writer.query(
        'insert into qualifications (org_id, region_code, type_code, issued_on, valid_until) values ($1, $2, $3, $4, $5)',
        [org.id, org.regionCode, certificate.typeCode, certificate.issuedOn, certificate.validUntil],
      );
      // Another certificate committed meanwhile makes the figure be computed afresh while the
      // first is entered but not committed: that one is not counted yet.
      await ctx.database.db
        .insert(qualifications)
        .values({ orgId: org.id, regionCode: org.regionCode, ...certificate, typeCode: 'prov_tech_ent' });
      expect(await hteValid(cookie)).toBe(before);
      await writer.query('commit');
    } finally {
      await writer.end();
    }
    expect(await hteValid(cookie)).toBe(before + 1);
  });
});
