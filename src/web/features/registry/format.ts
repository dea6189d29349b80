/**
 * Display and input rules for registry figures. Money is 万元 as an exact decimal string
 * (engineering rule 9): it is formatted and compared as text, never turned into a float.
 */
import dayjs from 'dayjs';

/** 12345678.5 → 12,345,678.5 — grouping added to the text as it is. */
export function formatWan(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const negative = value.startsWith('-');
  const [int, frac] = (negative ? value.slice(1) : value).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** Compares two non-negative decimal strings exactly: −1, 0 or 1. */
export function compareDecimal(a: string, b: string): number {
  const [ai, af = ''] = a.split('.');
  const [bi, bf = ''] = b.split('.');
  const aInt = ai.replace(/^0+(?=\d)/, '');
  const bInt = bi.replace(/^0+(?=\d)/, '');
  if (aInt.length !== bInt.length) return aInt.length < bInt.length ? -1 : 1;
  if (aInt !== bInt) return aInt < bInt ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const aFrac = af.padEnd(width, '0');
  const bFrac = bf.padEnd(width, '0');
  if (aFrac === bFrac) return 0;
  return aFrac < bFrac ? -1 : 1;
}

/** A share in percent as the criteria give it (two decimals at most), or a dash when unknown. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value}%`;
}

/** Today in the user's calendar, as the API's ISO dates are written. */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** Whole days from today until an ISO date (negative once past). */
export function daysUntil(iso: string): number {
  return dayjs(iso).startOf('day').diff(dayjs().startOf('day'), 'day');
}

/** Validity ends this close count as 即将到期 on the organisation page. */
export const EXPIRY_WARNING_DAYS = 90;
