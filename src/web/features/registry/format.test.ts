import { describe, expect, it } from 'vitest';
import { WAN_AMOUNT } from '../../app/format';
import { compareDecimal, formatWan } from './format';

describe('formatWan', () => {
  it('groups the integer part of the text as it is, keeping every decimal', () => {
    expect(formatWan('1234567.5')).toBe('1,234,567.5');
    expect(formatWan('462721.06')).toBe('462,721.06');
    expect(formatWan('999')).toBe('999');
    expect(formatWan('-1234.00')).toBe('-1,234.00');
    expect(formatWan(null)).toBe('—');
  });
});

describe('compareDecimal', () => {
  it('compares exactly, beyond what a float holds', () => {
    expect(compareDecimal('12345678901234.01', '12345678901234.1')).toBe(-1);
    expect(compareDecimal('5000.50', '5000.5')).toBe(0);
    expect(compareDecimal('980.5', '26000')).toBe(-1);
    expect(compareDecimal('6000', '5000.5')).toBe(1);
    expect(compareDecimal('007', '7.00')).toBe(0);
  });
});

describe('WAN_AMOUNT', () => {
  it('takes 万元 with at most two decimals and no sign', () => {
    expect(WAN_AMOUNT.test('1234.56')).toBe(true);
    expect(WAN_AMOUNT.test('0')).toBe(true);
    expect(WAN_AMOUNT.test('12.345')).toBe(false);
    expect(WAN_AMOUNT.test('-1')).toBe(false);
    expect(WAN_AMOUNT.test('1e3')).toBe(false);
    // The shared rule's width: 14 integer digits fit numeric(16,2), 15 do not.
    expect(WAN_AMOUNT.test('12345678901234.5')).toBe(true);
    expect(WAN_AMOUNT.test('123456789012345')).toBe(false);
  });
});
