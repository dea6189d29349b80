/** The figures counted from the agricultural S&T records (gathered in plan/computed-sql.ts). */
import { sql } from 'drizzle-orm';
import {
  agriCommissioners,
  agriDispatches,
  agriServiceLogs,
  agriTrainings,
  agriUnits,
} from '../../db/schema';
import { type Definition, type EvalContext, type Source, tables, yearEnd } from '../plan/figure-kit-sql';

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

export const AGRI_FIGURES: Record<string, Definition> = {
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
};
