import { describe, expect, it } from 'vitest';
import { hteCriteria, isValidOn, validUntilFor } from './registry';

describe('qualification validity', () => {
  const hte = { kind: 'years', years: 3 } as const;

  it('ends a 3-year certificate the day before its third anniversary', () => {
    expect(validUntilFor(hte, '2014-01-01')).toBe('2016-12-31');
    expect(validUntilFor(hte, '2013-12-31')).toBe('2016-12-30');
    expect(validUntilFor(hte, '2016-02-29')).toBe('2019-02-28');
    expect(validUntilFor({ kind: 'calendar-year' }, '2016-05-04')).toBe('2016-12-31');
    expect(validUntilFor({ kind: 'none' }, '2016-05-04')).toBeNull();
  });

  it('is valid from issue to its last day, and not after revocation', () => {
    const q = (issuedOn: string) => ({
      issuedOn,
      validUntil: validUntilFor(hte, issuedOn),
      revoked: false,
      revokedOn: null,
    });
    expect(isValidOn(q('2013-12-31'), '2016-12-31')).toBe(false);
    expect(isValidOn(q('2014-01-01'), '2016-12-31')).toBe(true);
    expect(isValidOn(q('2014-01-01'), '2017-01-01')).toBe(false);
    expect(isValidOn(q('2017-01-01'), '2016-12-31')).toBe(false);
    const revoked = { ...q('2015-03-01'), revoked: true, revokedOn: '2016-06-30' };
    expect(isValidOn(revoked, '2016-06-29')).toBe(true);
    expect(isValidOn(revoked, '2016-06-30')).toBe(false);
  });
});

describe('高企 quantitative criteria', () => {
  it('uses the R&D threshold of the revenue band and names the failing criterion', () => {
    const small = hteCriteria({
      revenue: '4000',
      rdExpense: '190',
      staff: 100,
      stStaff: 12,
      hitechRevenue: '2600',
    });
    expect(small.map((c) => [c.code, c.required, c.actual, c.pass])).toEqual([
      ['rd_intensity', 5, 4.75, false],
      ['st_staff_share', 10, 12, true],
      ['hitech_revenue_share', 60, 65, true],
    ]);
    expect(
      hteCriteria({ revenue: '15000', rdExpense: '600', staff: 10, stStaff: 1, hitechRevenue: '9000' })[0],
    ).toMatchObject({
      required: 4,
      pass: true,
    });
    expect(
      hteCriteria({ revenue: '30000', rdExpense: '899', staff: 10, stStaff: 1, hitechRevenue: '1' })[0]
        .required,
    ).toBe(3);
  });

  it('fails a criterion whose figures are missing', () => {
    const r = hteCriteria({ revenue: null, rdExpense: null, staff: 0, stStaff: 0, hitechRevenue: null });
    expect(r.every((c) => !c.pass && c.actual === null)).toBe(true);
  });
});
