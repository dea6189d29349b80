/** Wire contracts of the registry's Excel import API, shared by server and web. */
import { z } from 'zod';

export const IMPORT_KIND_CODES = [
  'organizations',
  'annual-stats',
  'qualifications',
  'platforms',
  'carriers',
] as const;
export const importKindSchema = z.enum(IMPORT_KIND_CODES);
export const importStatusSchema = z.enum(['validating', 'validated', 'committing', 'done', 'failed']);
export const importModeSchema = z.enum(['add', 'upsert']);

const msgSchema = z.object({ zh: z.string(), en: z.string() });

/** One problem in one cell (or row) of the uploaded file; `row` is the row number Excel shows. */
export const importErrorSchema = z.object({ row: z.number().int(), column: z.string(), message: msgSchema });
export type ImportError = z.infer<typeof importErrorSchema>;

export const importJobSchema = z.object({
  id: z.uuid(),
  kind: importKindSchema,
  status: importStatusSchema,
  fileName: z.string(),
  bytes: z.number().int(),
  /** Rows done of the current step; `total` is unknown while the file is first read. */
  progress: z.object({ processed: z.number().int(), total: z.number().int().nullable() }),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errorCount: z.number().int(),
  /** The first 200 errors; all of them in `…/errors.xlsx`. */
  errors: z.array(importErrorSchema),
  mode: importModeSchema.nullable(),
  validOnly: z.boolean(),
  inserted: z.number().int(),
  updated: z.number().int(),
  /** Valid rows not written: existing records in `add` mode. */
  skipped: z.number().int(),
  message: msgSchema.nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importAcceptedSchema = z.object({ id: z.uuid(), status: importStatusSchema });

export const importCommitBodySchema = z
  .object({
    /** add: insert new records only; upsert: insert or update by USCC (and the kind's key). */
    mode: importModeSchema,
    /** Import the valid rows even though others have errors. */
    validOnly: z.boolean(),
  })
  .strict();

export const importKindParamSchema = z.object({ kind: importKindSchema });
