import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './columns';

/**
 * Background exports (platform/jobs.ts): a list's rows written to an .xlsx after the request has
 * answered, with progress for the page that polls it. The file is kept in the row (bytea), so any
 * app server behind the proxy can hand it out; it is dropped when the job expires.
 */
export const exportJobs = pgTable(
  'export_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What is exported: the list's API path, e.g. /api/v1/registry/platforms. */
    kind: text('kind').notNull(),
    /** The list's filters as the request gave them (validated again when the job runs). */
    params: jsonb('params').notNull().default({}),
    /** How a download of the file is written to the audit log: the list's own export action. */
    audit: jsonb('audit').notNull(),
    fileName: text('file_name').notNull(),
    /** The user who asked; only they see the job and download its file. */
    createdBy: uuid('created_by').notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed', 'expired'] }).notNull(),
    rowsDone: integer('rows_done').notNull().default(0),
    /** Rows the list counted when the job started (an estimate: rows may change meanwhile). */
    rowsTotal: integer('rows_total'),
    file: bytea('file'),
    bytes: integer('bytes').notNull().default(0),
    /** Why the job failed, for its user (Chinese and English). */
    message: jsonb('message'),
    /** Runs begun: a job cut off with its server is queued again once, then failed. */
    attempts: integer('attempts').notNull().default(0),
    /** The server process running the job, and when it last said so. */
    runnerInstance: text('runner_instance'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** When the file is dropped (24 h after the job ended). */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [
    index('export_jobs_status_idx').on(t.status, t.createdAt),
    index('export_jobs_owner_idx').on(t.createdBy, t.createdAt),
  ],
);
