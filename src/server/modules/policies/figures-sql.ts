/** The figures counted from policy documents and policy-item payments (gathered in plan/computed-sql.ts). */
import { sql } from 'drizzle-orm';
import { policyDocuments, policyItems, policyPayments } from '../../db/schema';
import { type Definition, type Source, tables, yearEnd } from '../plan/figure-kit-sql';

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

export const POLICY_FIGURES: Record<string, Definition> = {
  insurance_subsidy_ents: itemPayments('insurance_subsidy', 'orgs'),
  insurance_subsidy_amount: itemPayments('insurance_subsidy', 'sum'),
  // 累计出台: every document issued by the year's end (or the as-of date), repealed since or not.
  policies_issued: {
    source: POLICY_DOCUMENT,
    aggregate: 'records',
    where: (ctx) =>
      sql`${policyDocuments.status} in ('issued', 'repealed') and ${policyDocuments.issuedOn} <= ${yearEnd(ctx)}`,
  },
};
