import { z } from 'zod';
import { validateUscc } from '../identifiers';

/**
 * 万元 with at most two decimals, as a string: money never travels as a float. Server contracts and
 * web forms share this one rule (up to 14 integer digits, the numeric(16,2) columns).
 */
export const WAN_PATTERN = /^-?\d{1,14}(\.\d{1,2})?$/;
export const wanSchema = z.string().regex(WAN_PATTERN, '金额须为最多两位小数的数字（万元）');

/** 统一社会信用代码 (GB 32100-2015), checked and normalised (trimmed, upper case, check digit). */
export const usccSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const r = validateUscc(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: `${r.reason.zh} / ${r.reason.en}` });
      return z.NEVER;
    }
    return r.value;
  });

/** A region code as lists and bodies take it: a county (350582) or a functional zone (350582Z1). */
export const regionCodeSchema = z.string().max(16);

/** An indicator's stable code (config/reference/indicators.json). */
export const indicatorCodeSchema = z.string().regex(/^[a-z0-9_]+$/);

/** Paging shared by every list endpoint: 1-based page, capped page size, `field` or `-field` sort. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z
    .string()
    .regex(/^-?[a-zA-Z]+$/)
    .optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function listResponse<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/**
 * A list a keyword search may stop counting: with `totalCapped`, `total` reads "more than" (the
 * server's COUNT_CAP); every page can still be read.
 */
export function cappedListResponse<T extends z.ZodType>(item: T) {
  return listResponse(item).extend({ totalCapped: z.boolean() });
}

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messages: z.object({ zh: z.string(), en: z.string() }),
    field: z.string().optional(),
    requestId: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const okSchema = z.object({ ok: z.literal(true) });

// Year 0000 fits the ISO pattern but not PostgreSQL's calendar, which has no year zero.
const notYearZero = (s: string) => !s.startsWith('0000');
const YEAR_ZERO = '年份不能为 0000 / the year cannot be 0000';
/** An ISO calendar date (YYYY-MM-DD) the database can store. */
export const calendarDate = z.iso.date().refine(notYearZero, YEAR_ZERO);
/** An ISO date-time with its offset, as the database can store it. */
export const calendarDateTime = z.iso.datetime({ offset: true }).refine(notYearZero, YEAR_ZERO);

export const idParamSchema = z.object({ id: z.uuid() });
