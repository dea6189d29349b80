/**
 * Bulk data, set-based inside PostgreSQL (insert … select … from generate_series), never row by row:
 * organisations, ten years of statistics, qualifications, platforms, carriers, reported values and
 * targets. The big tables' secondary indexes are dropped for the load, rebuilt from their own
 * definitions, then VACUUM ANALYZE (a steady state, and no autovacuum during the timings).
 */
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { type Database, openDatabase } from '../src/server/db/client';
import { loadReferenceData } from '../src/server/db/seed/reference';
import { CATALOGUE } from '../src/server/modules/plan/catalogue';
import { log } from './measure';
import { buildTemplates } from './names';

/** One organisation in ten is a 规上 enterprise; these have statistics for every year. */
export type Scale = Record<'orgs' | 'qualifications' | 'platforms' | 'carriers' | 'templates', number> & {
  years: [number, number];
};

/** The issues' scale; BENCH_SCALE=0.05 shrinks it for trying the benchmark itself out. */
const f = Number(process.env.BENCH_SCALE ?? 1);
export const FULL_SCALE: Scale = {
  orgs: Math.round(1_000_000 * f),
  years: [2007, 2016],
  qualifications: Math.round(300_000 * f),
  platforms: Math.round(5_000 * f),
  carriers: Math.round(1_000 * f),
  templates: 3989,
};

const BIG_TABLES = ['organizations', 'qualifications', 'org_annual_stats', 'rd_platforms', 'carriers'];

async function timed(c: pg.Client, label: string, text: string, values?: unknown[]) {
  const t0 = Date.now();
  const r = await c.query(text, values);
  log(`  ${label}: ${r.rowCount ?? 0} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return r;
}

const COLUMNS = ['head', 'tail', 'kind', 'regionCode', 'industryCode', 'address', 'searchText'] as const;

async function loadTemplates(c: pg.Client, scale: Scale) {
  const t = buildTemplates(scale.templates);
  let e = 0;
  const ei = t.map((x) => (x.kind === 'enterprise' ? e++ : null));
  await c.query(`create temp table bench_tpl (i int primary key, ei int unique, head text, tail text,
    kind text, region_code text, industry_code text, address text, search_text text)`);
  await c.query(
    `insert into bench_tpl select * from unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[],
      $6::text[], $7::text[], $8::text[], $9::text[])`,
    [t.map((_, i) => i), ei, ...COLUMNS.map((k) => t.map((x) => x[k]))],
  );
  await c.query(`create temp table bench_park as
    select distinct on (region_code) region_code, id from parks where parent_id is not null order by region_code, sort`);
  return { templates: t.length, enterprises: e };
}

const ORG_COLUMNS = `id, uscc, name, kind, region_code, park_id, industry_code, above_size, founded_on, address,
  contact_person, contact_phone, search_text, created_at, updated_at`;
const orgSelect = (
  aboveSize: boolean,
) => `select pg_temp.org_id(n), '91' || left(t.region_code, 6) || lpad(n::text, 10, '0'),
  t.head || n || t.tail, t.kind, t.region_code, case when n % 7 = 0 then p.id end, t.industry_code, ${aboveSize},
  date '1985-01-01' + ((n::bigint * 7919) % 11000)::int, t.address, '陈志明', '0595-' || lpad((n % 100000000)::text, 8, '0'),
  t.search_text || ' ' || n, now() - (n % 3000) * interval '1 day', now() - (n % 900) * interval '1 day'`;

async function insertOrgs(c: pg.Client, scale: Scale, tpl: { templates: number; enterprises: number }) {
  await timed(
    c,
    'organisations (规上, every tenth)',
    `insert into organizations (${ORG_COLUMNS}) ${orgSelect(true)}
     from generate_series(10, $1::int, 10) n join bench_tpl t on t.ei = (n / 10) % $2::int
     left join bench_park p on p.region_code = t.region_code`,
    [scale.orgs, tpl.enterprises],
  );
  await timed(
    c,
    'organisations (others)',
    `insert into organizations (${ORG_COLUMNS}) ${orgSelect(false)}
     from generate_series(1, $1::int) n join bench_tpl t on t.i = n % $2::int
     left join bench_park p on p.region_code = t.region_code where n % 10 <> 0`,
    [scale.orgs, tpl.templates],
  );
}

/**
 * Ten years of statistics of every 规上 enterprise (a rising share was 规上 in each year), stored
 * year after year as the yearly imports would store them.
 */
async function insertStats(c: pg.Client, scale: Scale) {
  await timed(
    c,
    'annual statistics',
    `insert into org_annual_stats (org_id, year, region_code, revenue, rd_expense, staff, st_staff,
       hitech_revenue, above_size, has_rd_activity, owns_core_tech)
     select id, y, region_code, rev, round(rev * (h % 45) / 1000, 2), staff, staff * ((h >> 4) % 30) / 100,
       round(rev * ((h >> 12) % 60) / 100, 2), (h % 100) < 60 + (y - $1::int) * 4, ((h >> 3) % 100) < 15,
       ((h >> 5) % 100) < 3
     from (select o.id, o.region_code, y, h, round(2000 + (h % 400000) / 10.0 * (1 + (y - $1::int) * 0.06), 2) as rev,
             20 + (h >> 7) % 1500 as staff
           from organizations o cross join generate_series($1::int, $2::int) y
           cross join lateral (select hashtext(o.uscc || y)::bigint & 2147483647 as h) hh
           where o.above_size) s
     order by y, id`,
    scale.years,
  );
}

/** [share in %, type, levels, validity] of the qualification mix. */
const QUAL_MIX: [number, string, string[], 'years3' | 'calendar' | 'none'][] = [
  [20, 'hte', ['national'], 'years3'],
  [30, 'tech_sme', ['national'], 'calendar'],
  [13, 'prov_tech_ent', ['provincial'], 'none'],
  [5, 'ip_pilot', ['national', 'provincial', 'municipal'], 'none'],
  [3, 'ip_advantage', ['national', 'provincial', 'municipal'], 'none'],
  [3, 'ip_standard', ['national'], 'years3'],
  [10, 'nc_participant', ['provincial', 'municipal'], 'none'],
  [2, 'nc_demo', ['provincial', 'municipal'], 'none'],
  [4, 'little_giant', ['provincial'], 'none'],
  [8, 'gazelle', ['provincial', 'municipal'], 'none'],
  [2, 'unicorn', ['provincial', 'municipal'], 'none'],
];

async function insertQualifications(c: pg.Client, scale: Scale) {
  let lo = 0;
  const mix = QUAL_MIX.map(([share, code, levels, validity]) => {
    const row = { lo, hi: lo + share - 1, code, levels, validity };
    lo += share;
    return row;
  });
  await c.query(
    `create temp table bench_qmix as select * from jsonb_to_recordset($1::jsonb)
    as x(lo int, hi int, code text, levels text[], validity text)`,
    [JSON.stringify(mix)],
  );
  // Three in five go to 规上 enterprises, the rest to any organisation; stored in order of issue.
  await timed(
    c,
    'qualifications',
    `insert into qualifications (org_id, region_code, type_code, level, certificate_no, issued_on, valid_until,
       document_no, batch, revoked, revoked_on, revoke_reason)
     select o.id, o.region_code, m.code, m.levels[1 + g % array_length(m.levels, 1)],
       case when m.code = 'hte' then 'GR' || extract(year from d)::int || '35' || lpad(g::text, 6, '0') end,
       d, case m.validity when 'years3' then (d + interval '3 years' - interval '1 day')::date
                          when 'calendar' then make_date(extract(year from d)::int, 12, 31) end,
       '泉科〔' || extract(year from d)::int || '〕' || (g % 200 + 1) || '号', extract(year from d)::int || '年第' || (g % 2 + 1) || '批',
       g % 97 = 0, case when g % 97 = 0 then d + 400 end, case when g % 97 = 0 then '复核不合格' end
     from generate_series(1, $1::int) g
     cross join lateral (select date '2007-01-01' + ((g::bigint * 2654435761) % 3650)::int as d,
       case when g % 5 < 3 then 10 * ((g::bigint * 7919) % ($2::int / 10) + 1)
            else (g::bigint * 104729) % $2::int + 1 end as k) x
     join bench_qmix m on g % 100 between m.lo and m.hi
     join organizations o on o.id = pg_temp.org_id(x.k)
     order by x.d`,
    [scale.qualifications, scale.orgs],
  );
}

async function insertFacilities(c: pg.Client, scale: Scale) {
  const host = `join organizations o on o.id = pg_temp.org_id(10 * ((g::bigint * 7919) % ($2::int / 10) + 1))`;
  await timed(
    c,
    'R&D platforms',
    `insert into rd_platforms (host_org_id, region_code, kind, name, level, recognized_on, document_no, status, ended_on)
     select o.id, o.region_code, k.kind, o.name || k.suffix || g, k.level, date '2007-01-01' + (g * 37 % 3650),
       '泉科〔' || (2007 + g % 10) || '〕' || (g % 90 + 1) || '号', case when g % 41 = 0 then 'revoked' else 'active' end,
       case when g % 41 = 0 then date '2015-06-30' end
     from generate_series(1, $1::int) g
     join (values (0, 49, 'muni_eng_center', '工程技术研究中心', 'municipal'), (50, 79, 'ind_tech_center', '行业技术开发中心', 'municipal'),
                  (80, 89, 'prov_key_lab', '省级企业重点实验室', 'provincial'), (90, 92, 'national_platform', '国家级创新平台', 'national'),
                  (93, 99, 'new_rd_inst', '新型研发机构', 'provincial')) k(lo, hi, kind, suffix, level)
       on g % 100 between k.lo and k.hi
     ${host}`,
    [scale.platforms, scale.orgs],
  );
  await timed(
    c,
    'carriers',
    `insert into carriers (operator_org_id, region_code, kind, name, level, recognized_on, document_no, status)
     select o.id, o.region_code, (array['maker_space','incubator','accelerator','star_space'])[1 + g % 4],
       o.name || (array['众创空间','孵化器','加速器','星创天地'])[1 + g % 4] || g,
       (array['municipal','provincial','national'])[1 + (g % 10) / 4], date '2007-01-01' + (g * 53 % 3650),
       '闽科高〔' || (2007 + g % 10) || '〕' || (g % 50 + 1) || '号', 'active'
     from generate_series(1, $1::int) g ${host}`,
    [scale.carriers, scale.orgs],
  );
  await timed(
    c,
    'carrier yearly figures',
    `insert into carrier_annual (carrier_id, year, region_code, startups_served, teams_served, area_m2, incubatees, graduates)
     select c.id, y, c.region_code, 3 + h % 40, 5 + (h >> 6) % 60, 500 + h % 20000, h % 50, (h >> 3) % 10
     from carriers c cross join generate_series($1::int, $2::int) y
     cross join lateral (select hashtext(c.id::text || y)::bigint & 2147483647 as h) hh
     where extract(year from c.recognized_on) <= y`,
    scale.years,
  );
}

/** Reported figures for every county, zone and the city for every year; targets for the last year. */
async function insertPlanData(c: pg.Client, scale: Scale) {
  const reported = CATALOGUE.filter((i) => i.kind === 'reported').map((i) => i.code);
  const computed = CATALOGUE.filter((i) => i.kind === 'computed').map((i) => i.code);
  await timed(
    c,
    'reported values',
    `insert into reported_values (indicator_code, year, region_code, value, source, entered_by)
     select x.ind, y, r.code, round(((hashtext(x.ind || y || r.code)::bigint & 2147483647) % 100000) / 10.0, 2),
       '泉州统计年鉴' || (y + 1), 'bench'
     from unnest($1::text[]) x(ind) cross join generate_series($2::int, $3::int) y
     cross join regions r where r.holds_data`,
    [reported, ...scale.years],
  );
  await timed(
    c,
    'plan targets',
    `insert into plan_targets (year, indicator_code, region_code, kind, value, updated_by)
     select $2::int, x.ind, r.code, 'absolute', 100 + (hashtext(x.ind || r.code)::bigint & 2147483647) % 5000, 'bench'
     from unnest($1::text[]) x(ind) cross join regions r where r.holds_data`,
    [computed, scale.years[1]],
  );
}

/** A generating session: bulk settings and the organisation-id function (session-local). */
async function session(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`set work_mem = '256MB'; set synchronous_commit = off`);
  // Organisation n's id: a version-4-shaped UUID from n, so other tables reference it without a lookup.
  await c.query(`create function pg_temp.org_id(n bigint) returns uuid language sql immutable as $$
    select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || substr('89ab', 1 + ascii(substr(h, 17, 1)) % 4, 1)
            || substr(h, 18, 15))::uuid from md5('org' || n) h $$`);
  return c;
}

/**
 * Loads the bulk data into a migrated database holding the reference data. Two sessions share the
 * work after the organisations (the machine has two cores): statistics on one, the rest on the other,
 * then the indexes from one queue.
 */
export async function generate(url: string, scale: Scale = FULL_SCALE) {
  const [a, b] = await Promise.all([session(url), session(url)]);
  const t0 = Date.now();
  try {
    const { rows: indexes } = await a.query<{ name: string; def: string }>(
      `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
       from pg_index i join pg_class t on t.oid = i.indrelid
       where t.relname = any($1) and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
       order by pg_get_indexdef(i.indexrelid) ilike '% using gin %' desc, pg_relation_size(t.oid) desc`,
      [BIG_TABLES],
    );
    log(
      `generating: ${scale.orgs} organisations, ${scale.qualifications} qualifications (${indexes.length} indexes off)`,
    );
    for (const ix of indexes) await a.query(`drop index ${ix.name}`);
    const tpl = await loadTemplates(a, scale);
    await insertOrgs(a, scale, tpl);
    await Promise.all([
      insertStats(a, scale),
      (async () => {
        await insertQualifications(b, scale);
        await insertFacilities(b, scale);
        await insertPlanData(b, scale);
      })(),
    ]);
    // GIN builds run faster with the default 64 MB than with a large budget; B-trees like more.
    const queue = [...indexes];
    const build = async (c: pg.Client) => {
      for (let ix = queue.shift(); ix; ix = queue.shift()) {
        await c.query(`set maintenance_work_mem = '${/ using gin /i.test(ix.def) ? '64MB' : '512MB'}'`);
        await timed(c, `index ${ix.name}`, ix.def);
      }
    };
    await Promise.all([build(a), build(b)]);
    await timed(a, 'vacuum analyze', 'vacuum analyze');
  } finally {
    await Promise.all([a.end(), b.end()]);
  }
  log(`data generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

async function pg_count(url: string): Promise<{ rows: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>(
      'select count(*) as n from (select 1 from organizations limit 1) x',
    );
    return {
      rows:
        Number(r.rows[0].n) === 0
          ? 0
          : Number(
              (
                await c.query<{ n: string }>(
                  `select reltuples::bigint as n from pg_class where relname = 'organizations'`,
                )
              ).rows[0].n,
            ),
    };
  } finally {
    await c.end();
  }
}

export type Bench = { database: Database; app: FastifyInstance; url: string };

/** Migrates the throwaway database, loads reference and bulk data, and builds the app on it. */
export async function prepare(url: string, scale: Scale = FULL_SCALE): Promise<Bench> {
  const database = await openDatabase({ url });
  try {
    await loadReferenceData(database.db, 'quanzhou');
    // A kept database (BENCH_DB_URL) already holds its data: migrated again, not regenerated.
    const { rows } = await pg_count(url);
    if (rows === 0) await generate(url, scale);
    else log(`reusing ${rows} organisations already generated`);
    const app = await buildApp({ database, loginAttemptsPerMinute: 1_000_000 });
    // The app logs nothing here; a server error's cause goes to stderr.
    app.addHook('onError', async (req, _reply, err) => log(`${req.method} ${req.url}: ${err.stack ?? err}`));
    return { database, app, url };
  } catch (err) {
    await database.close();
    throw err;
  }
}
