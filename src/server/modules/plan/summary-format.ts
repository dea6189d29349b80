/**
 * Numbers written the way the bureau writes them in its work summaries: counts without thousands
 * separators (4438), shares with one decimal (29.3%), growth with up to two decimals (49.09%,
 * 22%), money in 万元 or, for large sums, 亿元 (1.983亿元). Pure functions, no I/O.
 */
import { moneyUnit, WAN_PER_YI, YI_DECIMALS } from '../../../domain/money';

/** Rounds half away from zero at `decimals`, avoiding binary artefacts such as 1.005 → 1.00. */
export function roundTo(v: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Math.abs(v) * f;
  const r = Math.round(Number(scaled.toPrecision(12))) / f;
  return v < 0 ? -r : r;
}

/** A number with at most `decimals` decimals, trailing zeros dropped, no separators: 462721.06. */
export function fmtNumber(v: number, decimals = 2): string {
  const s = roundTo(v, decimals).toFixed(decimals);
  const trimmed = s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  return trimmed === '-0' ? '0' : trimmed;
}

/** A share (in percent) of a count in its base, or null when either is missing or the base is 0. */
export function shareOf(part: number | null | undefined, base: number | null | undefined): number | null {
  if (part === null || part === undefined || base === null || base === undefined || base === 0) return null;
  return (part / base) * 100;
}

/** A share always with one decimal: 29.3%, 15.0%. */
export function fmtShare(percent: number): string {
  return `${roundTo(percent, 1).toFixed(1)}%`;
}

/** Growth on last year in percent, or null when last year is missing or 0. */
export function growthOf(now: number | null | undefined, last: number | null | undefined): number | null {
  if (now === null || now === undefined || last === null || last === undefined || last === 0) return null;
  return ((now - last) / Math.abs(last)) * 100;
}

/** 「增长49.09%」「下降3.5%」「持平」 */
export function fmtGrowth(percent: number): string {
  const r = roundTo(percent, 2);
  if (r === 0) return '持平';
  return `${r > 0 ? '增长' : '下降'}${fmtNumber(Math.abs(r), 2)}%`;
}

/** Change of a stock on last year: 「比上年增加20家」「比上年减少3家」「与上年持平」. */
export function fmtChange(now: number, last: number, unit: string, decimals = 0): string {
  const d = roundTo(now - last, decimals);
  if (d === 0) return '与上年持平';
  return `比上年${d > 0 ? '增加' : '减少'}${fmtNumber(Math.abs(d), decimals)}${unit}`;
}

/**
 * Money given in 万元: kept in 万元 below 1亿元 (49.52万元), else in 亿元 with up to four decimals, so
 * no 万元 is lost (19830 → 1.983亿元). `keepWan` writes 万元 whatever the size (462721.06万元), as
 * the bureau does for technology contract turnover.
 */
export function fmtMoneyWan(wan: number, keepWan = false): string {
  if (keepWan || moneyUnit(wan) === 'wan') return `${fmtNumber(wan, 2)}万元`;
  return `${fmtNumber(wan / WAN_PER_YI, YI_DECIMALS)}亿元`;
}

/** 2016-12-31 → 2016年12月31日 */
export function fmtDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese ordinal for section headings, 1–99: 一, 十, 十一, 二十三. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

/**
 * How a region speaks of itself: 全市 for the city and county-level cities, 全区 for districts and
 * zones, 全县 for counties.
 */
export function areaWord(regionName: string): string {
  if (regionName.endsWith('县')) return '全县';
  if (regionName.endsWith('市')) return '全市';
  return '全区';
}
