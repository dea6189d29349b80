import { type SQL, sql } from 'drizzle-orm';
import {
  carrierAnnual,
  carriers,
  orgAnnualStats,
  organizations,
  qualifications,
  rdPlatforms,
} from '../../db/schema';
import { facilityActiveOn } from '../registry/facilities-repo';
import { qualificationValidOn } from '../registry/validity';

/** What a computed figure is evaluated for: the statistics year and the as-of date. */
export interface EvalContext {
  year: number;
  asOf: string;
}

/** Figures are grouped by leaf region (county or functional zone) or by high-tech zone sub-park. */
export type Dimension = 'region' | 'park';

/**
 * Each computed indicator is defined once, as the set of records it counts: a query yielding
 * `region_code`, `org_id`, `record_id`, `detail` and `amount` (and `park_id` when asked). The
 * figure is the count of distinct organisations (or records), or the sum of `amount`; the same
 * rows are what a drill-down lists, so every figure is traceable to its records.
 */
export interface Definition {
  rows(ctx: EvalContext, withPark: boolean): SQL;
  aggregate: 'orgs' | 'records' | 'sum';
  /** What a drill-down row is: an organisation, a platform or a carrier. */
  record: 'org' | 'platform' | 'carrier';
}

const q = qualifications;
const o = organizations;
const s = orgAnnualStats;

/** The park of the organisation behind a row, joined only when grouping by park. */
function parkOf(orgId: SQL, withPark: boolean) {
  return withPark
    ? { col: sql`, (select ${o.parkId} from ${o} where ${o.id} = ${orgId}) as park_id`, join: sql`` }
    : { col: sql``, join: sql`` };
}

function validQualification(types: string[]): Definition {
  return {
    aggregate: 'orgs',
    record: 'org',
    rows: (ctx, withPark) =>
      sql`select ${q.regionCode} as region_code, ${q.orgId} as org_id, ${q.id} as record_id, coalesce(${q.certificateNo}, ${q.typeCode}) as detail, 1 as amount${parkOf(sql`${q.orgId}`, withPark).col} from ${q} where ${q.typeCode} in ${types} and ${qualificationValidOn(ctx.asOf)}`,
  };
}

function platforms(kinds: string[]): Definition {
  return {
    aggregate: 'records',
    record: 'platform',
    rows: (ctx, withPark) =>
      sql`select ${rdPlatforms.regionCode} as region_code, ${rdPlatforms.hostOrgId} as org_id, ${rdPlatforms.id} as record_id, ${rdPlatforms.name} as detail, 1 as amount${parkOf(sql`${rdPlatforms.hostOrgId}`, withPark).col} from ${rdPlatforms} where ${rdPlatforms.kind} in ${kinds} and ${facilityActiveOn(rdPlatforms, ctx.asOf)}`,
  };
}

const INCUBATOR_KINDS = ['maker_space', 'incubator'];

function incubatorWhere(ctx: EvalContext, nationalOnly: boolean): SQL {
  const level = nationalOnly ? sql` and ${carriers.level} = 'national'` : sql``;
  return sql`${carriers.kind} in ${INCUBATOR_KINDS} and ${facilityActiveOn(carriers, ctx.asOf)}${level}`;
}

function incubators(nationalOnly: boolean): Definition {
  return {
    aggregate: 'records',
    record: 'carrier',
    rows: (ctx, withPark) =>
      sql`select ${carriers.regionCode} as region_code, ${carriers.operatorOrgId} as org_id, ${carriers.id} as record_id, ${carriers.name} as detail, 1 as amount${parkOf(sql`${carriers.operatorOrgId}`, withPark).col} from ${carriers} where ${incubatorWhere(ctx, nationalOnly)}`,
  };
}

/** What the counted maker spaces and incubators served during the year. */
function served(column: typeof carrierAnnual.startupsServed | typeof carrierAnnual.teamsServed): Definition {
  return {
    aggregate: 'sum',
    record: 'carrier',
    rows: (ctx, withPark) =>
      sql`select ${carriers.regionCode} as region_code, ${carriers.operatorOrgId} as org_id, ${carriers.id} as record_id, ${carriers.name} as detail, ${column} as amount${parkOf(sql`${carriers.operatorOrgId}`, withPark).col} from ${carrierAnnual} join ${carriers} on ${carriers.id} = ${carrierAnnual.carrierId} where ${carrierAnnual.year} = ${ctx.year} and ${incubatorWhere(ctx, false)}`,
  };
}

/** 规上工业企业 of the year (from that year's statistics), optionally with a further condition. */
function aboveSize(extra?: SQL): Definition {
  return {
    aggregate: 'orgs',
    record: 'org',
    rows: (ctx, withPark) => {
      const cond = extra ? sql` and ${extra}` : sql``;
      return sql`select ${s.regionCode} as region_code, ${s.orgId} as org_id, ${s.orgId} as record_id, ${String(ctx.year)} as detail, 1 as amount${parkOf(sql`${s.orgId}`, withPark).col} from ${s} where ${s.year} = ${ctx.year} and ${s.aboveSize}${cond}`;
    },
  };
}

/** First-time 高企 or 科技小巨人 recognitions within the year up to the as-of date. */
const newHteGiant: Definition = {
  aggregate: 'orgs',
  record: 'org',
  rows: (ctx, withPark) => {
    const end = ctx.asOf < `${ctx.year}-12-31` ? ctx.asOf : `${ctx.year}-12-31`;
    const firsts = sql`select ${q.orgId} as org_id, min(${q.issuedOn}) as first_on from ${q} where ${q.typeCode} in ('hte', 'little_giant') group by ${q.orgId}`;
    return sql`select ${o.regionCode} as region_code, f.org_id, f.org_id as record_id, f.first_on::text as detail, 1 as amount${withPark ? sql`, ${o.parkId} as park_id` : sql``} from (${firsts}) f join ${o} on ${o.id} = f.org_id where f.first_on between ${`${ctx.year}-01-01`} and ${end}`;
  },
};

/** 规上 enterprises of the year holding a valid 数控一代 qualification on the as-of date. */
const ncEnterprises: Definition = {
  aggregate: 'orgs',
  record: 'org',
  rows: (ctx, withPark) =>
    sql`select ${s.regionCode} as region_code, ${s.orgId} as org_id, ${s.orgId} as record_id, ${String(ctx.year)} as detail, 1 as amount${parkOf(sql`${s.orgId}`, withPark).col} from ${s} where ${s.year} = ${ctx.year} and ${s.aboveSize} and exists (select 1 from ${q} where ${q.orgId} = ${s.orgId} and ${q.typeCode} in ('nc_participant', 'nc_demo') and ${qualificationValidOn(ctx.asOf)})`,
};

export const COMPUTED: Record<string, Definition> = {
  hte_valid: validQualification(['hte']),
  new_hte_giant: newHteGiant,
  prov_tech_ent: validQualification(['prov_tech_ent']),
  ip_pilot_ent: validQualification(['ip_pilot', 'ip_advantage']),
  muni_eng_center: platforms(['muni_eng_center']),
  ind_tech_center: platforms(['ind_tech_center']),
  prov_key_lab: platforms(['prov_key_lab']),
  national_platforms: platforms(['national_platform']),
  new_rd_inst: platforms(['new_rd_inst']),
  incubators: incubators(false),
  incubators_national: incubators(true),
  startups_served: served(carrierAnnual.startupsServed),
  teams_served: served(carrierAnnual.teamsServed),
  above_size_ind: aboveSize(),
  nc_enterprises: ncEnterprises,
  rd_active_ent: aboveSize(sql`${s.hasRdActivity}`),
  core_tech_ent: aboveSize(sql`${s.ownsCoreTech}`),
};

/** The grouped query behind a figure: `(k, v)` per leaf region or per park. */
export function aggregateQuery(def: Definition, ctx: EvalContext, dim: Dimension): SQL {
  const key = dim === 'region' ? sql`region_code` : sql`park_id::text`;
  const value =
    def.aggregate === 'orgs'
      ? sql`count(distinct org_id)`
      : def.aggregate === 'records'
        ? sql`count(*)`
        : sql`coalesce(sum(amount), 0)`;
  const parkOnly = dim === 'park' ? sql` where park_id is not null` : sql``;
  return sql`select ${key} as k, ${value} as v from (${def.rows(ctx, dim === 'park')}) r${parkOnly} group by 1`;
}
