/** Wire contracts of background exports (export jobs), shared by server and web. */
import { z } from 'zod';

export const EXPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export const exportJobStatusSchema = z.enum(EXPORT_JOB_STATUSES);
export type ExportJobStatus = z.infer<typeof exportJobStatusSchema>;

const msgSchema = z.object({ zh: z.string(), en: z.string() });

export const exportJobSchema = z.object({
  id: z.uuid(),
  /** The list exported (its API path). */
  kind: z.string(),
  fileName: z.string(),
  status: exportJobStatusSchema,
  /** Rows written, and how many the list counted when the job started (null before). */
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
  bytes: z.number().int(),
  /** Why the job failed (or expired), in both languages. */
  message: msgSchema.nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** When the file will be (or was) dropped. */
  expiresAt: z.string().nullable(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;

export const exportJobAcceptedSchema = z.object({ id: z.uuid(), status: exportJobStatusSchema });

/** The lists whose exports run as jobs (their API paths), for the web's export button. */
export const exportKindsSchema = z.object({ kinds: z.array(z.string()) });
