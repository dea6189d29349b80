import { describe, expect, it } from 'vitest';
import { patentCheckChar, validatePatentNumber, validatePublicationNumber } from './patent-number';

const TODAY = new Date(2026, 5, 1);

function failure(input: string) {
  const r = validatePatentNumber(input, TODAY);
  if (r.ok) throw new Error(`expected ${input} to be rejected`);
  return r;
}

describe('validatePatentNumber', () => {
  it('accepts the 12-digit example', () => {
    expect(validatePatentNumber('201710601862.3', TODAY)).toEqual({
      ok: true,
      value: '201710601862.3',
      type: 'invention',
      year: 2017,
    });
  });

  it('accepts the pre-2003 8-digit example with an X check', () => {
    expect(validatePatentNumber('90101673.X', TODAY)).toEqual({
      ok: true,
      value: '90101673.X',
      type: 'invention',
      year: 1990,
    });
  });

  it.each([
    'ZL201710601862.3',
    'zl 2017 1060 1862.3',
    'CN201710601862.3',
    '2017106018623',
    '201710601862．3',
  ])('normalises %s', (input) => {
    const r = validatePatentNumber(input, TODAY);
    expect(r.ok && r.value).toBe('201710601862.3');
  });

  it('accepts a lower-case x check character and an 8-digit number from 2003', () => {
    expect(validatePatentNumber('90101673x', TODAY).ok).toBe(true);
    const r = validatePatentNumber('03100001.0', TODAY);
    expect(r.ok && r.year).toBe(2003);
  });

  it.each([
    ['1', 'invention'],
    ['2', 'utility'],
    ['3', 'design'],
    ['8', 'pct-invention'],
    ['9', 'pct-utility'],
  ])('reads type digit %s as %s', (digit, type) => {
    const body = `2018${digit}0012345`;
    const r = validatePatentNumber(`${body}.${patentCheckChar(body)}`, TODAY);
    expect(r.ok && r.type).toBe(type);
  });

  it('rejects empty input', () => {
    expect(failure(' ').reason.en).toMatch(/Enter/);
  });

  it('rejects a misplaced dot', () => {
    expect(failure('2017.106018623').position).toBe(5);
  });

  it('names a non-digit in the body', () => {
    const r = failure('20171060186A.3');
    expect(r.position).toBe(12);
    expect(r.reason.zh).toContain('第12位字符 A 无效');
  });

  it('rejects the wrong number of digits', () => {
    const r = failure('2017106018.3');
    expect(r.position).toBeUndefined();
    expect(r.reason.en).toContain('not 10 digits');
  });

  it('rejects a check character that is neither digit nor X', () => {
    expect(failure('201710601862.Y').position).toBe(14);
  });

  it('rejects an unknown type digit', () => {
    const r = failure('201740601862.3');
    expect(r.position).toBe(5);
    expect(r.reason.zh).toContain('专利类型 4 无效');
    expect(failure('90401673.X').position).toBe(3);
  });

  it('rejects implausible years', () => {
    expect(failure('200210601862.3').reason.en).toContain('2003 to 2026');
    expect(failure('202710601862.3').reason.zh).toContain('2027');
    expect(failure('50101673.X').reason.en).toContain('1985 to 2003');
  });

  it('names the expected check character', () => {
    const r = failure('201710601862.4');
    expect(r.position).toBe(14);
    expect(r.reason).toEqual({
      zh: '第14位校验位应为 3，实为 4',
      en: 'Character 14 (check character) should be 3, not 4',
    });
    expect(failure('90101673.1').position).toBe(10);
  });

  it('property: random numbers validate, and any single digit change is caught', () => {
    let seed = 42;
    const digit = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return String(seed % 10);
    };
    for (let n = 0; n < 200; n++) {
      const body = `${2003 + (n % 23)}${'12389'[n % 5]}${Array.from({ length: 7 }, digit).join('')}`;
      const value = `${body}.${patentCheckChar(body)}`;
      expect(validatePatentNumber(value, TODAY).ok).toBe(true);
      for (let i = 0; i < 12; i++) {
        for (let d = 0; d < 10; d++) {
          if (String(d) === body[i]) continue;
          const altered = `${body.slice(0, i)}${d}${value.slice(i + 1)}`;
          expect(validatePatentNumber(altered, TODAY).ok, altered).toBe(false);
        }
      }
    }
  });

  it('throws on a malformed body', () => {
    expect(() => patentCheckChar('1234567')).toThrow(RangeError);
  });
});

describe('validatePublicationNumber', () => {
  it.each([
    ['CN107123456A', 'CN107123456A', 'A'],
    ['cn 107123456 b', 'CN107123456B', 'B'],
    ['205123456U', 'CN205123456U', 'U'],
    ['CN303123456S', 'CN303123456S', 'S'],
  ])('reads %s', (input, value, kind) => {
    expect(validatePublicationNumber(input)).toEqual({ ok: true, value, kind });
  });

  it('accepts a kind code with a digit', () => {
    const r = validatePublicationNumber('CN107123456A8');
    expect(r.ok && r.kind).toBe('A8');
  });

  it('rejects empty input, bad format, wrong length, missing and unknown kind codes', () => {
    const reasons = ['', 'CN1071-23456A', 'CN10712345A', 'CN107123456', 'CN107123456X'].map((s) => {
      const r = validatePublicationNumber(s);
      if (r.ok) throw new Error(`expected ${s} to be rejected`);
      return r;
    });
    expect(reasons[0].reason.en).toMatch(/Enter/);
    expect(reasons[1].reason.en).toContain('CN + 9 digits');
    expect(reasons[2].reason.zh).toContain('实为 8 位');
    expect(reasons[3].reason.en).toContain('kind code');
    expect(reasons[4].position).toBe(12);
  });
});
