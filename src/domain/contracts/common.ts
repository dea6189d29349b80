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

export const idParamSchema = z.object({ id: z.uuid() });
