import { getTableName, type SQL, sql } from 'drizzle-orm';
import {
  agriCommissioners,
  agriDispatches,
  agriServiceLogs,
  agriTrainings,
  agriUnits,
  carrierAnnual,
  carriers,
  financeRecords,
  ipCases,
  ipPatents,
  marketAchievements,
  marketDemands,
  marketMatches,
  orgAnnualStats,
  organizations,
  policyDocuments,
  policyItems,
  policyPayments,
  qualifications,
  rdPlatforms,
  techContractAmounts,
  techContracts,
} from '../../db/schema';
import { patentValidOn } from '../ip/validity-sql';
import { facilityActiveOn } from '../registry/facilities-repo';
import { qualificationValidOn } from '../registry/validity-sql';

/** What a computed figure is evaluated for: the statistics year and the as-of date. */
export interface EvalContext {
  year: number;
  asOf: string;
}

/** Figures are grouped by leaf region (county or functional zone) or by high-tech zone sub-park. */
export type Dimension = 'region' | 'park';

/** A table the figures count rows of, with the columns every figure and drill-down needs. */
interface Source {
  from: (ctx: EvalContext) => SQL;
  /** The tables `from` reads, so kept figures are refreshed when one of them changes. */
  tables: string[];
  /**
   * For yearly figures (statistics, carriers' yearly reports): whether the year has been reported
   * at all. A year nobody has reported yet has no figure, which is not the same as zero.
   */
  yearHeld?: (ctx: EvalContext) => SQL;
  region: SQL;
  org: SQL;
  record: SQL;
  detail: SQL;
  /** Who a record without a registry organisation names (a patent's applicants), for drill-downs. */
  party?: SQL;
}

/**
 * Each computed indicator is defined once: the rows of a source it counts (`where`) and how
 * (distinct organisations, records, or a sum). The same definition gives the figure and its
 * drill-down, so every figure is traceable to the records listed. Figures sharing a source are
 * evaluated together in one scan (`aggregateQuery`).
 */
export interface Definition {
  source: Source;
  where: (ctx: EvalContext) => SQL;
  aggregate: 'orgs' | 'records' | 'sum';
  amount?: SQL;
  /** Tables the condition reads beyond the source's own. */
  alsoReads?: string[];
}

const q = qualifications;
const s = orgAnnualStats;
const o = organizations;

const tables = (...t: Parameters<typeof getTableName>[0][]) => t.map((x) => getTableName(x));

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

/** 专利行政执法案件, counted in the county or zone where the case arises. */
const IP_CASE: Source = {
  from: () => sql`${ipCases}`,
  tables: tables(ipCases),
  region: sql`${ipCases.regionCode}`,
  org: sql`null::uuid`,
  record: sql`${ipCases.id}`,
  detail: sql`coalesce(${ipCases.caseNo}, '') || ' ' || ${ipCases.title}`,
};

/** 科技金融: the finance module's records, by the enterprise's region (recorded with the record). */
const FINANCE: Source = {
  from: () => sql`${financeRecords}`,
  tables: tables(financeRecords),
  region: sql`${financeRecords.regionCode}`,
  org: sql`${financeRecords.enterpriseId}`,
  record: sql`${financeRecords.id}`,
  detail: sql`${financeRecords.startOn}::text || coalesce(' ' || ${financeRecords.refNo}, '') || coalesce(' ' || ${financeRecords.appNo}, '')`,
};

/** 农业科技载体 (科技特派员示范基地, 科技型农民专业合作社 …) by their own region. */
const AGRI_UNIT: Source = {
  from: () => sql`${agriUnits}`,
  tables: tables(agriUnits),
  region: sql`${agriUnits.regionCode}`,
  org: sql`${agriUnits.orgId}`,
  record: sql`${agriUnits.id}`,
  detail: sql`${agriUnits.name}`,
};
const agriUnitActive = (kind: string, level: string | null) => (ctx: EvalContext) =>
  sql`${agriUnits.kind} = ${kind}${level ? sql` and ${agriUnits.level} = ${level}` : sql``} and ${agriUnits.recognisedOn} <= ${ctx.asOf} and (${agriUnits.endedOn} is null or ${agriUnits.endedOn} > ${ctx.asOf})`;

/** 科技特派员 trainings held in the year up to the as-of date, by the region holding them. */
const AGRI_TRAINING: Source = {
  from: () => sql`${agriTrainings}`,
  tables: tables(agriTrainings),
  region: sql`${agriTrainings.regionCode}`,
  org: sql`null::uuid`,
  record: sql`${agriTrainings.id}`,
  detail: sql`${agriTrainings.heldOn}::text || ' ' || ${agriTrainings.title}`,
  party: sql`${agriTrainings.organiser}`,
};
const onsiteTrainings = (ctx: EvalContext) =>
  sql`${agriTrainings.kind} = 'onsite' and ${agriTrainings.heldOn} between ${`${ctx.year}-01-01`} and ${yearEnd(ctx)}`;

/** Each commissioner dispatched into a region in the year (a dispatch in force on some day of it, up to the as-of date). */
const AGRI_DISPATCHED: Source = {
  tables: tables(agriDispatches, agriCommissioners),
  from: (ctx) => {
    const d = agriDispatches;
    return sql`(select ${d.regionCode} as region_code, ${d.commissionerId} as commissioner_id, min(${agriCommissioners.name}) as detail from ${d} join ${agriCommissioners} on ${agriCommissioners.id} = ${d.commissionerId} where ${d.startsOn} <= ${yearEnd(ctx)} and ${d.endsOn} >= ${`${ctx.year}-01-01`} group by 1, 2) ad`;
  },
  region: sql`ad.region_code`,
  org: sql`null::uuid`,
  record: sql`ad.commissioner_id`,
  detail: sql`ad.detail`,
  party: sql`ad.detail`,
};
/** Each party served in the year: a registry organisation once, otherwise its kind and name in its region. */
const AGRI_SERVED: Source = {
  tables: tables(agriDispatches),
  from: (ctx) => {
    const d = agriDispatches;
    return sql`(select ${d.regionCode} as region_code, coalesce(${d.servedOrgId}::text, ${d.servedKind} || ':' || ${d.servedName}) as party, min(${d.servedOrgId}::text)::uuid as org_id, min(${d.servedName}) as detail from ${d} where ${d.startsOn} <= ${yearEnd(ctx)} and ${d.endsOn} >= ${`${ctx.year}-01-01`} group by 1, 2) sp`;
  },
  region: sql`sp.region_code`,
  org: sql`sp.org_id`,
  record: sql`sp.party`,
  detail: sql`sp.detail`,
  party: sql`sp.detail`,
};
/** 服务天数: the days (China time) on which a commissioner gave a confirmed service free of anomaly flags. */
const AGRI_SERVICE_DAY: Source = {
  tables: tables(agriServiceLogs, agriCommissioners),
  from: (ctx) => {
    const l = agriServiceLogs;
    return sql`(select ${l.regionCode} as region_code, ${l.commissionerId} as commissioner_id, (${l.servedAt} at time zone 'Asia/Shanghai')::date as day, min(${agriCommissioners.name}) as name from ${l} join ${agriCommissioners} on ${agriCommissioners.id} = ${l.commissionerId} where ${l.status} = 'confirmed' and cardinality(${l.flags}) = 0 and (${l.servedAt} at time zone 'Asia/Shanghai')::date between ${`${ctx.year}-01-01`} and ${yearEnd(ctx)} group by 1, 2, 3) sd`;
  },
  region: sql`sd.region_code`,
  org: sql`null::uuid`,
  record: sql`sd.commissioner_id::text || ':' || sd.day::text`,
  detail: sql`sd.day::text`,
  party: sql`sd.name`,
};

/** 政策兑现: payments of policy items, by the paid organisation's region. */
const POLICY_PAYMENT: Source = {
  tables: tables(policyPayments, policyItems),
  from: () => sql`${policyPayments} join ${policyItems} on ${policyItems.id} = ${policyPayments.itemId}`,
  region: sql`${policyPayments.regionCode}`,
  org: sql`${policyPayments.orgId}`,
  record: sql`${policyPayments.id}`,
  detail: sql`${policyItems.title} || ' ' || ${policyPayments.paidOn}::text`,
};

/** 政策文件库: documents by the issuing bureau's region (the city's own count in the city's figure). */
const POLICY_DOCUMENT: Source = {
  tables: tables(policyDocuments),
  from: () => sql`${policyDocuments}`,
  region: sql`${policyDocuments.regionCode}`,
  org: sql`null::uuid`,
  record: sql`${policyDocuments.id}`,
  detail: sql`coalesce(${policyDocuments.documentNo}, '') || ' ' || ${policyDocuments.title}`,
};

/** The last day a yearly flow counts: 31 December, or the as-of date when earlier. */
const yearEnd = (ctx: EvalContext) => (ctx.asOf < `${ctx.year}-12-31` ? ctx.asOf : `${ctx.year}-12-31`);

/** Payments in the year (up to the as-of date) of the items counting in `figure`. */
function itemPayments(figure: string, aggregate: 'orgs' | 'sum'): Definition {
  return {
    source: POLICY_PAYMENT,
    aggregate,
    amount: aggregate === 'sum' ? sql`${policyPayments.amount}` : undefined,
    where: (ctx) =>
      sql`${policyItems.figure} = ${figure} and ${policyPayments.paidOn} between ${`${ctx.year}-01-01`} and ${yearEnd(ctx)}`,
  };
}

/** Patents filed (`filedOn`) or granted (`grantedOn`) in the year up to the as-of date. */
function patentFlow(column: 'filedOn' | 'grantedOn', inventionOnly: boolean): Definition {
  return {
    source: PATENT,
    aggregate: 'records',
    where: (ctx) =>
      sql`${ipPatents[column]} between ${`${ctx.year}-01-01`} and ${yearEnd(ctx)}${inventionOnly ? sql` and ${ipPatents.kind} = 'invention'` : sql``}`,
  };
}

/**
 * Finance records of a kind dated in the year up to the as-of date (授信日, 挂牌日, 投资日, 起保日,
 * 质押登记日), counted as enterprises, records or a sum of their amounts.
 */
function financeFlow(kind: string, aggregate: Definition['aggregate'], extra?: SQL): Definition {
  const f = financeRecords;
  return {
    source: FINANCE,
    aggregate,
    amount: aggregate === 'sum' ? sql`${f.amount}` : undefined,
    where: (ctx) =>
      sql`${f.kind} = ${kind} and ${f.startOn} between ${`${ctx.year}-01-01`} and ${yearEnd(ctx)}${extra ? sql` and ${extra}` : sql``}`,
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
  commissioner_bases: {
    source: AGRI_UNIT,
    aggregate: 'records',
    where: agriUnitActive('commissioner_base', 'municipal'),
  },
  tech_coops: { source: AGRI_UNIT, aggregate: 'records', where: agriUnitActive('tech_coop', null) },
  agri_commissioners: { source: AGRI_DISPATCHED, aggregate: 'records', where: () => sql`true` },
  agri_served_parties: { source: AGRI_SERVED, aggregate: 'records', where: () => sql`true` },
  agri_service_days: { source: AGRI_SERVICE_DAY, aggregate: 'records', where: () => sql`true` },
  agri_trainings: { source: AGRI_TRAINING, aggregate: 'records', where: onsiteTrainings },
  agri_training_attendances: {
    source: AGRI_TRAINING,
    aggregate: 'sum',
    amount: sql`${agriTrainings.attendances}`,
    where: onsiteTrainings,
  },
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
  // Cases filed (立案) in the year up to the as-of date, whatever became of them since.
  ip_cases: {
    source: IP_CASE,
    aggregate: 'records',
    where: (ctx) => sql`${ipCases.filedOn} between ${`${ctx.year}-01-01`} and ${yearEnd(ctx)}`,
  },
  insurance_subsidy_ents: itemPayments('insurance_subsidy', 'orgs'),
  insurance_subsidy_amount: itemPayments('insurance_subsidy', 'sum'),
  // 累计出台: every document issued by the year's end (or the as-of date), repealed since or not.
  policies_issued: {
    source: POLICY_DOCUMENT,
    aggregate: 'records',
    where: (ctx) =>
      sql`${policyDocuments.status} in ('issued', 'repealed') and ${policyDocuments.issuedOn} <= ${yearEnd(ctx)}`,
  },
  // Valid invention patents on 31 December of the year (or the as-of date when earlier).
  valid_inv_patents: {
    source: PATENT,
    aggregate: 'records',
    where: (ctx) => sql`${ipPatents.kind} = 'invention' and ${patentValidOn(yearEnd(ctx))}`,
  },
  // 高新技术企业发展基金: credit lines granted under the fund (not the other instruments).
  credit_granted_ents: financeFlow('credit', 'orgs', sql`${financeRecords.instrument} = 'hte_fund'`),
  credit_granted_amount: financeFlow('credit', 'sum', sql`${financeRecords.instrument} = 'hte_fund'`),
  // Each pledge registration is one patent (专利权质押登记), released or not since.
  patent_pledges: financeFlow('pledge', 'records'),
  patent_pledge_amount: financeFlow('pledge', 'sum'),
  equity_listings: financeFlow('listing', 'records'),
  fund_investments: financeFlow('investment', 'records'),
  fund_investment_amount: financeFlow('investment', 'sum'),
  insured_ents: financeFlow('insurance', 'orgs'),
  tech_loans: financeFlow('loan', 'records'),
  tech_loan_amount: financeFlow('loan', 'sum'),
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
