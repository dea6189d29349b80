/**
 * The phrases the summary is written with: clauses that vanish when their figure is missing,
 * counts with units, money, change and growth on last year, and shares computed from counts. Pure.
 */
import { fmtChange, fmtGrowth, fmtMoneyWan, fmtNumber, fmtShare, growthOf, shareOf } from './summary-format';

/** One figure of the year: its value and last year's, null when not known. */
export interface Fig {
  value: number | null;
  lastYear?: number | null;
}
/** Figures by indicator code. */
export type Figures = Readonly<Record<string, Fig | undefined>>;

export interface SummaryScope {
  year: number;
  /** 全市 / 全区 / 全县: how the region speaks of itself. */
  area: string;
}

export interface SummarySection {
  heading: string;
  paragraphs: string[];
}

export type Part = string | null;

/** A template whose result is null as soon as one of its values is. */
export function t(strings: TemplateStringsArray, ...vals: Part[]): Part {
  if (vals.some((v) => v === null)) return null;
  return strings.reduce((acc, s, i) => acc + s + (i < vals.length ? vals[i] : ''), '');
}

/** The clauses present, joined; null when none is. */
export function join(parts: Part[], sep: string): Part {
  const present = parts.filter((p): p is string => p !== null && p !== '');
  return present.length === 0 ? null : present.join(sep);
}

/** A sentence of the clauses present after a lead, or null when none is. */
export function sentence(lead: string, parts: Part[], sep = '；'): Part {
  const body = join(parts, sep);
  return body === null ? null : `${lead}${body}。`;
}

export const val = (f: Figures, code: string): number | null => f[code]?.value ?? null;
export const last = (f: Figures, code: string): number | null => f[code]?.lastYear ?? null;

/** 「311家」, or null when missing. */
export function qty(f: Figures, code: string, unit: string, decimals = 2): Part {
  const v = val(f, code);
  return v === null ? null : `${fmtNumber(v, decimals)}${unit}`;
}

export function money(f: Figures, code: string, keepWan = false): Part {
  const v = val(f, code);
  return v === null ? null : fmtMoneyWan(v, keepWan);
}

/** 「比上年增加20家」 when both years are known. */
export function change(f: Figures, code: string, unit: string, decimals = 0): Part {
  const v = val(f, code);
  const l = last(f, code);
  return v === null || l === null ? null : fmtChange(v, l, unit, decimals);
}

/** 「同比增长22%」 when last year is known and not 0. */
export function growth(f: Figures, code: string): Part {
  const g = growthOf(val(f, code), last(f, code));
  return g === null ? null : `同比${fmtGrowth(g)}`;
}

/** 「占29.3%」, computed from the count and its base. */
export function shareClause(f: Figures, code: string, baseCode: string): Part {
  const s = shareOf(val(f, code), val(f, baseCode));
  return s === null ? null : `占${fmtShare(s)}`;
}

/**
 * Two figures of one kind: 「专利申请54010件、授权26851件，同比分别增长x%和y%」; when the first is
 * missing the second takes the full name (「专利授权26851件」).
 */
export function pair(f: Figures, noun: string, a: [string, string], b: [string, string], unit: string): Part {
  const [codeA, labelA] = a;
  const [codeB, labelB] = b;
  const qa = qty(f, codeA, unit);
  const qb = qty(f, codeB, unit);
  const amounts =
    qa !== null ? join([`${noun}${labelA}${qa}`, t`${labelB}${qb}`], '、') : t`${noun}${labelB}${qb}`;
  if (amounts === null) return null;
  const ga = qa === null ? null : growthOf(val(f, codeA), last(f, codeA));
  const gb = qb === null ? null : growthOf(val(f, codeB), last(f, codeB));
  let g: Part = null;
  if (ga !== null && gb !== null) {
    const [fa, fb] = [fmtGrowth(ga), fmtGrowth(gb)];
    if (fa === '持平' && fb === '持平') g = '同比均持平';
    else g = `同比分别${fa}和${fa.slice(0, 2) === fb.slice(0, 2) ? fb.slice(2) : fb}`;
  } else if (ga !== null || gb !== null) {
    const both = qa !== null && qb !== null;
    g =
      ga !== null
        ? `${both ? labelA : ''}同比${fmtGrowth(ga)}`
        : `${both ? labelB : ''}同比${fmtGrowth(gb!)}`;
  }
  return join([amounts, g], '，');
}
