import { msg } from '../message';
import type { IdResult } from './index';

/**
 * 统一社会信用代码 (GB 32100-2015). The character set leaves out I, O, Z, S, V so they cannot be
 * confused with 1, 0, 2, 5, U; a character's value is its index in this string.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const EXCLUDED = 'IOZSV';
/** GB 32100-2015 §5: weight of position i is 3^(i-1) mod 31. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 11714-1997 organisation code weights for the 8 body characters. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type UsccResult = IdResult<{
  /** Pos 1: registering authority (9 = market regulation, 1 = 机构编制, 5 = 民政, …). */
  registrar: string;
  /** Pos 2: entity class within the authority (with 9: 1 enterprise, 2 individual business, …). */
  entityClass: string;
  /** Pos 3–8: GB/T 2260 code of the registering office at issuance — not the current county. */
  registrarRegion: string;
  /** Pos 9–17 formatted as the legacy organisation code `XXXXXXXX-X`. */
  orgCode: string;
}>;

/** Trim, upper-case and drop every whitespace (users paste codes with spaces or full-width blanks). */
export function normaliseUscc(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** GB 11714 value of an organisation-code character: digits as themselves, A=10 … Z=35. */
function orgValue(ch: string): number {
  if (/^[0-9]$/.test(ch)) return Number(ch);
  if (/^[A-Z]$/.test(ch)) return ch.charCodeAt(0) - 55;
  throw new RangeError(`Not an organisation-code character: ${ch}`);
}

/** Check character of an organisation code (GB 11714): c9 = 11 − (Σ mod 11); 10 → X, 11 → 0. */
export function orgCodeCheckChar(first8: string): string {
  if (first8.length !== 8) throw new RangeError('An organisation-code body has 8 characters');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(first8[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  if (c === 10) return 'X';
  if (c === 11) return '0';
  return String(c);
}

/** Check character of a USCC (GB 32100): c18 = 31 − (Σ mod 31); 31 → 0. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('A USCC body has 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]);
    if (v < 0) throw new RangeError(`Not a USCC character: ${first17[i]}`);
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * Build a valid USCC from its parts, computing both check characters (used by the demo data
 * generator). orgBase8 must use the USCC character set, since it is embedded in the code.
 */
export function makeUscc(registrar: string, cls: string, region6: string, orgBase8: string): string {
  const inSet = (s: string) => [...s].every((ch) => USCC_CHARSET.includes(ch));
  if (registrar.length !== 1 || !inSet(registrar)) throw new RangeError('registrar: one USCC character');
  if (cls.length !== 1 || !inSet(cls)) throw new RangeError('cls: one USCC character');
  if (!/^\d{6}$/.test(region6)) throw new RangeError('region6: six digits (GB/T 2260)');
  if (orgBase8.length !== 8 || !inSet(orgBase8)) throw new RangeError('orgBase8: eight USCC characters');
  const first17 = registrar + cls + region6 + orgBase8 + orgCodeCheckChar(orgBase8);
  return first17 + usccCheckChar(first17);
}

/** Validate a 统一社会信用代码, naming the first wrong character and the rule it breaks. */
export function validateUscc(input: string): UsccResult {
  const code = normaliseUscc(input);
  if (code.length === 0) {
    return { ok: false, reason: msg('请填写统一社会信用代码', 'Enter the unified social credit code') };
  }
  if (code.length !== 18) {
    return {
      ok: false,
      reason: msg(
        `统一社会信用代码应为 18 位，实为 ${code.length} 位`,
        `A unified social credit code has 18 characters, not ${code.length}`,
      ),
    };
  }
  // Position 18 is left to the check below: naming the expected check character (as in the
  // GB 32100 counter-example `…Y4Z`) helps more than saying the character is not allowed.
  for (let i = 0; i < 17; i++) {
    const ch = code[i];
    if (USCC_CHARSET.includes(ch)) continue;
    const position = i + 1;
    if (EXCLUDED.includes(ch)) {
      return {
        ok: false,
        position,
        reason: msg(
          `第${position}位字符 ${ch} 不允许：统一社会信用代码不使用 I、O、Z、S、V（GB 32100）`,
          `Character ${position} (${ch}) is not allowed: the code never uses I, O, Z, S or V (GB 32100)`,
        ),
      };
    }
    return {
      ok: false,
      position,
      reason: msg(
        `第${position}位字符 ${ch} 无效：只允许数字和大写字母（不含 I、O、Z、S、V）`,
        `Character ${position} (${ch}) is invalid: only digits and capital letters except I, O, Z, S, V`,
      ),
    };
  }
  for (let i = 2; i < 8; i++) {
    if (/[0-9]/.test(code[i])) continue;
    const position = i + 1;
    return {
      ok: false,
      position,
      reason: msg(
        `第${position}位应为数字：第3–8位是登记管理机关行政区划码（GB/T 2260）`,
        `Character ${position} must be a digit: characters 3–8 are the registering office's GB/T 2260 code`,
      ),
    };
  }
  // The embedded organisation code is checked first: a slip in positions 9–17 breaks both checks,
  // and this one narrows it down to the organisation-code part.
  const orgExpected = orgCodeCheckChar(code.slice(8, 16));
  if (code[16] !== orgExpected) {
    return {
      ok: false,
      position: 17,
      reason: msg(
        `第17位组织机构代码校验码应为 ${orgExpected}，实为 ${code[16]}（第9–17位组织机构代码校验未通过，GB 11714）`,
        `Character 17 (organisation-code check character) should be ${orgExpected}, not ${code[16]} ` +
          '(the embedded organisation code, characters 9–17, fails its GB 11714 check)',
      ),
    };
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    return {
      ok: false,
      position: 18,
      reason: msg(
        `第18位校验码应为 ${expected}，实为 ${code[17]}`,
        `Character 18 (check character) should be ${expected}, not ${code[17]}`,
      ),
    };
  }
  return {
    ok: true,
    value: code,
    registrar: code[0],
    entityClass: code[1],
    registrarRegion: code.slice(2, 8),
    orgCode: `${code.slice(8, 16)}-${code[16]}`,
  };
}
