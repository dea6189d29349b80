import { z } from 'zod';

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
