/**
 * How plan figures read: each value with its catalogue decimals and unit, changes on last year,
 * warning colours and their order of severity, and the groups the indicator table is shown in.
 * Pure functions, so they are tested without a browser.
 */
import {
  INDICATOR_SECTIONS,
  type Indicator,
  type IndicatorSection,
  type TargetKind,
  type WarningLevel,
} from '../../../domain/indicators';
import type { Locale } from '../../../domain/message';
import type { TFunction } from '../../app/i18n';
import { getCurrentLocale } from '../../app/i18n/locale-store';
import { moneyText } from '../../app/money';

/** What formatting needs of an indicator; the value rows carry only the Chinese unit. */
export type UnitInfo = Pick<Indicator, 'decimals' | 'unit' | 'unitEn'>;

const PERCENT = '%';
const WAN = '万元';

/** 462721.06 → "462,721.06"; always the indicator's decimals, so 1.3 reads "1.30". */
export function formatNumber(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function unitOf(info: UnitInfo | undefined, locale: Locale): string {
  if (!info) return '';
  return locale === 'en' ? info.unitEn : info.unit;
}

/** Whether an indicator is a sum of money (万元), written by its size: 万元 or 亿元. */
export function isMoney(info: UnitInfo | undefined): boolean {
  return info?.unit === WAN;
}

/**
 * A value with its unit: "311 家", "1.30%", "46.27 亿元" (money by its size, the shared rule of
 * app/money.tsx); a dash when nothing is held. `exact` keeps 万元 whatever the size, for tooltips
 * and exports.
 */
export function formatValue(
  value: number | null | undefined,
  info: UnitInfo | undefined,
  locale: Locale,
  exact = false,
): string {
  if (isMoney(info) && !exact) return moneyText(value, locale, info?.decimals ?? 2).text;
  const text = formatNumber(value, info?.decimals ?? 0);
  if (text === '—' || !info) return text;
  const unit = unitOf(info, locale);
  return unit === PERCENT ? `${text}%` : `${text} ${unit}`;
}

/** The exact 万元 figure of a sum shown in 亿元 (a tooltip), or undefined when nothing was converted. */
export function exactMoney(
  value: number | null | undefined,
  info: UnitInfo | undefined,
  locale: Locale,
): string | undefined {
  if (!isMoney(info)) return undefined;
  const m = moneyText(value, locale, info?.decimals ?? 2);
  return m.unit === 'yi' ? m.exact : undefined;
}

export interface Change {
  /** Signed difference, already rounded to the indicator's decimals. */
  diff: number;
  /** Relative change in percent (one decimal), or null when last year was zero or a share. */
  percent: number | null;
  direction: 'up' | 'down' | 'flat';
}

/**
 * This year on last year. For a percentage indicator the difference is in percentage points and
 * no relative change is given (a "+12% of 1.11%" reads as nonsense to a reader of a plan).
 */
export function changeOf(
  value: number | null | undefined,
  lastYear: number | null | undefined,
  info: UnitInfo | undefined,
): Change | null {
  if (value === null || value === undefined || lastYear === null || lastYear === undefined) return null;
  const decimals = info?.decimals ?? 0;
  const f = 10 ** decimals;
  const diff = Math.round((value - lastYear) * f) / f;
  const percent =
    info?.unit === PERCENT || lastYear === 0 ? null : Math.round(((value - lastYear) / lastYear) * 1000) / 10;
  return { diff, percent, direction: diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat' };
}

/** "+12" / "-3.50"; the sign always shown so a column of changes reads at a glance. */
export function formatSigned(value: number, decimals: number): string {
  const text = formatNumber(Math.abs(value), decimals);
  return value > 0 ? `+${text}` : value < 0 ? `-${text}` : text;
}

/** Progress in percent, one decimal at most: 87.5% / 100%. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${Math.round(value * 10) / 10}%`;
}

// ── warnings ─────────────────────────────────────────────────────────────────

/** Most severe first: the order warnings are listed in. */
export const WARNING_ORDER: readonly WarningLevel[] = ['seriously_behind', 'behind', 'on_track', 'achieved'];

/** Ant Design colours: red, orange, blue, green. */
export const WARNING_COLORS: Record<WarningLevel, string> = {
  seriously_behind: 'error',
  behind: 'warning',
  on_track: 'processing',
  achieved: 'success',
};

/** The same in plain hex, for progress bars and card edges. */
export const WARNING_HEX: Record<WarningLevel, string> = {
  seriously_behind: '#cf1322',
  behind: '#d46b08',
  on_track: '#1f5fbf',
  achieved: '#389e0d',
};

export function isWarning(level: WarningLevel | null | undefined): level is 'behind' | 'seriously_behind' {
  return level === 'behind' || level === 'seriously_behind';
}

/** Rows behind plan, most severe first, then the furthest behind (least progress) first. */
export function warningsFirst<T extends { warning?: WarningLevel | null; progress?: number | null }>(
  rows: readonly T[],
): T[] {
  return rows
    .filter((r) => isWarning(r.warning))
    .sort(
      (a, b) =>
        WARNING_ORDER.indexOf(a.warning!) - WARNING_ORDER.indexOf(b.warning!) ||
        (a.progress ?? 0) - (b.progress ?? 0),
    );
}

// ── targets ──────────────────────────────────────────────────────────────────

/** A target as the plan words it: "达到 5.30 件/万人", "比上年增长 15%", "比上年新增 10 家", "逐步提高". */
export function describeTarget(
  kind: TargetKind,
  value: string | number | null,
  info: UnitInfo | undefined,
  locale: Locale,
  t: TFunction,
): string {
  const n = value === null ? null : Number(value);
  switch (kind) {
    case 'absolute':
      return t('plan.target.says.absolute', { value: formatValue(n, info, locale) });
    case 'increase_pct':
      return t('plan.target.says.increase_pct', { value: n === null ? '—' : String(n) });
    case 'increase_abs':
      return t('plan.target.says.increase_abs', { value: formatValue(n, info, locale) });
    case 'rising':
      return t('plan.target.says.rising');
  }
}

// ── which indicators show where ──────────────────────────────────────────────

/**
 * The catalogue's codes marked as headline indicators (the plan「1157」's 五个主要指标) or as key
 * figures of the work summary, in the order the catalogue numbers them.
 */
export function markedCodes(
  indicators: ReadonlyMap<string, Indicator>,
  mark: 'headline' | 'keyFigure',
): string[] {
  return [...indicators.values()]
    .filter((i) => i[mark] !== undefined)
    .sort((a, b) => (a[mark] as number) - (b[mark] as number))
    .map((i) => i.code);
}

/**
 * Rows split into the table's sections (the catalogue's `section`, in the order of the seed's work
 * summary), each in the catalogue's order; empty sections left out. A code the catalogue does not
 * know lands in「其他」, so no row is ever hidden.
 */
export function groupRows<T extends { code: string }>(
  rows: readonly T[],
  indicators: ReadonlyMap<string, Indicator>,
): { key: IndicatorSection; rows: T[] }[] {
  const position = new Map([...indicators.keys()].map((code, i) => [code, i]));
  const at = (code: string) => position.get(code) ?? indicators.size;
  const ordered = [...rows].sort((a, b) => at(a.code) - at(b.code));
  return INDICATOR_SECTIONS.map((key) => ({
    key,
    rows: ordered.filter((r) => (indicators.get(r.code)?.section ?? 'other') === key),
  })).filter((g) => g.rows.length > 0);
}

/** "+12 (+4.0%)", or "+0.14 个百分点" for a percentage indicator. */
export function formatChange(change: Change, info: UnitInfo | undefined, t: TFunction): string {
  const decimals = info?.decimals ?? 0;
  const sign = change.diff > 0 ? '+' : change.diff < 0 ? '-' : '';
  const diff = isMoney(info)
    ? `${sign}${moneyText(Math.abs(change.diff), getCurrentLocale(), decimals).text}`
    : formatSigned(change.diff, decimals);
  if (info?.unit === PERCENT) return t('plan.change.points', { diff });
  return change.percent === null ? diff : `${diff} (${formatSigned(change.percent, 1)}%)`;
}

/** Whether a change is for the better: most indicators should rise, a few (none yet) should fall. */
export function changeTone(
  change: Change,
  polarity: 'higher' | 'lower' | undefined,
): 'success' | 'danger' | 'secondary' {
  if (change.direction === 'flat') return 'secondary';
  const better = (change.direction === 'up') === (polarity !== 'lower');
  return better ? 'success' : 'danger';
}

/** "462721.06" → "462,721.06": grouping added to the exact decimal text, never through a float. */
export function groupDigits(text: string | null | undefined): string {
  if (text === null || text === undefined || text === '') return '—';
  const negative = text.startsWith('-');
  const [int, frac] = (negative ? text.slice(1) : text).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}
