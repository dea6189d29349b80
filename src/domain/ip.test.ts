import { describe, expect, it } from 'vitest';
import {
  applicantKey,
  checkApplicationNumber,
  isValidOn,
  patentRegion,
  readPatentStatus,
  termEnd,
  termYears,
} from './ip';

const TODAY = new Date(2026, 5, 1);

describe('application numbers against the patent kind', () => {
  it('accepts a number whose type digit agrees, and reads the kind from it', () => {
    expect(checkApplicationNumber('201710601862.3', 'invention', TODAY)).toEqual({
      ok: true,
      value: '201710601862.3',
      kind: 'invention',
    });
    expect(checkApplicationNumber('ZL 90101673.X', null, TODAY)).toMatchObject({
      ok: true,
      kind: 'invention',
    });
  });

  it('refuses a wrong check digit', () => {
    const r = checkApplicationNumber('201710601862.4', 'invention', TODAY);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason.zh).toContain('校验位应为 3');
  });

  it('refuses a type digit that disagrees with the kind', () => {
    const r = checkApplicationNumber('201710601862.3', 'utility', TODAY);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason.zh).toContain('实用新型');
  });

  it('accepts PCT national-phase numbers as invention (8) and utility model (9)', () => {
    const body8 = '201680012345';
    const body9 = '201690012345';
    const n8 = `${body8}.${check(body8)}`;
    const n9 = `${body9}.${check(body9)}`;
    expect(checkApplicationNumber(n8, 'invention', TODAY)).toMatchObject({ ok: true, kind: 'invention' });
    expect(checkApplicationNumber(n9, 'utility', TODAY)).toMatchObject({ ok: true, kind: 'utility' });
    expect(checkApplicationNumber(n8, 'design', TODAY).ok).toBe(false);
  });
});

function check(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * ((i % 8) + 2);
  return sum % 11 === 10 ? 'X' : String(sum % 11);
}

describe('the patent term', () => {
  it('is 20 years for inventions, 10 for utility models', () => {
    expect(termYears('invention', '2000-03-15')).toBe(20);
    expect(termYears('utility', '2000-03-15')).toBe(10);
  });

  it('gives designs 15 years from filings on 2021-06-01, 10 before', () => {
    expect(termYears('design', '2021-05-31')).toBe(10);
    expect(termYears('design', '2021-06-01')).toBe(15);
    expect(termEnd('design', '2021-05-31')).toBe('2031-05-31');
    expect(termEnd('design', '2021-06-01')).toBe('2036-06-01');
  });

  it('ends on the anniversary, 29 February falling to 28 February', () => {
    expect(termEnd('invention', '2000-03-15')).toBe('2020-03-15');
    expect(termEnd('utility', '2004-02-29')).toBe('2014-02-28');
    expect(termEnd('invention', '2004-02-29')).toBe('2024-02-29');
  });
});

describe('valid on a date', () => {
  const p = { kind: 'invention' as const, filedOn: '2000-03-15', grantedOn: '2004-06-01', endedOn: null };

  it('starts on the grant day', () => {
    expect(isValidOn(p, '2004-05-31')).toBe(false);
    expect(isValidOn(p, '2004-06-01')).toBe(true);
  });

  it('holds on the last day of the 20-year term and not on the anniversary', () => {
    expect(isValidOn(p, '2020-03-14')).toBe(true);
    expect(isValidOn(p, '2020-03-15')).toBe(false);
  });

  it('ends on the day of a lapse', () => {
    const lapsed = { ...p, endedOn: '2010-09-01' };
    expect(isValidOn(lapsed, '2010-08-31')).toBe(true);
    expect(isValidOn(lapsed, '2010-09-01')).toBe(false);
  });

  it('is never valid before a grant', () => {
    expect(isValidOn({ ...p, grantedOn: null }, '2010-01-01')).toBe(false);
  });
});

describe('applicant names and region', () => {
  it('matches brackets and 有限责任公司 variants to one key', () => {
    expect(applicantKey('泉州（晋江）鞋业 有限责任公司')).toBe(applicantKey('泉州(晋江)鞋业有限公司'));
    expect(applicantKey('甲公司')).not.toBe(applicantKey('乙公司'));
  });

  it('reads database status words', () => {
    expect(readPatentStatus('未缴年费专利权终止')).toBe('lapsed');
    expect(readPatentStatus('授权')).toBe('granted');
    expect(readPatentStatus('实质审查')).toBe('pending');
    expect(readPatentStatus('专利权期限届满')).toBe('expired');
    expect(readPatentStatus('看不懂')).toBeNull();
  });

  const regions = [
    { code: '350500', name: '泉州市', level: 'city' },
    { code: '350505', name: '泉港区', level: 'county' },
    { code: '350582', name: '晋江市', level: 'county' },
  ];

  it('takes the first registry applicant region, else the address, else none', () => {
    expect(patentRegion('350582', '福建省泉州市泉港区', regions)).toBe('350582');
    expect(patentRegion(null, '福建省泉州市泉港区前黄镇', regions)).toBe('350505');
    expect(patentRegion(null, '福建省泉州市', regions)).toBeNull();
    expect(patentRegion(null, null, regions)).toBeNull();
  });
});
