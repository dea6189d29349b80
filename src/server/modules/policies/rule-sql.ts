/**
 * An eligibility rule (data, zod-validated: domain/contracts/policy-items.ts) as one SQL condition
 * over `organizations`. Every value is a bound parameter; nothing from the rule is spliced into the
 * text. The credit exclusion is separate (`orgUnderCredit`), so the preview can show who it keeps
 * out and why.
 */
import { and, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { EligibilityRule } from '../../../domain/contracts/policy-items';
import { organizations as o, qualifications as q, orgAnnualStats as s } from '../../db/schema';

/** `regionCodes`: the rule's counties already expanded to their zones (null: the whole city). */
export function ruleCondition(rule: EligibilityRule, regionCodes: string[] | null): SQL {
  const parts: (SQL | undefined)[] = [inArray(o.kind, rule.orgKinds)];
  if (regionCodes) parts.push(inArray(o.regionCode, regionCodes));
  if (rule.industryCodes.length > 0)
    parts.push(or(...rule.industryCodes.map((code) => sql`${o.industryCode} like ${`${code}%`}`)));
  if (rule.aboveSize === true || rule.aboveSize === false)
    parts.push(sql`${o.aboveSize} = ${rule.aboveSize}`);
  const qual = rule.qualification;
  if (qual) {
    const conds = [
      sql`${q.orgId} = ${o.id}`,
      sql`${q.typeCode} = ${qual.typeCode}`,
      sql`not (${q.revoked} and ${q.revokedOn} is null)`,
    ];
    if (qual.issuedFrom) conds.push(sql`${q.issuedOn} >= ${qual.issuedFrom}`);
    if (qual.issuedTo) conds.push(sql`${q.issuedOn} <= ${qual.issuedTo}`);
    parts.push(sql`exists (select 1 from ${q} where ${sql.join(conds, sql` and `)})`);
    if (qual.firstTime && qual.issuedFrom) {
      // 首次认定: nothing of the type before the window (a re-recognition is not new).
      parts.push(
        sql`not exists (select 1 from ${q} where ${q.orgId} = ${o.id} and ${q.typeCode} = ${qual.typeCode} and ${q.issuedOn} < ${qual.issuedFrom})`,
      );
    }
  }
  const st = rule.stats;
  if (st) {
    const conds = [sql`${s.orgId} = ${o.id}`, sql`${s.year} = ${st.year}`];
    if (st.minRevenue) conds.push(sql`${s.revenue} >= ${st.minRevenue}`);
    if (st.minRdExpense) conds.push(sql`${s.rdExpense} >= ${st.minRdExpense}`);
    if (st.minStaff !== null && st.minStaff !== undefined) conds.push(sql`${s.staff} >= ${st.minStaff}`);
    if (st.minRdRatio !== null && st.minRdRatio !== undefined)
      conds.push(sql`${s.revenue} > 0 and ${s.rdExpense} * 100 >= ${st.minRdRatio} * ${s.revenue}`);
    parts.push(sql`exists (select 1 from ${s} where ${sql.join(conds, sql` and `)})`);
  }
  return and(...parts)!;
}
