import { msg } from '../message';
import type { IdFailure, IdResult } from './index';

/**
 * 居民身份证号 (GB 11643-1999): 6-digit address code, birth date YYYYMMDD, 3-digit sequence
 * (odd = male), check character. Personal data: show it masked (maskIdCard).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** GB 11643-1999: check character indexed by Σ mod 11. */
const CHECK_CHARS = '10X98765432';

export type IdCardResult = IdResult<{
  /** GB/T 2260 code of the place of first registration (not necessarily current residence). */
  regionCode: string;
  /** ISO date YYYY-MM-DD. */
  birthDate: string;
  sex: 'male' | 'female';
}>;

export function normaliseIdCard(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('An ID number body has 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function fail(position: number | undefined, zh: string, en: string): IdFailure {
  return position === undefined
    ? { ok: false, reason: msg(zh, en) }
    : { ok: false, position, reason: msg(zh, en) };
}

/** Validate a resident ID number: format, a real birth date not in the future, check character. */
export function validateIdCard(input: string, today: Date = new Date()): IdCardResult {
  const id = normaliseIdCard(input);
  if (id.length === 0) return fail(undefined, '请填写居民身份证号', 'Enter the resident ID number');
  if (id.length === 15 && /^\d{15}$/.test(id)) {
    return fail(
      undefined,
      '15 位第一代身份证号已停止使用，请填写 18 位号码',
      'First-generation 15-digit ID numbers are no longer valid: enter the 18-character number',
    );
  }
  if (id.length !== 18) {
    return fail(
      undefined,
      `居民身份证号应为 18 位，实为 ${id.length} 位`,
      `A resident ID number has 18 characters, not ${id.length}`,
    );
  }
  const bad = [...id.slice(0, 17)].findIndex((ch) => !/[0-9]/.test(ch));
  if (bad >= 0) {
    return fail(
      bad + 1,
      `第${bad + 1}位字符 ${id[bad]} 无效：前 17 位只能是数字`,
      `Character ${bad + 1} (${id[bad]}) is invalid: the first 17 characters are digits`,
    );
  }
  if (!/^[0-9X]$/.test(id[17])) {
    return fail(
      18,
      `第18位校验码 ${id[17]} 无效：只能是数字或 X`,
      `Character 18 (check character ${id[17]}) is invalid: it must be a digit or X`,
    );
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  const real = birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d;
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  const birthIso = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!real || y < 1900) {
    return fail(
      7,
      `第7–14位出生日期 ${id.slice(6, 14)} 不是 1900 年以后的有效日期`,
      `Characters 7–14 (birth date ${id.slice(6, 14)}) are not a valid date from 1900 on`,
    );
  }
  if (birth.getTime() > todayUtc) {
    return fail(
      7,
      `第7–14位出生日期 ${birthIso} 晚于今天`,
      `Characters 7–14 (birth date ${birthIso}) lie in the future`,
    );
  }
  const expected = idCardCheckChar(id.slice(0, 17));
  if (id[17] !== expected) {
    return fail(
      18,
      `第18位校验码应为 ${expected}，实为 ${id[17]}`,
      `Character 18 (check character) should be ${expected}, not ${id[17]}`,
    );
  }
  return {
    ok: true,
    value: id,
    regionCode: id.slice(0, 6),
    birthDate: birthIso,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/**
 * Mask an ID number for display: keep the first 6 (region) and last 4 characters, e.g.
 * `350582********123X`. Anything too short to mask that way is hidden entirely.
 */
export function maskIdCard(id: string): string {
  const s = normaliseIdCard(id);
  if (s.length <= 10) return '*'.repeat(s.length);
  return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
}
