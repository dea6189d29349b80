import { msg } from '../message';
import type { IdFailure, IdResult } from './index';

/**
 * Chinese patent application numbers (CNIPA 专利申请号标准, in force since 2003-10-01):
 * `YYYY` + type digit + 7-digit serial + `.` + check; earlier numbers are `YY` + type digit +
 * 5-digit serial + `.` + check. Publication numbers carry no check digit.
 */
export type PatentType = 'invention' | 'utility' | 'design' | 'pct-invention' | 'pct-utility';

const PATENT_TYPES: Record<string, PatentType> = {
  '1': 'invention',
  '2': 'utility',
  '3': 'design',
  '8': 'pct-invention',
  '9': 'pct-utility',
};

/** Kind codes of Chinese publications (A/B/C invention, U/Y utility model, S design), e.g. A, B, U, S8. */
const KIND_LETTERS = 'ABCUSY';

/** The Chinese Patent Law came into force on 1985-04-01: no earlier application numbers exist. */
const FIRST_YEAR = 1985;

export type PatentNumberResult = IdResult<{ type: PatentType; year: number }>;
export type PublicationNumberResult = IdResult<{ kind: string }>;

/**
 * Check character over the 8 or 12 body digits: weights 2…9 repeating from the left,
 * Σ mod 11, where 10 is written X.
 */
export function patentCheckChar(digits: string): string {
  if (!/^(\d{8}|\d{12})$/.test(digits)) throw new RangeError('A patent application body has 8 or 12 digits');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * ((i % 8) + 2);
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/** Upper-case, drop whitespace and an optional ZL/CN prefix, and read a full-width dot as `.`. */
export function normalisePatentNumber(input: string): string {
  return input
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/[．。]/g, '.')
    .replace(/^(ZL|CN)/, '');
}

function fail(position: number | undefined, zh: string, en: string): IdFailure {
  return position === undefined
    ? { ok: false, reason: msg(zh, en) }
    : { ok: false, position, reason: msg(zh, en) };
}

/**
 * Validate a patent application number. Positions refer to the normalised form `YYYYTNNNNNNN.C`
 * (or `YYTNNNNN.C`), i.e. after any ZL/CN prefix.
 */
export function validatePatentNumber(input: string, today: Date = new Date()): PatentNumberResult {
  const s = normalisePatentNumber(input);
  if (s.length === 0) return fail(undefined, '请填写专利申请号', 'Enter the patent application number');
  const dot = s.indexOf('.');
  if (dot >= 0 && dot !== s.length - 2) {
    return fail(
      dot + 1,
      `第${dot + 1}位的小数点位置不对：小数点只应出现在最后一位校验位之前`,
      `The dot at character ${dot + 1} is misplaced: it may only precede the final check character`,
    );
  }
  const plain = s.replace('.', '');
  const body = plain.slice(0, -1);
  const check = plain.slice(-1);
  const bad = [...body].findIndex((ch) => !/[0-9]/.test(ch));
  if (bad >= 0) {
    return fail(
      bad + 1,
      `第${bad + 1}位字符 ${body[bad]} 无效：申请号校验位前只能是数字`,
      `Character ${bad + 1} (${body[bad]}) is invalid: only digits come before the check character`,
    );
  }
  if (body.length !== 12 && body.length !== 8) {
    return fail(
      undefined,
      `专利申请号应为 12 位数字（2003年10月起）或 8 位数字（此前）加 1 位校验位，实为 ${body.length} 位数字`,
      `A patent application number has 12 digits (since 2003-10) or 8 digits (before) plus a check character, not ${body.length} digits`,
    );
  }
  const checkPos = body.length + 2;
  if (!/^[0-9X]$/.test(check)) {
    return fail(
      checkPos,
      `第${checkPos}位校验位 ${check} 无效：只能是数字或 X`,
      `Check character ${check} (character ${checkPos}) is invalid: it must be a digit or X`,
    );
  }
  const modern = body.length === 12;
  const typePos = modern ? 5 : 3;
  const type = PATENT_TYPES[body[typePos - 1]];
  if (!type) {
    return fail(
      typePos,
      `第${typePos}位专利类型 ${body[typePos - 1]} 无效：应为 1 发明、2 实用新型、3 外观设计、8 PCT 发明、9 PCT 实用新型`,
      `Character ${typePos} (patent type ${body[typePos - 1]}) is invalid: use 1 invention, 2 utility model, 3 design, 8 PCT invention, 9 PCT utility model`,
    );
  }
  // The 8-digit form ran until 2003-09, so YY 85–99 are 19YY and 00–03 are 20YY.
  const yy = Number(body.slice(0, 2));
  const year = modern ? Number(body.slice(0, 4)) : yy >= 85 ? 1900 + yy : 2000 + yy;
  const [minYear, maxYear] = modern ? [2003, today.getFullYear()] : [FIRST_YEAR, 2003];
  if (year < minYear || year > maxYear) {
    return fail(
      1,
      `申请年份 ${year} 不合理：${modern ? '12' : '8'} 位申请号的年份应在 ${minYear}–${maxYear} 之间`,
      `Application year ${year} is implausible: ${modern ? '12' : '8'}-digit numbers run from ${minYear} to ${maxYear}`,
    );
  }
  const expected = patentCheckChar(body);
  if (check !== expected) {
    return fail(
      checkPos,
      `第${checkPos}位校验位应为 ${expected}，实为 ${check}`,
      `Character ${checkPos} (check character) should be ${expected}, not ${check}`,
    );
  }
  return { ok: true, value: `${body}.${check}`, type, year };
}

/**
 * Validate the format of a publication number: `CN` + 9 digits + kind code (letter and an
 * optional digit). The CN prefix may be omitted; the normalised value always carries it.
 */
export function validatePublicationNumber(input: string): PublicationNumberResult {
  const s = input.replace(/[\s.．]+/g, '').toUpperCase();
  if (s.length === 0) return fail(undefined, '请填写专利公开（公告）号', 'Enter the publication number');
  const rest = s.startsWith('CN') ? s.slice(2) : s;
  const m = /^(\d*)([A-Z]\d?)?$/.exec(rest);
  if (!m) {
    return fail(
      undefined,
      '公开（公告）号格式应为 CN + 9 位数字 + 文献种类代码，例如 CN107123456A',
      'A publication number is CN + 9 digits + a kind code, e.g. CN107123456A',
    );
  }
  const [, digits, kind] = m;
  if (digits.length !== 9) {
    return fail(
      undefined,
      `公开（公告）号应有 9 位数字，实为 ${digits.length} 位`,
      `A publication number has 9 digits, not ${digits.length}`,
    );
  }
  if (!kind) {
    return fail(
      undefined,
      '缺少文献种类代码（如 A、B、U、S）',
      'The kind code (such as A, B, U, S) is missing',
    );
  }
  if (!KIND_LETTERS.includes(kind[0])) {
    return fail(
      12,
      `文献种类代码 ${kind} 无效：应为 A、B、C、U、Y 或 S（可带一位数字）`,
      `Kind code ${kind} is invalid: use A, B, C, U, Y or S (optionally followed by a digit)`,
    );
  }
  return { ok: true, value: `CN${digits}${kind}`, kind };
}
