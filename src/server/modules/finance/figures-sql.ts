/** The figures counted from the finance module's records (gathered in plan/computed-sql.ts). */
import { type SQL, sql } from 'drizzle-orm';
import { financeRecords } from '../../db/schema';
import { type Definition, type Source, tables, yearEnd } from '../plan/figure-kit-sql';

/** 科技金融: the finance module's records, by the enterprise's region (recorded with the record). */
const FINANCE: Source = {
  from: () => sql`${financeRecords}`,
  tables: tables(financeRecords),
  region: sql`${financeRecords.regionCode}`,
  org: sql`${financeRecords.enterpriseId}`,
  record: sql`${financeRecords.id}`,
  detail: sql`${financeRecords.startOn}::text || coalesce(' ' || ${financeRecords.refNo}, '') || coalesce(' ' || ${financeRecords.appNo}, '')`,
};

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

export const FINANCE_FIGURES: Record<string, Definition> = {
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
