/**
 * Reading one Excel cell as one kind of value. Each reader answers the value or a message saying
 * what is wrong with it, in both languages; the column name and row are added by the caller.
 */
import { type Msg, msg } from '../../../../domain/message';
import { CONTROL_IN_TEXT } from '../../../platform/input-guard';

/** A cell as the streaming reader hands it over, reduced to what a value can be. */
export type Raw = string | number | boolean | null;
export type Read<T> = { ok: true; value: T } | { ok: false; error: Msg };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (zh: string, en: string): Read<never> => ({ ok: false, error: msg(zh, en) });

/** Anything exceljs gives for a cell (rich text, formulas, hyperlinks …) as a plain value. */
export function rawOf(value: unknown): Raw | { error: string } {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return (v.richText as { text?: string }[]).map((p) => p.text ?? '').join('');
    if ('error' in v) return { error: String(v.error) };
    if ('result' in v) return rawOf(v.result) as Raw;
    if ('formula' in v || 'sharedFormula' in v) return null;
    if (typeof v.text === 'string') return v.text;
  }
  return String(value);
}

/** Cell text without surrounding blanks (incl. full-width and zero-width ones); '' for empty. */
export function textOf(raw: Raw): string {
  if (raw === null) return '';
  // A number's shortest round-trip form is the decimal the user typed (1234.5, not 1234.50000001).
  return String(raw)
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/**
 * A cell holding control characters (other than tab and line breaks) is refused before any reader
 * sees it: they are never typed, PostgreSQL refuses NUL, and the message must not echo them.
 */
export function controlProblem(raw: Raw): Read<never> | null {
  if (typeof raw !== 'string' || !CONTROL_IN_TEXT.test(raw)) return null;
  return bad(
    '含有不允许的控制字符（如 NUL）',
    'contains a control character (such as NUL) that is not allowed',
  );
}

export function readText(raw: Raw, maxLength: number): Read<string> {
  const s = textOf(raw);
  if (s.length > maxLength)
    return bad(`长度不得超过 ${maxLength} 个字符`, `must be at most ${maxLength} characters`);
  return ok(s);
}

const TRUE = new Set(['是', 'y', 'yes', 'true', '1']);
const FALSE = new Set(['否', 'n', 'no', 'false', '0']);

export function readBool(raw: Raw): Read<boolean> {
  if (typeof raw === 'boolean') return ok(raw);
  const s = textOf(raw).toLowerCase();
  if (TRUE.has(s)) return ok(true);
  if (FALSE.has(s)) return ok(false);
  return bad(
    `「${textOf(raw)}」不是是/否：请填写 是 或 否`,
    `"${textOf(raw)}" is not yes/no: enter 是 or 否 (Y/N)`,
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || y > 2100) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel's day numbers count from 1899-12-30 (the 1900 system, with Lotus's phantom 29 Feb 1900). */
function fromSerial(serial: number): string | null {
  const days = Math.floor(serial);
  if (days < 1 || days > 73050) return null;
  return new Date(Date.UTC(1899, 11, 30) + days * 86400000).toISOString().slice(0, 10);
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** An Excel date cell, `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日` or `YYYYMMDD`. */
export function readDate(raw: Raw): Read<string> {
  const invalid = () =>
    bad(
      `「${textOf(raw)}」不是有效日期：请填写如 2016-01-31 或 2016/1/31`,
      `"${textOf(raw)}" is not a valid date: enter e.g. 2016-01-31 or 2016/1/31`,
    );
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 19000101 && raw <= 21001231) {
      const v = isoDate(Math.floor(raw / 10000), Math.floor(raw / 100) % 100, raw % 100);
      return v ? ok(v) : invalid();
    }
    const v = fromSerial(raw);
    return v ? ok(v) : invalid();
  }
  const s = textOf(raw);
  const m = DATE_TEXT.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const v = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  return v ? ok(v) : invalid();
}

/** 万元 with at most two decimals, kept as the exact decimal text (numeric(18,2) in SQL). */
export function readMoney(raw: Raw): Read<string> {
  const s = textOf(raw).replace(/[,，]/g, '');
  const m = /^(-?)(\d{1,16})(?:\.(\d{1,2}))?$/.exec(s) ?? /^(-?)(\d{1,16})\.(\d{3,})$/.exec(s);
  if (!m) {
    return bad(
      `「${textOf(raw)}」不是金额：请填写以万元为单位的数字，如 1234.56`,
      `"${textOf(raw)}" is not an amount: enter 万元 as a number, e.g. 1234.56`,
    );
  }
  if (m[3] && m[3].length > 2) {
    return bad(`金额最多保留两位小数，实为「${s}」`, `Amounts have at most two decimals, not "${s}"`);
  }
  if (m[1]) return bad('金额不能为负数', 'The amount cannot be negative');
  const whole = m[2].replace(/^0+(?=\d)/, '');
  return ok(m[3] ? `${whole}.${m[3]}` : whole);
}

/** A head count or similar: a whole number ≥ 0. */
export function readCount(raw: Raw): Read<number> {
  const s = textOf(raw).replace(/[,，]/g, '');
  if (!/^\d{1,9}$/.test(s)) {
    return bad(`「${textOf(raw)}」不是非负整数`, `"${textOf(raw)}" is not a whole number ≥ 0`);
  }
  return ok(Number(s));
}

export function readYear(raw: Raw, today: Date): Read<number> {
  const s = textOf(raw).replace(/年$/, '');
  const max = today.getFullYear() + 1;
  const year = /^\d{4}$/.test(s) ? Number(s) : Number.NaN;
  if (!(year >= 1949 && year <= max)) {
    return bad(
      `「${textOf(raw)}」不是有效年度：请填写 1949–${max} 之间的四位年份`,
      `"${textOf(raw)}" is not a valid year: enter a four-digit year from 1949 to ${max}`,
    );
  }
  return ok(year);
}

/** A choice given by its Chinese name, its code or its English name. */
export function readChoice(
  raw: Raw,
  names: Record<string, Msg>,
  aliases: Record<string, string> = {},
): Read<string> {
  const s = textOf(raw);
  const key = s.toLowerCase();
  for (const [code, name] of Object.entries(names)) {
    if (code === key || name.zh === s || name.en.toLowerCase() === key) return ok(code);
  }
  if (aliases[s]) return ok(aliases[s]);
  const list = Object.values(names)
    .map((n) => n.zh)
    .join('、');
  const codes = Object.keys(names).join(', ');
  return bad(`「${s}」不是可选值：应为 ${list}（或其代码）`, `"${s}" is not allowed: use one of ${codes}`);
}
