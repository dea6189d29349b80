import { getTableName, type SQL, sql } from 'drizzle-orm';
import {
  carrierAnnual,
  carriers,
  ipPatents,
  marketAchievements,
  marketDemands,
  marketMatches,
  orgAnnualStats,
  organizations,
  qualifications,
  rdPlatforms,
  techContractAmounts,
  techContracts,
} from '../../db/schema';
import { AGRI_FIGURES } from '../agri/figures-sql';
import { FINANCE_FIGURES } from '../finance/figures-sql';
import { IP_CASE_FIGURES } from '../ip/cases-figures-sql';
import { patentValidOn } from '../ip/validity-sql';
import { POLICY_FIGURES } from '../policies/figures-sql';
import { facilityActiveOn } from '../registry/facilities-repo';
import { qualificationValidOn } from '../registry/validity-sql';
import {
  type Definition,
  type Dimension,
  type EvalContext,
  type Source,
  tables,
  yearEnd,
} from './figure-kit-sql';

export type { Definition, Dimension, EvalContext };

const q = qualifications;
const s = orgAnnualStats;
const o = organizations;

const QUALIFICATION: Source = {
  from: () => sql`${q}`,
  tables: tables(q),
  region: sql`${q.regionCode}`,
  org: sql`${q.orgId}`,
  record: sql`${q.id}`,
  detail: sql`coalesce(${q.certificateNo}, ${q.typeCode})`,
};
const PLATFORM: Source = {
  from: () => sql`${rdPlatforms}`,
  tables: tables(rdPlatforms),
  region: sql`${rdPlatforms.regionCode}`,
  org: sql`${rdPlatforms.hostOrgId}`,
  record: sql`${rdPlatforms.id}`,
  detail: sql`${rdPlatforms.name}`,
};
const CARRIER: Source = {
  from: () => sql`${carriers}`,
  tables: tables(carriers),
  region: sql`${carriers.regionCode}`,
  org: sql`${carriers.operatorOrgId}`,
  record: sql`${carriers.id}`,
  detail: sql`${carriers.name}`,
};
const CARRIER_YEAR: Source = {
  tables: tables(carrierAnnual, carriers),
  yearHeld: (ctx) =>
    sql`select exists (select 1 from ${carrierAnnual} where ${carrierAnnual.year} = ${ctx.year}) as held`,
  from: (ctx) =>
    sql`${carrierAnnual} join ${carriers} on ${carriers.id} = ${carrierAnnual.carrierId} and ${carrierAnnual.year} = ${ctx.year}`,
  region: sql`${carriers.regionCode}`,
  org: sql`${carriers.operatorOrgId}`,
  record: sql`${carriers.id}`,
  detail: sql`${carriers.name}`,
};
const STATS: Source = {
  tables: tables(s),
  yearHeld: (ctx) => sql`select exists (select 1 from ${s} where ${s.year} = ${ctx.year}) as held`,
  from: () => sql`${s}`,
  region: sql`${s.regionCode}`,
  org: sql`${s.orgId}`,
  record: sql`${s.orgId}`,
  detail: sql`${s.year}::text`,
};
/** First-ever 高企 or 科技小巨人 recognition of each organisation. */
const FIRST_RECOGNITION: Source = {
  tables: tables(q, o),
  from: () =>
    sql`(select ${q.orgId} as org_id, min(${q.issuedOn}) as first_on from ${q} where ${q.typeCode} in ('hte', 'little_giant') group by ${q.orgId}) f join ${o} on ${o.id} = f.org_id`,
  region: sql`${o.regionCode}`,
  org: sql`f.org_id`,
  record: sql`f.org_id`,
  detail: sql`f.first_on::text`,
};

/** 技术市场: achievements by their owner's region. */
const ACHIEVEMENT: Source = {
  from: () => sql`${marketAchievements}`,
  tables: tables(marketAchievements),
  region: sql`${marketAchievements.regionCode}`,
  org: sql`${marketAchievements.ownerOrgId}`,
  record: sql`${marketAchievements.id}`,
  detail: sql`${marketAchievements.title}`,
};
/** Each demand's first match (the day it was first contacted), by the demander's region. */
const FIRST_MATCH: Source = {
  tables: tables(marketMatches, marketDemands),
  from: () =>
    sql`(select ${marketMatches.demandId} as demand_id, min(${marketMatches.contactedOn}) as first_on from ${marketMatches} group by ${marketMatches.demandId}) fm join ${marketDemands} on ${marketDemands.id} = fm.demand_id`,
  region: sql`${marketDemands.regionCode}`,
  org: sql`${marketDemands.orgId}`,
  record: sql`fm.demand_id`,
  detail: sql`${marketDemands.title}`,
};
/**
 * 技术合同认定登记: contracts registered in the year up to the as-of date and not cancelled by then,
 * each with its amounts as last amended by then (万元 at the recorded rate), by the seller's region.
 */
const TECH_CONTRACT: Source = {
  tables: tables(techContracts, techContractAmounts),
  from: (ctx) => {
    const tc = techContracts;
    const ta = techContractAmounts;
    const end = ctx.asOf < `${ctx.year}-12-31` ? ctx.asOf : `${ctx.year}-12-31`;
    return sql`(select ${tc.id} as id, ${tc.regionCode} as region_code, ${tc.sellerOrgId} as seller_org_id, ${tc.registrationNo} || ' ' || ${tc.title} as detail, v.contract_amount, v.tech_amount from ${tc} join lateral (select ${ta.contractAmount} as contract_amount, ${ta.techAmount} as tech_amount from ${ta} where ${ta.contractId} = ${tc.id} and ${ta.effectiveOn} <= ${ctx.asOf} order by ${ta.version} desc limit 1) v on true where ${tc.registeredOn} between ${`${ctx.year}-01-01`} and ${end} and (${tc.cancelledOn} is null or ${tc.cancelledOn} > ${ctx.asOf})) k`;
  },
  region: sql`k.region_code`,
  org: sql`k.seller_org_id`,
  record: sql`k.id`,
  detail: sql`k.detail`,
};

const PATENT: Source = {
  from: () => sql`${ipPatents}`,
  tables: tables(ipPatents),
  region: sql`${ipPatents.regionCode}`,
  org: sql`${ipPatents.orgIds}[1]`,
  record: sql`${ipPatents.id}`,
  detail: sql`${ipPatents.appNo} || ' ' || ${ipPatents.title}`,
  party: sql`${ipPatents.applicantNames}`,
};

/** Patents filed (`filedOn`) or granted (`grantedOn`) in the year up to the as-of date. */
function patentFlow(column: 'filedOn' | 'grantedOn', inventionOnly: boolean): Definition {
  return {
    source: PATENT,
    aggregate: 'records',
    where: (ctx) =>
      sql`${ipPatents[column]} between ${`${ctx.year}-01-01`} and ${yearEnd(ctx)}${inventionOnly ? sql` and ${ipPatents.kind} = 'invention'` : sql``}`,
  };
}

function validQualification(types: string[]): Definition {
  return {
    source: QUALIFICATION,
    aggregate: 'orgs',
    where: (ctx) => sql`${q.typeCode} in ${types} and ${qualificationValidOn(ctx.asOf)}`,
  };
}

function platforms(kinds: string[]): Definition {
  return {
    source: PLATFORM,
    aggregate: 'records',
    where: (ctx) => sql`${rdPlatforms.kind} in ${kinds} and ${facilityActiveOn(rdPlatforms, ctx.asOf)}`,
  };
}

/** 市级以上众创空间及孵化器 counting on the as-of date (every recognised level is municipal or above). */
function incubatorWhere(ctx: EvalContext, nationalOnly: boolean): SQL {
  const level = nationalOnly ? sql` and ${carriers.level} = 'national'` : sql``;
  return sql`${carriers.kind} in ('maker_space', 'incubator') and ${facilityActiveOn(carriers, ctx.asOf)}${level}`;
}

/** 规上工业企业 of the year (from that year's statistics), optionally with a further condition. */
function aboveSize(extra?: (ctx: EvalContext) => SQL): Definition {
  return {
    source: STATS,
    aggregate: 'orgs',
    where: (ctx) => sql`${s.year} = ${ctx.year} and ${s.aboveSize}${extra ? sql` and ${extra(ctx)}` : sql``}`,
  };
}

export const COMPUTED: Record<string, Definition> = {
  ...IP_CASE_FIGURES,
  ...FINANCE_FIGURES,
  ...AGRI_FIGURES,
  ...POLICY_FIGURES,
  hte_valid: validQualification(['hte']),
  new_hte_giant: {
    source: FIRST_RECOGNITION,
    aggregate: 'orgs',
    where: (ctx) => {
      const end = ctx.asOf < `${ctx.year}-12-31` ? ctx.asOf : `${ctx.year}-12-31`;
      return sql`f.first_on between ${`${ctx.year}-01-01`} and ${end}`;
    },
  },
  prov_tech_ent: validQualification(['prov_tech_ent']),
  ip_pilot_ent: validQualification(['ip_pilot', 'ip_advantage']),
  muni_eng_center: platforms(['muni_eng_center']),
  ind_tech_center: platforms(['ind_tech_center']),
  prov_key_lab: platforms(['prov_key_lab']),
  national_platforms: platforms(['national_platform']),
  new_rd_inst: platforms(['new_rd_inst']),
  incubators: { source: CARRIER, aggregate: 'records', where: (ctx) => incubatorWhere(ctx, false) },
  incubators_national: { source: CARRIER, aggregate: 'records', where: (ctx) => incubatorWhere(ctx, true) },
  startups_served: {
    source: CARRIER_YEAR,
    aggregate: 'sum',
    amount: sql`${carrierAnnual.startupsServed}`,
    where: (ctx) => incubatorWhere(ctx, false),
  },
  teams_served: {
    source: CARRIER_YEAR,
    aggregate: 'sum',
    amount: sql`${carrierAnnual.teamsServed}`,
    where: (ctx) => incubatorWhere(ctx, false),
  },
  above_size_ind: aboveSize(),
  // 规上 enterprises of the year holding a valid 数控一代 qualification on the as-of date.
  nc_enterprises: {
    ...aboveSize(
      (ctx) =>
        // Uncorrelated, so PostgreSQL hashes the set once instead of probing it per statistics row.
        sql`${s.orgId} in (select ${q.orgId} from ${q} where ${q.typeCode} in ('nc_participant', 'nc_demo') and ${qualificationValidOn(ctx.asOf)})`,
    ),
    alsoReads: tables(q),
  },
  rd_active_ent: aboveSize(() => sql`${s.hasRdActivity}`),
  // Published on or before the as-of date and not yet withdrawn or expired then.
  published_achievements: {
    source: ACHIEVEMENT,
    aggregate: 'records',
    where: (ctx) =>
      sql`${marketAchievements.publishedOn} <= ${ctx.asOf} and (${marketAchievements.endedOn} is null or ${marketAchievements.endedOn} > ${ctx.asOf})`,
  },
  // Demands first taken up (contacted) in the year, up to the as-of date.
  matched_demands: {
    source: FIRST_MATCH,
    aggregate: 'records',
    where: (ctx) => {
      const end = ctx.asOf < `${ctx.year}-12-31` ? ctx.asOf : `${ctx.year}-12-31`;
      return sql`fm.first_on between ${`${ctx.year}-01-01`} and ${end}`;
    },
  },
  core_tech_ent: aboveSize(() => sql`${s.ownsCoreTech}`),
  tech_contract_amount: {
    source: TECH_CONTRACT,
    aggregate: 'sum',
    amount: sql`k.contract_amount`,
    where: () => sql`true`,
  },
  tech_trade_amount: {
    source: TECH_CONTRACT,
    aggregate: 'sum',
    amount: sql`k.tech_amount`,
    where: () => sql`true`,
  },
  tech_contracts_registered: { source: TECH_CONTRACT, aggregate: 'records', where: () => sql`true` },
  patent_apps: patentFlow('filedOn', false),
  patent_grants: patentFlow('grantedOn', false),
  inv_patent_apps: patentFlow('filedOn', true),
  inv_patent_grants: patentFlow('grantedOn', true),
  // Valid invention patents on 31 December of the year (or the as-of date when earlier).
  valid_inv_patents: {
    source: PATENT,
    aggregate: 'records',
    where: (ctx) => sql`${ipPatents.kind} = 'invention' and ${patentValidOn(yearEnd(ctx))}`,
  },
};

/** The park of the organisation behind a row (only when grouping by park). */
function parkOf(source: Source): SQL {
  return sql`(select ${o.parkId} from ${o} where ${o.id} = ${source.org})`;
}

/** The rows a figure counts, as its drill-down lists them. */
export function definitionRows(def: Definition, ctx: EvalContext): SQL {
  const src = def.source;
  return sql`select ${src.region} as region_code, ${src.org} as org_id, ${src.record} as record_id, ${src.detail} as detail, ${src.party ?? sql`null::text`} as party, ${def.amount ?? sql`1`} as amount from ${src.from(ctx)} where ${def.where(ctx)}`;
}

function aggregateOf(def: Definition, ctx: EvalContext): SQL {
  const cond = def.where(ctx);
  const src = def.source;
  if (def.aggregate === 'orgs') return sql`count(distinct ${src.org}) filter (where ${cond})`;
  if (def.aggregate === 'records') return sql`count(*) filter (where ${cond})`;
  return sql`coalesce(sum(${def.amount}) filter (where ${cond}), 0)`;
}

export interface AggregateQuery {
  codes: string[];
  query: SQL;
  /** Whether the year has been reported at all (yearly sources only). */
  held?: SQL;
  /** Every table the query reads. */
  tables: string[];
}

/** The computed indicators counted from the same source as `code`, `code` included. */
export function sameSource(code: string): string[] {
  const src = COMPUTED[code]?.source;
  return src ? Object.keys(COMPUTED).filter((c) => COMPUTED[c].source === src) : [];
}

/**
 * One grouped scan per source for all the figures asked of it: rows `(k, code, v)` per leaf region
 * (or park). Figures over the same table share the scan instead of each reading it again.
 */
export function aggregateQueries(codes: string[], ctx: EvalContext, dim: Dimension): AggregateQuery[] {
  const bySource = new Map<Source, string[]>();
  for (const code of codes) {
    const def = COMPUTED[code];
    if (!def) continue;
    bySource.set(def.source, [...(bySource.get(def.source) ?? []), code]);
  }
  return [...bySource.entries()].map(([src, group]) => {
    const read = new Set([...src.tables, ...group.flatMap((code) => COMPUTED[code].alsoReads ?? [])]);
    if (dim === 'park') read.add(getTableName(o));
    const key = dim === 'region' ? src.region : parkOf(src);
    const columns = sql.join(
      group.map((code) => sql`${aggregateOf(COMPUTED[code], ctx)} as ${sql.identifier(code)}`),
      sql`, `,
    );
    const any = sql.join(
      group.map((code) => sql`(${COMPUTED[code].where(ctx)})`),
      sql` or `,
    );
    return {
      codes: group,
      query: sql`select ${key}::text as k, ${columns} from ${src.from(ctx)} where ${any} group by 1`,
      held: src.yearHeld?.(ctx),
      tables: [...read].sort(),
    };
  });
}
