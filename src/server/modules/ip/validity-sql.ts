import { type SQL, sql } from 'drizzle-orm';
import { DESIGN_15_FROM } from '../../../domain/ip';
import { ipPatents as p } from '../../db/schema';

/** SQL twin of `termEnd` (domain/ip.ts): the first day after the term, counted from filing. */
export function patentTermEnd(): SQL {
  return sql`(${p.filedOn} + make_interval(years => case ${p.kind} when 'invention' then 20 when 'utility' then 10 else case when ${p.filedOn} >= ${DESIGN_15_FROM}::date then 15 else 10 end end))::date`;
}

/** SQL twin of `isValidOn` (domain/ip.ts): granted ≤ D, not ended ≤ D, D before the term's end. */
export function patentValidOn(day: string | SQL): SQL {
  return sql`(${p.grantedOn} <= ${day}::date and (${p.endedOn} is null or ${p.endedOn} > ${day}::date) and ${day}::date < ${patentTermEnd()})`;
}
