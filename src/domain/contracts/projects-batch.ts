/**
 * Wire contracts of batch work on applications: one action on several records (推荐, 形式审查,
 * 审批), all-or-nothing, with one result per record; a county's 推荐函 for a batch recommendation.
 */
import { z } from 'zod';
import { BATCH_ACTIONS } from '../projects';

export const batchActionParamSchema = z.object({ action: z.enum(BATCH_ACTIONS) });

/**
 * The 推荐函: one the platform generates with the batch, or the stamped scan uploaded first
 * (`POST …/recommendation-letters`, PDF or image) and named here by its id.
 */
const letterSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('generated') }).strict(),
  z.object({ kind: z.literal('uploaded'), letterId: z.uuid() }).strict(),
]);
export type LetterInput = z.infer<typeof letterSchema>;

export const batchActionBodySchema = z
  .object({
    /**
     * The records in order, each at the version the clerk saw. For 推荐 the order is the county's
     * order of priority (the first is recommended first).
     */
    items: z
      .array(z.object({ id: z.uuid(), version: z.number().int().min(1) }).strict())
      .min(1)
      .max(100),
    reason: z.string().trim().max(2000).optional(),
    note: z.string().trim().max(2000).optional(),
    /** 推荐 only, and required there: the letter, uploaded or generated. */
    letter: letterSchema.optional(),
  })
  .strict();
export type BatchActionBody = z.infer<typeof batchActionBodySchema>;

const msgSchema = z.object({ zh: z.string(), en: z.string() });

export const batchResultSchema = z.object({
  /** Whether the action was taken: false when any record was refused, and then none changed. */
  done: z.boolean(),
  results: z.array(
    z.object({
      id: z.uuid(),
      /** Null for a record the caller may not see (it is reported as not found). */
      title: z.string().nullable(),
      ok: z.boolean(),
      /** Why it was refused, or — in a batch not taken — that it was held back with the others. */
      message: msgSchema.nullable(),
      state: z.string().nullable(),
      stateName: msgSchema.nullable(),
      /** 推荐: the order of priority given. */
      priority: z.number().int().nullable(),
    }),
  ),
  /** 推荐: the letter recorded with the batch. */
  recommendationId: z.uuid().nullable(),
});
export type BatchResult = z.infer<typeof batchResultSchema>;

/** The generated 推荐函 previewed before recommending: the applications in order. */
export const letterPreviewBodySchema = z.object({ ids: z.array(z.uuid()).min(1).max(100) }).strict();

export const letterUploadedSchema = z.object({ id: z.uuid(), fileName: z.string() });
