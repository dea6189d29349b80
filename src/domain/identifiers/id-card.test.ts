import { describe, expect, it } from 'vitest';
import { idCardCheckChar, maskIdCard, validateIdCard } from './id-card';

const TODAY = new Date(2026, 5, 1);

function failure(input: string) {
  const r = validateIdCard(input, TODAY);
  if (r.ok) throw new Error(`expected ${input} to be rejected`);
  return r;
}

/** A valid ID number with the given first 17 digits. */
const withCheck = (first17: string) => first17 + idCardCheckChar(first17);

describe('validateIdCard', () => {
  it('accepts a valid number and reads region, birth date and sex', () => {
    expect(validateIdCard('350582199003071238', TODAY)).toEqual({
      ok: true,
      value: '350582199003071238',
      regionCode: '350582',
      birthDate: '1990-03-07',
      sex: 'male',
    });
    const r = validateIdCard('350503198512310022', TODAY);
    expect(r.ok && r.sex).toBe('female');
  });

  it('accepts an X check character, in either case and with spaces', () => {
    expect(validateIdCard('11010519491231002X', TODAY).ok).toBe(true);
    const r = validateIdCard(' 110105 19491231 002x ', TODAY);
    expect(r.ok && r.value).toBe('11010519491231002X');
  });

  it('rejects empty input', () => {
    expect(failure('').reason.en).toMatch(/Enter/);
  });

  it('explains that 15-digit numbers are retired', () => {
    expect(failure('350582900307123').reason.zh).toContain('15 位第一代身份证号');
  });

  it('rejects the wrong length', () => {
    expect(failure('35058219900307123').reason.en).toContain('not 17');
  });

  it('names a non-digit among the first 17 characters', () => {
    const r = failure('3505821990O3071238');
    expect(r.position).toBe(11);
    expect(r.reason.zh).toContain('第11位字符 O 无效');
  });

  it('rejects a check character that is neither digit nor X', () => {
    expect(failure('35058219900307123Y').position).toBe(18);
  });

  it('rejects impossible birth dates', () => {
    expect(failure(withCheck('35058219900230123')).position).toBe(7);
    expect(failure(withCheck('35058219901307123')).reason.en).toContain('not a valid date');
    expect(failure(withCheck('35058218991231123')).position).toBe(7);
    expect(validateIdCard(withCheck('35058220000229123'), TODAY).ok).toBe(true);
    expect(failure(withCheck('35058219000229123')).position).toBe(7);
  });

  it('rejects birth dates in the future', () => {
    expect(failure(withCheck('35058220260602123')).reason.zh).toContain('晚于今天');
    expect(validateIdCard(withCheck('35058220260601123'), TODAY).ok).toBe(true);
  });

  it('names the expected check character', () => {
    const r = failure('350582199003071239');
    expect(r.position).toBe(18);
    expect(r.reason).toEqual({
      zh: '第18位校验码应为 8，实为 9',
      en: 'Character 18 (check character) should be 8, not 9',
    });
  });

  it('property: any single digit change of a valid number is caught', () => {
    for (let n = 0; n < 200; n++) {
      const day = String(1 + (n % 28)).padStart(2, '0');
      const month = String(1 + (n % 12)).padStart(2, '0');
      const id = withCheck(
        `3505${String(n % 100).padStart(2, '0')}${1950 + (n % 70)}${month}${day}${String(n).padStart(3, '0')}`,
      );
      expect(validateIdCard(id, TODAY).ok, id).toBe(true);
      for (let i = 0; i < 18; i++) {
        for (const ch of '0123456789X') {
          if (ch === id[i]) continue;
          const altered = id.slice(0, i) + ch + id.slice(i + 1);
          expect(validateIdCard(altered, TODAY).ok, altered).toBe(false);
        }
      }
    }
  });

  it('throws on a malformed body', () => {
    expect(() => idCardCheckChar('1234')).toThrow(RangeError);
  });
});

describe('maskIdCard', () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(maskIdCard('350582199003071238')).toBe('350582********1238');
    expect(maskIdCard('35058219900307123x')).toBe('350582********123X');
  });

  it('hides short input entirely', () => {
    expect(maskIdCard('1234567890')).toBe('**********');
  });
});
