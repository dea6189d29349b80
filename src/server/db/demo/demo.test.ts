import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateUscc } from '../../../domain/identifiers';
import { validUntilFor } from '../../../domain/registry';
import { type Database, openDatabase, queryRows, type Tx } from '../client';
import { ensureDemoOrganizations } from '../seed/demo-accounts';
import { loadReferenceData } from '../seed/reference';
import { generateDemoData } from './index';

const SEED = 20161231;
const D = '2016-12-31';

async function freshDatabase(): Promise<Database> {
  const database = await openDatabase({ dataDir: 'memory' });
  await loadReferenceData(database.db, 'quanzhou');
  await ensureDemoOrganizations(database.db);
  return database;
}

async function count(tx: Tx, query: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number | string | null }>(tx, query);
  return Number(row.n ?? 0);
}

/** Organisations holding a qualification of one of `types` valid on `date` — written out, not imported. */
function validHolders(types: string[], date = D): SQL {
  const list = sql.raw(types.map((t) => `'${t}'`).join(', '));
  return sql`select count(distinct org_id) as n from qualifications
    where type_code in (${list}) and issued_on <= ${date}::date
      and (valid_until is null or valid_until >= ${date}::date)
      and not (revoked and (revoked_on is null or revoked_on <= ${date}::date))`;
}

function platforms(kind: string, date = D): SQL {
  return sql`select count(*) as n from rd_platforms where kind = ${kind} and recognized_on <= ${date}::date
    and (status = 'active' or ended_on > ${date}::date)`;
}

const COUNTED_CARRIERS = sql`select id, level from carriers where kind in ('maker_space', 'incubator')
  and recognized_on <= ${D}::date and (status = 'active' or ended_on > ${D}::date)`;

function aboveSize(year: number, extra = sql``): SQL {
  return sql`select count(*) as n from org_annual_stats s join organizations o on o.id = s.org_id
    where s.year = ${year} and s.above_size and o.kind = 'enterprise' ${extra}`;
}

/** A digest of what the seed decides: organisations, statistics and qualifications. */
async function fingerprint(tx: Tx): Promise<string> {
  const orgs = await queryRows(
    tx,
    sql`select uscc, name, region_code, industry_code, founded_on::text, address from organizations order by uscc`,
  );
  const stats = await queryRows(
    tx,
    sql`select o.uscc, s.year, s.revenue, s.rd_expense, s.staff, s.above_size from org_annual_stats s
      join organizations o on o.id = s.org_id order by o.uscc, s.year`,
  );
  const quals = await queryRows(
    tx,
    sql`select o.uscc, q.type_code, q.issued_on::text, q.certificate_no from qualifications q
      join organizations o on o.id = q.org_id order by o.uscc, q.type_code, q.issued_on, q.certificate_no`,
  );
  return createHash('sha256')
    .update(JSON.stringify([orgs, stats, quals]))
    .digest('hex');
}

describe('demo data generator', () => {
  let database: Database;
  let tx: Tx;

  beforeAll(async () => {
    database = await freshDatabase();
    tx = database.db;
    await generateDemoData(database.db, { seed: SEED });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('reproduces the 2016 qualification figures', async () => {
    expect(await count(tx, validHolders(['hte']))).toBe(311);
    expect(await count(tx, validHolders(['prov_tech_ent']))).toBe(259);
    expect(await count(tx, validHolders(['ip_pilot', 'ip_advantage']))).toBe(398);
    expect(
      await count(
        tx,
        sql`select count(distinct q.org_id) as n from qualifications q
          join org_annual_stats s on s.org_id = q.org_id and s.year = 2016 and s.above_size
          where q.type_code in ('nc_participant', 'nc_demo') and q.issued_on <= ${D}::date
            and (q.valid_until is null or q.valid_until >= ${D}::date)
            and not (q.revoked and (q.revoked_on is null or q.revoked_on <= ${D}::date))`,
      ),
    ).toBe(1300);
  });

  it('reproduces the platform and incubator figures', async () => {
    expect(await count(tx, platforms('muni_eng_center'))).toBe(189);
    expect(await count(tx, platforms('ind_tech_center'))).toBe(164);
    expect(await count(tx, platforms('prov_key_lab'))).toBe(12);
    expect(await count(tx, platforms('new_rd_inst'))).toBe(36);
    expect(await count(tx, platforms('national_platform'))).toBe(3);
    expect(await count(tx, sql`select count(*) as n from (${COUNTED_CARRIERS}) c`)).toBe(71);
    expect(
      await count(tx, sql`select count(*) as n from (${COUNTED_CARRIERS}) c where level = 'national'`),
    ).toBe(8);
    const [served] = await queryRows<{ s: string; t: string }>(
      tx,
      sql`select sum(a.startups_served) as s, sum(a.teams_served) as t from carrier_annual a
        join (${COUNTED_CARRIERS}) c on c.id = a.carrier_id where a.year = 2016`,
    );
    expect(Number(served.s)).toBe(498);
    expect(Number(served.t)).toBe(1028);
  });

  it('reproduces the 规上 figures, with 晋江 largest', async () => {
    expect(await count(tx, aboveSize(2016))).toBe(4438);
    expect(await count(tx, aboveSize(2016, sql`and s.has_rd_activity`))).toBe(667);
    expect(await count(tx, aboveSize(2016, sql`and s.owns_core_tech`))).toBe(150);
    const byRegion = await queryRows<{ region_code: string; n: number }>(
      tx,
      sql`select region_code, count(*)::int as n from org_annual_stats where year = 2016 and above_size
        group by region_code order by n desc`,
    );
    expect(byRegion[0].region_code).toBe('350582');
    expect(byRegion[1].n).toBeLessThan(byRegion[0].n);
  });

  it('has a smaller 2015 and history that must not count in 2016', async () => {
    const above2015 = await count(tx, aboveSize(2015));
    expect(above2015).toBeGreaterThan(4000);
    expect(above2015).toBeLessThan(4438);
    expect(await count(tx, validHolders(['hte'], '2015-12-31'))).toBeLessThan(311);
    expect(await count(tx, platforms('muni_eng_center', '2015-12-31'))).toBeLessThan(189);
    expect(await count(tx, platforms('new_rd_inst', '2015-12-31'))).toBeLessThan(36);
    const hteHistory = sql`select count(*) as n from qualifications where type_code = 'hte'`;
    expect(await count(tx, sql`${hteHistory} and issued_on > ${D}::date`)).toBeGreaterThan(0);
    expect(
      await count(tx, sql`${hteHistory} and revoked and revoked_on between '2016-01-01' and ${D}::date`),
    ).toBe(2);
    expect(await count(tx, sql`${hteHistory} and valid_until < ${D}::date`)).toBeGreaterThan(0);
    // The three-year rule's edges: issued 2014-01-01 is still valid on 2016-12-31, 2013-12-31 is not.
    expect(
      await count(tx, sql`${hteHistory} and issued_on = '2014-01-01' and valid_until = ${D}::date`),
    ).toBe(1);
    expect(
      await count(tx, sql`${hteHistory} and issued_on = '2013-12-31' and valid_until = '2016-12-30'`),
    ).toBe(1);
    expect(
      await count(
        tx,
        sql`select count(*) as n from rd_platforms where status <> 'active' and ended_on <= ${D}::date`,
      ),
    ).toBeGreaterThan(0);
  });

  it('stores valid_until from the type rule and unique GR certificate numbers', async () => {
    const rows = await queryRows<{ issued_on: string; valid_until: string; certificate_no: string }>(
      tx,
      sql`select issued_on::text, valid_until::text, certificate_no from qualifications where type_code = 'hte'`,
    );
    for (const r of rows) {
      expect(r.valid_until).toBe(validUntilFor({ kind: 'years', years: 3 }, r.issued_on));
      expect(r.certificate_no).toMatch(new RegExp(`^GR${r.issued_on.slice(0, 4)}35\\d{6}$`));
    }
    expect(new Set(rows.map((r) => r.certificate_no)).size).toBe(rows.length);
  });

  it('gives every organisation a valid, unique USCC, a real region other than 金门, and a park in its region', async () => {
    const orgs = await queryRows<{ uscc: string; name: string; region_code: string }>(
      tx,
      sql`select uscc, name, region_code from organizations`,
    );
    expect(orgs.length).toBeGreaterThan(5000);
    const invalid = orgs.filter((o) => !validateUscc(o.uscc).ok);
    expect(invalid).toEqual([]);
    expect(new Set(orgs.map((o) => o.uscc)).size).toBe(orgs.length);
    expect(new Set(orgs.map((o) => o.name)).size).toBe(orgs.length);
    expect(orgs.filter((o) => o.region_code === '350527')).toEqual([]);
    expect(
      await count(
        tx,
        sql`select count(*) as n from organizations o left join regions r on r.code = o.region_code
        where r.code is null`,
      ),
    ).toBe(0);
    expect(
      await count(
        tx,
        sql`select count(*) as n from organizations o join parks p on p.id = o.park_id
        where p.region_code <> o.region_code`,
      ),
    ).toBe(0);
    expect(
      await count(tx, sql`select count(*) as n from organizations where park_id is not null`),
    ).toBeGreaterThan(0);
    expect(await count(tx, sql`select count(*) as n from park_annual`)).toBe(12);
  });

  it('keeps the yearly figures consistent', async () => {
    expect(
      await count(
        tx,
        sql`select count(*) as n from org_annual_stats where rd_expense >= revenue and revenue > 0
          or hitech_revenue > revenue or st_staff >= staff`,
      ),
    ).toBe(0);
    // 规上 means at least 2000万 revenue; below it is not 规上.
    expect(
      await count(
        tx,
        sql`select count(*) as n from org_annual_stats where above_size <> (revenue >= 2000)
        and exists (select 1 from organizations o where o.id = org_id and o.kind = 'enterprise')`,
      ),
    ).toBe(0);
  });

  it('adds nothing when called a second time', async () => {
    const before = await fingerprint(tx);
    const orgCount = await count(tx, sql`select count(*) as n from organizations`);
    const summary = await generateDemoData(database.db, { seed: SEED });
    expect(summary.hte_valid).toBe(311);
    expect(await count(tx, sql`select count(*) as n from organizations`)).toBe(orgCount);
    expect(await fingerprint(tx)).toBe(before);
  });

  it('produces identical data from the same seed', async () => {
    const other = await freshDatabase();
    try {
      await generateDemoData(other.db, { seed: SEED });
      expect(await fingerprint(other.db)).toBe(await fingerprint(tx));
    } finally {
      await other.close();
    }
  }, 120_000);
});
