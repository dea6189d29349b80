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
 * Each computed indicator is defined once, as one grouped query over the records. Every query
 * answers rows `(k, v)`: the region code (or park id) and the value. Counts are of distinct
 * organisations or records, so they add up from zones to counties to the city.
 */
type Definition = (ctx: EvalContext, dim: Dimension) => SQL;

const q = qualifications;
const o = organizations;
const s = orgAnnualStats;

/** Organisations holding a valid qualification of the given types on the as-of date. */
function validQualification(types: string[]): Definition {
  return (ctx, dim) =>
    dim === 'region'
      ? sql`select ${q.regionCode} as k, count(distinct ${q.orgId}) as v from ${q} where ${q.typeCode} in ${types} and ${qualificationValidOn(ctx.asOf)} group by 1`
      : sql`select ${o.parkId}::text as k, count(distinct ${q.orgId}) as v from ${q} join ${o} on ${o.id} = ${q.orgId} where ${o.parkId} is not null and ${q.typeCode} in ${types} and ${qualificationValidOn(ctx.asOf)} group by 1`;
}

function platforms(kinds: string[]): Definition {
  return (ctx, dim) =>
    dim === 'region'
      ? sql`select ${rdPlatforms.regionCode} as k, count(*) as v from ${rdPlatforms} where ${rdPlatforms.kind} in ${kinds} and ${facilityActiveOn(rdPlatforms, ctx.asOf)} group by 1`
      : sql`select ${o.parkId}::text as k, count(*) as v from ${rdPlatforms} join ${o} on ${o.id} = ${rdPlatforms.hostOrgId} where ${o.parkId} is not null and ${rdPlatforms.kind} in ${kinds} and ${facilityActiveOn(rdPlatforms, ctx.asOf)} group by 1`;
}

const INCUBATOR_KINDS = ['maker_space', 'incubator'];

function incubatorWhere(ctx: EvalContext, nationalOnly: boolean): SQL {
  const level = nationalOnly ? sql` and ${carriers.level} = 'national'` : sql``;
  return sql`${carriers.kind} in ${INCUBATOR_KINDS} and ${facilityActiveOn(carriers, ctx.asOf)}${level}`;
}

function incubators(nationalOnly: boolean): Definition {
  return (ctx, dim) =>
    dim === 'region'
      ? sql`select ${carriers.regionCode} as k, count(*) as v from ${carriers} where ${incubatorWhere(ctx, nationalOnly)} group by 1`
      : sql`select ${o.parkId}::text as k, count(*) as v from ${carriers} join ${o} on ${o.id} = ${carriers.operatorOrgId} where ${o.parkId} is not null and ${incubatorWhere(ctx, nationalOnly)} group by 1`;
}

/** What the counted maker spaces and incubators served during the year. */
function served(column: typeof carrierAnnual.startupsServed | typeof carrierAnnual.teamsServed): Definition {
  return (ctx, dim) => {
    const key = dim === 'region' ? sql`${carriers.regionCode}` : sql`${o.parkId}::text`;
    const join = dim === 'region' ? sql`` : sql` join ${o} on ${o.id} = ${carriers.operatorOrgId}`;
    const parkOnly = dim === 'region' ? sql`` : sql` and ${o.parkId} is not null`;
    return sql`select ${key} as k, coalesce(sum(${column}), 0) as v from ${carrierAnnual} join ${carriers} on ${carriers.id} = ${carrierAnnual.carrierId}${join} where ${carrierAnnual.year} = ${ctx.year} and ${incubatorWhere(ctx, false)}${parkOnly} group by 1`;
  };
}

/** 规上工业企业 of the year (from that year's statistics), optionally with a further condition. */
function aboveSize(extra?: SQL): Definition {
  return (ctx, dim) => {
    const cond = extra ? sql` and ${extra}` : sql``;
    return dim === 'region'
      ? sql`select ${s.regionCode} as k, count(*) as v from ${s} where ${s.year} = ${ctx.year} and ${s.aboveSize}${cond} group by 1`
      : sql`select ${o.parkId}::text as k, count(*) as v from ${s} join ${o} on ${o.id} = ${s.orgId} where ${o.parkId} is not null and ${s.year} = ${ctx.year} and ${s.aboveSize}${cond} group by 1`;
  };
}

/** First-time 高企 or 科技小巨人 recognitions within the year up to the as-of date. */
const newHteGiant: Definition = (ctx, dim) => {
  const end = ctx.asOf < `${ctx.year}-12-31` ? ctx.asOf : `${ctx.year}-12-31`;
  const firsts = sql`select ${q.orgId} as org_id, min(${q.issuedOn}) as first_on from ${q} where ${q.typeCode} in ('hte', 'little_giant') group by ${q.orgId}`;
  const key = dim === 'region' ? sql`${o.regionCode}` : sql`${o.parkId}::text`;
  const parkOnly = dim === 'region' ? sql`` : sql` and ${o.parkId} is not null`;
  return sql`select ${key} as k, count(*) as v from (${firsts}) f join ${o} on ${o.id} = f.org_id where f.first_on between ${`${ctx.year}-01-01`} and ${end}${parkOnly} group by 1`;
};

const NC_TYPES = ['nc_participant', 'nc_demo'];

/** 规上 enterprises of the year holding a valid 数控一代 qualification on the as-of date. */
const ncEnterprises: Definition = (ctx, dim) => {
  const key = dim === 'region' ? sql`${s.regionCode}` : sql`${o.parkId}::text`;
  const join = dim === 'region' ? sql`` : sql` join ${o} on ${o.id} = ${s.orgId}`;
  const parkOnly = dim === 'region' ? sql`` : sql` and ${o.parkId} is not null`;
  return sql`select ${key} as k, count(*) as v from ${s}${join} where ${s.year} = ${ctx.year} and ${s.aboveSize}${parkOnly} and exists (select 1 from ${q} where ${q.orgId} = ${s.orgId} and ${q.typeCode} in ${NC_TYPES} and ${qualificationValidOn(ctx.asOf)}) group by 1`;
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
