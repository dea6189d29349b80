import { describe, expect, it } from 'vitest';
import { inMoneyUnit, moneyUnit } from './money';

describe('money by its size', () => {
  it('keeps 万元 below 1亿元 and writes 亿元 from 10,000 万元 up', () => {
    expect(moneyUnit(9_999.99)).toBe('wan');
    expect(moneyUnit(10_000)).toBe('yi');
    expect(moneyUnit(-25_000)).toBe('yi');
    expect(inMoneyUnit('49.52')).toEqual({ amount: 49.52, unit: 'wan' });
    expect(inMoneyUnit('15200000.00')).toEqual({ amount: 1520, unit: 'yi' });
    expect(inMoneyUnit('19830')).toEqual({ amount: 1.983, unit: 'yi' });
    expect(inMoneyUnit('-462721.06')).toEqual({ amount: -46.2721, unit: 'yi' });
    expect(inMoneyUnit(10_000)).toEqual({ amount: 1, unit: 'yi' });
  });

  it('moves the decimal point of the exact text, so long sums lose no 万元', () => {
    expect(inMoneyUnit('12345678901234.56').amount).toBe(1234567890.1235);
    expect(inMoneyUnit('10000.01').amount).toBe(1);
    expect(inMoneyUnit('10005.00').amount).toBe(1.0005);
  });
});
