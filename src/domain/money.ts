/**
 * How a sum of money held in 万元 is written: in 万元 below 1亿元, in 亿元 from 10,000 万元 up —
 * the one rule the cockpit, the lists and the Word work summary follow (「1520亿元」, never
 * 「15,200,000.00 万元」). The exact 万元 figure stays available beside it (a tooltip, a column).
 */

/** 10,000 万元 = 1 亿元. */
export const WAN_PER_YI = 10_000;

/** Decimals a sum in 亿元 keeps: four, so no 万元 is lost (19830 万元 → 1.983 亿元). */
export const YI_DECIMALS = 4;

export type MoneyUnit = 'wan' | 'yi';

/** The unit a sum is written in. */
export function moneyUnit(wan: number): MoneyUnit {
  return Math.abs(wan) >= WAN_PER_YI ? 'yi' : 'wan';
}

/**
 * A 万元 figure — exact decimal text or a number — in the unit its size calls for: the number part
 * (at most two decimals in 万元, four in 亿元, trailing zeros dropped in 亿元) and the unit.
 * The 亿元 figure is the 万元 text with its decimal point moved, so it is read exactly.
 */
export function inMoneyUnit(value: string | number): { amount: number; unit: MoneyUnit } {
  const wan = typeof value === 'number' ? value : Number(value);
  if (moneyUnit(wan) === 'wan') return { amount: wan, unit: 'wan' };
  const text = typeof value === 'number' ? String(value) : value;
  const negative = text.startsWith('-');
  const [int, frac = ''] = (negative ? text.slice(1) : text).split('.');
  const shifted = `${int.slice(0, -4) || '0'}.${int.slice(-4).padStart(4, '0')}${frac}`;
  const f = 10 ** YI_DECIMALS;
  const amount = Math.round(Number(shifted) * f) / f;
  return { amount: negative ? -amount : amount, unit: 'yi' };
}
