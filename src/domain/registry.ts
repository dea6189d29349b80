/**
 * Registry rules shared by server and web: names of the kinds, the one "valid on date D" rule,
 * and the quantitative 高新技术企业 criteria used by the cultivation pool (高企培育库).
 */
import { type Msg, msg } from './message';
import type { QualificationValidity } from './reference';

export const ORG_KIND_NAMES = {
  enterprise: msg('企业', 'Enterprise'),
  university: msg('高等院校', 'University'),
  institute: msg('科研院所', 'Research institute'),
  new_rd_institution: msg('新型研发机构', 'New-type R&D institution'),
  service_agency: msg('科技服务机构', 'S&T service agency'),
  financial_institution: msg('金融机构', 'Financial institution'),
} as const satisfies Record<string, Msg>;
export type OrgKind = keyof typeof ORG_KIND_NAMES;
export const ORG_KIND_CODES = Object.keys(ORG_KIND_NAMES) as OrgKind[];

export const LEVEL_NAMES = {
  national: msg('国家级', 'National'),
  provincial: msg('省级', 'Provincial'),
  municipal: msg('市级', 'Municipal'),
} as const satisfies Record<string, Msg>;
export type Level = keyof typeof LEVEL_NAMES;
export const LEVEL_CODES = Object.keys(LEVEL_NAMES) as Level[];

export const PLATFORM_KIND_NAMES = {
  muni_eng_center: msg('市级企业工程技术研究中心', 'Municipal enterprise engineering research centre'),
  ind_tech_center: msg('行业技术开发中心', 'Industry technology development centre'),
  prov_key_lab: msg('省级企业重点实验室', 'Provincial enterprise key laboratory'),
  national_platform: msg('国家级创新平台', 'National-level innovation platform'),
  new_rd_inst: msg('新型研发机构', 'New-type R&D institution'),
} as const satisfies Record<string, Msg>;
export type PlatformKind = keyof typeof PLATFORM_KIND_NAMES;
export const PLATFORM_KIND_CODES = Object.keys(PLATFORM_KIND_NAMES) as PlatformKind[];

export const CARRIER_KIND_NAMES = {
  maker_space: msg('众创空间', 'Maker space'),
  incubator: msg('孵化器', 'Incubator'),
  accelerator: msg('加速器', 'Accelerator'),
  star_space: msg('星创天地', 'Rural maker space (星创天地)'),
} as const satisfies Record<string, Msg>;
export type CarrierKind = keyof typeof CARRIER_KIND_NAMES;
export const CARRIER_KIND_CODES = Object.keys(CARRIER_KIND_NAMES) as CarrierKind[];

export const RECORD_STATUS_NAMES = {
  active: msg('有效', 'Active'),
  revoked: msg('撤销', 'Revoked'),
  closed: msg('关闭/合并', 'Closed or merged'),
} as const satisfies Record<string, Msg>;

/** ISO date arithmetic on plain YYYY-MM-DD strings, free of time zones. */
function addYearsMinusDay(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const end = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February + n years lands on 1 March in a common year; the day before is 28 February.
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0);
  else end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/**
 * The last day a qualification is valid, from its type's rule. 高企证书有效期三年 (国科发火〔2016〕32号):
 * issued 2014-01-01 → valid through 2016-12-31; issued 2013-12-31 → through 2016-12-30.
 * Calendar-year registrations (科技型中小企业入库) end on 31 December of their year.
 */
export function validUntilFor(validity: QualificationValidity, issuedOn: string): string | null {
  switch (validity.kind) {
    case 'years':
      return addYearsMinusDay(issuedOn, validity.years);
    case 'calendar-year':
      return `${issuedOn.slice(0, 4)}-12-31`;
    default:
      return null;
  }
}

export interface ValidityFacts {
  issuedOn: string;
  validUntil: string | null;
  revoked: boolean;
  revokedOn: string | null;
}

/** The one rule for "valid on date D", mirrored in SQL by `validOnSql` on the server. */
export function isValidOn(q: ValidityFacts, onDate: string): boolean {
  if (q.issuedOn > onDate) return false;
  if (q.validUntil !== null && q.validUntil < onDate) return false;
  if (q.revoked && (q.revokedOn === null || q.revokedOn <= onDate)) return false;
  return true;
}

export interface AnnualFigures {
  revenue: string | null;
  rdExpense: string | null;
  staff: number | null;
  stStaff: number | null;
  hitechRevenue: string | null;
}

export interface CriterionResult {
  code: 'rd_intensity' | 'st_staff_share' | 'hitech_revenue_share';
  name: Msg;
  /** Required share in percent. */
  required: number;
  /** Actual share in percent, or null when a figure is missing. */
  actual: number | null;
  pass: boolean;
}

/**
 * The quantitative 高新技术企业 criteria (《高新技术企业认定管理办法》2016 第十一条): R&D expense ≥ 5% of
 * revenue up to 5000万, ≥ 4% up to 2亿, ≥ 3% above; S&T staff ≥ 10% of staff; high-tech product
 * revenue ≥ 60% of revenue. Evaluated on one year's figures (the rule uses three years' R&D).
 */
export function hteCriteria(f: AnnualFigures): CriterionResult[] {
  const revenue = f.revenue === null ? null : Number(f.revenue);
  const share = (part: number | null, whole: number | null) =>
    part === null || whole === null || whole <= 0 ? null : Math.round((part / whole) * 10000) / 100;
  const rdRequired = revenue === null || revenue <= 5000 ? 5 : revenue <= 20000 ? 4 : 3;
  const results: Omit<CriterionResult, 'pass'>[] = [
    {
      code: 'rd_intensity',
      name: msg('研发费用占营业收入比例', 'R&D expense / revenue'),
      required: rdRequired,
      actual: share(f.rdExpense === null ? null : Number(f.rdExpense), revenue),
    },
    {
      code: 'st_staff_share',
      name: msg('科技人员占职工总数比例', 'S&T staff / staff'),
      required: 10,
      actual: share(f.stStaff, f.staff),
    },
    {
      code: 'hitech_revenue_share',
      name: msg('高新技术产品收入占比', 'High-tech product revenue / revenue'),
      required: 60,
      actual: share(f.hitechRevenue === null ? null : Number(f.hitechRevenue), revenue),
    },
  ];
  return results.map((r) => ({ ...r, pass: r.actual !== null && r.actual >= r.required }));
}
