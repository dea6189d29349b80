/**
 * Money in 万元 is exact (numeric(18,2) in SQL, strings on the wire): sums and comparisons are done
 * in integer hundredths, never in floating point.
 */
export function cents(v: string | null | undefined): bigint {
  if (v === null || v === undefined || v === '') return 0n;
  const s = String(v).trim();
  const neg = s.startsWith('-');
  const [int, frac = ''] = s.replace(/^[-+]/, '').split('.');
  const c = BigInt(int || '0') * 100n + BigInt(`${frac}00`.slice(0, 2));
  return neg ? -c : c;
}

export function wan(c: bigint): string {
  const neg = c < 0n;
  const a = neg ? -c : c;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

/** A stored amount as the wire shows it (two decimals), or null. */
export function wanOrNull(v: string | null | undefined): string | null {
  return v === null || v === undefined ? null : wan(cents(v));
}
