/**
 * 知识产权: patent types and statuses, the patent term, the one rule of "valid on a date" (its SQL
 * twin is `patentValidOn` in server/modules/ip/validity-sql.ts, tested to agree), the applicant name
 * key used to match registry organisations, and the region rule.
 */
import { validatePatentNumber } from './identifiers/patent-number';
import { type Msg, msg } from './message';

export const PATENT_KINDS = ['invention', 'utility', 'design'] as const;
export type PatentKind = (typeof PATENT_KINDS)[number];

export const PATENT_KIND_NAMES: Record<PatentKind, Msg> = {
  invention: msg('发明', 'Invention'),
  utility: msg('实用新型', 'Utility model'),
  design: msg('外观设计', 'Design'),
};

/** Legal status; the last four end a patent (or an application) on the day of their event. */
export const PATENT_STATUSES = [
  'pending',
  'granted',
  'expired',
  'lapsed',
  'invalidated',
  'withdrawn',
  'rejected',
] as const;
export type PatentStatus = (typeof PATENT_STATUSES)[number];
export const ENDING_STATUSES: readonly PatentStatus[] = ['lapsed', 'invalidated', 'withdrawn', 'rejected'];

export const PATENT_STATUS_NAMES: Record<PatentStatus, Msg> = {
  pending: msg('审查中', 'Pending'),
  granted: msg('有效（已授权）', 'Granted'),
  expired: msg('期限届满', 'Expired'),
  lapsed: msg('未缴年费终止', 'Lapsed (fees unpaid)'),
  invalidated: msg('宣告无效', 'Invalidated'),
  withdrawn: msg('撤回', 'Withdrawn'),
  rejected: msg('驳回', 'Rejected'),
};

/** The words patent databases write in 法律状态, mapped to a status. */
const STATUS_WORDS: [RegExp, PatentStatus][] = [
  [/未缴年费|年费终止|费用终止|权利终止/, 'lapsed'],
  [/期限届满|期满/, 'expired'],
  [/无效/, 'invalidated'],
  [/撤回|放弃/, 'withdrawn'],
  [/驳回/, 'rejected'],
  [/授权|有效|专利权维持/, 'granted'],
  [/审中|实质审查|公开|受理|审查/, 'pending'],
];

export function readPatentStatus(text: string): PatentStatus | null {
  const t = text.trim();
  if (!t) return null;
  const byCode = (PATENT_STATUSES as readonly string[]).includes(t) ? (t as PatentStatus) : null;
  if (byCode) return byCode;
  for (const [re, s] of STATUS_WORDS) if (re.test(t)) return s;
  return null;
}

export function readPatentKind(text: string): PatentKind | null {
  const t = text.trim();
  if ((PATENT_KINDS as readonly string[]).includes(t)) return t as PatentKind;
  if (/外观/.test(t)) return 'design';
  if (/实用/.test(t)) return 'utility';
  if (/发明/.test(t)) return 'invention';
  return null;
}

/** 外观设计 filed from this day on have 15 years (2020 Patent Law, in force 2021-06-01); before, 10. */
export const DESIGN_15_FROM = '2021-06-01';

/** The term in years, counted from the filing date (专利法 第四十二条). */
export function termYears(kind: PatentKind, filedOn: string): number {
  if (kind === 'invention') return 20;
  if (kind === 'utility') return 10;
  return filedOn >= DESIGN_15_FROM ? 15 : 10;
}

/**
 * The first day a patent is no longer in force: the filing date's anniversary after the term
 * (29 February falls to 28 February, as the database's date arithmetic does).
 */
export function termEnd(kind: PatentKind, filedOn: string): string {
  const [y, m, d] = filedOn.split('-').map(Number);
  const year = y + termYears(kind, filedOn);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface ValidityFacts {
  kind: PatentKind;
  filedOn: string;
  grantedOn: string | null;
  /** The day a lapse, invalidation, withdrawal or rejection took effect. */
  endedOn: string | null;
}

/**
 * "Valid on D", the one rule: granted on or before D, not ended on or before D, and D before the
 * end of the term. The SQL twin is `patentValidOn`.
 */
export function isValidOn(p: ValidityFacts, day: string): boolean {
  if (!p.grantedOn || p.grantedOn > day) return false;
  if (p.endedOn && p.endedOn <= day) return false;
  return day < termEnd(p.kind, p.filedOn);
}

/** The patent kind an application number's type digit names (PCT national phase included). */
export function kindOfNumber(type: string): PatentKind {
  if (type === 'design') return 'design';
  if (type === 'utility' || type === 'pct-utility') return 'utility';
  return 'invention';
}

/** Checks an application number and that its type digit agrees with the patent kind. */
export function checkApplicationNumber(
  input: string,
  kind: PatentKind | null,
  today: Date,
): { ok: true; value: string; kind: PatentKind } | { ok: false; reason: Msg } {
  const r = validatePatentNumber(input, today);
  if (!r.ok) return { ok: false, reason: r.reason };
  const byNumber = kindOfNumber(r.type);
  if (kind && kind !== byNumber) {
    const [n, k] = [PATENT_KIND_NAMES[byNumber], PATENT_KIND_NAMES[kind]];
    return {
      ok: false,
      reason: msg(
        `申请号的类型位表示${n.zh}，与专利类型“${k.zh}”不符`,
        `The number's type digit says ${n.en}, not ${k.en}`,
      ),
    };
  }
  return { ok: true, value: r.value, kind: byNumber };
}

/**
 * The key an applicant's name is matched by: no spaces, half-width brackets, and
 * 有限责任公司 written as 有限公司 (the two are used for one another in patent records).
 */
export function applicantKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[（【〔[]/g, '(')
    .replace(/[）】〕\]]/g, ')')
    .replace(/有限责任公司$/, '有限公司')
    .toUpperCase();
}

/** One applicant of a patent as recorded: its name, and the registry organisation when matched. */
export interface PatentApplicant {
  name: string;
  orgId: string | null;
}

/** Splits the 申请人 / 发明人 cell of patent databases (；; , 、 or line breaks). */
export function splitNames(text: string): string[] {
  return text
    .split(/[;；,，、\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Persons are short names without an organisational word; everything else is an organisation. */
export function looksLikePerson(name: string): boolean {
  return name.length <= 4 && !/(公司|大学|学院|研究|中心|厂|所|局|院|协会|集团)/.test(name);
}

/**
 * The region rule: the registry region of the first applicant found in the registry, else the
 * most specific region named in the applicant's address (longest name wins, so 泉港区 is not
 * read as 泉州市), else none.
 */
export function patentRegion(
  firstRegistryRegion: string | null,
  address: string | null,
  regions: readonly { code: string; name: string; level: string }[],
): string | null {
  if (firstRegistryRegion) return firstRegistryRegion;
  if (!address) return null;
  let best: { code: string; name: string } | null = null;
  for (const r of regions) {
    if (r.level === 'city') continue;
    if (address.includes(r.name) && (!best || r.name.length > best.name.length)) best = r;
  }
  return best?.code ?? null;
}
