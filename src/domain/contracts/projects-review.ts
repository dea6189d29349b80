/** Expert review (专家评审) contracts: the expert pool, drawing, the expert's queue and the scores. */
import { z } from 'zod';
import { calendarDate, pageQuerySchema } from './common';
import { attachmentSchema, rubricCriterionSchema } from './projects';

const isoDate = calendarDate;
const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
const reason = z.string().trim().min(2).max(500);
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

export const CONFLICT_REASONS = ['declared', 'employment', 'collaboration'] as const;
export const ASSIGNMENT_STATUSES = ['assigned', 'accepted', 'declined', 'submitted', 'replaced'] as const;
/** Assignments that count: the expert is (still) on the panel. */
export const ACTIVE_STATUSES = ['assigned', 'accepted', 'submitted'] as const;

// ---- the expert pool ---------------------------------------------------------------------------

export const expertListQuerySchema = pageQuerySchema.extend({
  field: z.string().max(40).optional(),
  q: z.string().trim().max(100).optional(),
  active: boolQuery.optional(),
});
export type ExpertListQuery = z.infer<typeof expertListQuerySchema>;

export const expertConflictSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string().nullable(),
  reason: z.enum(CONFLICT_REASONS),
  endedOn: z.string().nullable(),
});

export const expertSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  title: z.string().nullable(),
  fields: z.array(z.string()),
  userId: z.uuid().nullable(),
  username: z.string().nullable(),
  active: z.boolean(),
  /** Reviews in hand: active assignments on applications still under expert review. */
  load: z.number().int(),
  conflicts: z.array(expertConflictSchema),
  createdAt: z.string(),
});
export type Expert = z.infer<typeof expertSchema>;

const expertFields = {
  name: z.string().trim().min(2).max(50),
  /** Current employer, from the registry. */
  orgId: z.uuid().nullable().optional(),
  title: z.string().trim().max(50).nullable().optional(),
  /** Codes of the high-tech fields (code list 'hitech-fields'). */
  fields: z.array(z.string().max(40)).min(1).max(8),
  /** The expert's account (role expert), to review online. */
  userId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
};
export const expertBodySchema = z.object(expertFields).strict();
export const expertUpdateSchema = z.object(expertFields).partial().strict();
export type ExpertBody = z.infer<typeof expertBodySchema>;
export type ExpertUpdate = z.infer<typeof expertUpdateSchema>;

/** An account of the expert role staff may link an expert to (专家账号), and whom it is linked to. */
export const expertAccountSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  expertId: z.uuid().nullable(),
  expertName: z.string().nullable(),
});
export type ExpertAccount = z.infer<typeof expertAccountSchema>;

export const conflictBodySchema = z
  .object({ orgId: z.uuid(), reason: z.enum(CONFLICT_REASONS), endedOn: isoDate.nullable().optional() })
  .strict();
export type ConflictBody = z.infer<typeof conflictBodySchema>;
export const conflictParamSchema = z.object({ id: z.uuid(), conflictId: z.uuid() });

// ---- drawing and replacing ----------------------------------------------------------------------

export const shortfallSchema = z.object({
  applicationId: z.uuid(),
  title: z.string(),
  wanted: z.number().int(),
  drawn: z.number().int(),
  reason: z.enum(['pool', 'conflicts']),
  message: z.string(),
});

export const drawResultSchema = z.object({
  /** Applications under review that needed experts. */
  applications: z.number().int(),
  assigned: z.number().int(),
  /** Assignments of an expert from another field (the application's field ran short). */
  outOfField: z.number().int(),
  notified: z.number().int(),
  /** The seed of the draw, recorded in the audit log so the draw can be replayed. */
  seed: z.string(),
  shortfalls: z.array(shortfallSchema),
});
export type DrawResultBody = z.infer<typeof drawResultSchema>;

export const reasonBodySchema = z.object({ reason }).strict();

/** Replacing an expert: why, and optionally whom staff appoint instead of drawing a substitute. */
export const replaceBodySchema = z.object({ reason, expertId: z.uuid().optional() }).strict();
export type ReplaceBody = z.infer<typeof replaceBodySchema>;

export const assignmentSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  expertId: z.uuid(),
  expertName: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  total: z.number().nullable(),
  replacedReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const replaceResultSchema = z.object({
  replaced: assignmentSchema,
  substitute: assignmentSchema.nullable(),
  /** Why no substitute could be drawn, when none was. */
  shortfall: z.string().nullable(),
});

// ---- the expert's queue -------------------------------------------------------------------------

export const reviewListQuerySchema = pageQuerySchema.extend({
  status: z.enum(ASSIGNMENT_STATUSES).optional(),
  /** Staff (projects.manage): every assignment of one application. */
  applicationId: z.uuid().optional(),
});
export type ReviewListQuery = z.infer<typeof reviewListQuerySchema>;

export const reviewItemSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  applicationTitle: z.string(),
  applicationState: z.string(),
  orgName: z.string().nullable(),
  field: z.string().nullable(),
  callId: z.uuid(),
  callTitle: z.string(),
  expertId: z.uuid(),
  expertName: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  total: z.number().nullable(),
  noConflictDeclaredAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  replacedReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  /** The call's last day for scoring (评审截止), when set. */
  reviewClosesOn: z.string().nullable(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

/** What is left to do: the expert's open tasks and the nearest deadline among them. */
export const reviewSummarySchema = z.object({
  /** Active assignments on applications still under review, not yet scored. */
  pending: z.number().int(),
  /** Of those, the ones whose conflict-of-interest declaration is still due. */
  toDeclare: z.number().int(),
  submitted: z.number().int(),
  nextDeadline: z.string().nullable(),
});
export type ReviewSummary = z.infer<typeof reviewSummarySchema>;

/** The applicant's 一企一档 in brief, as the expert reads it beside the application. */
export const applicantProfileSchema = z.object({
  name: z.string(),
  uscc: z.string(),
  kind: z.string(),
  regionName: z.string(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  foundedOn: z.string().nullable(),
  aboveSize: z.boolean(),
  qualifications: z.array(
    z.object({ typeName: z.string(), issuedOn: z.string(), validUntil: z.string().nullable() }),
  ),
  /** The latest years' figures (万元, persons), newest first. */
  stats: z.array(
    z.object({
      year: z.number().int(),
      revenue: z.string().nullable(),
      rdExpense: z.string().nullable(),
      staff: z.number().int().nullable(),
      stStaff: z.number().int().nullable(),
    }),
  ),
});

/** The whole application as submitted, for the expert to read beside the score sheet. */
export const reviewedApplicationSchema = z.object({
  title: z.string(),
  summary: z.string().nullable(),
  field: z.string().nullable(),
  requestedAmount: z.string().nullable(),
  submittedAt: z.string().nullable(),
  form: z.record(z.string(), z.unknown()),
  attachments: z.array(attachmentSchema),
  applicant: applicantProfileSchema.nullable(),
});
export type ReviewedApplication = z.infer<typeof reviewedApplicationSchema>;

export const reviewAttachmentParamSchema = z.object({ id: z.uuid(), attachmentId: z.uuid() });
export const reviewAttachmentQuerySchema = z
  .object({ download: z.enum(['true', 'false']).optional() })
  .strict();

export const reviewDetailSchema = reviewItemSchema.extend({
  summary: z.string().nullable(),
  /**
   * The application in full, once the expert has declared no conflict of interest and while the
   * review runs; otherwise null, and `withheld` says why. Null also in the answer to scoring,
   * which the page follows with a fresh GET.
   */
  application: reviewedApplicationSchema.nullable(),
  withheld: z.enum(['declare', 'closed', 'conflict']).nullable(),
  rubric: z.array(rubricCriterionSchema),
  scores: z.record(z.string(), z.number()).nullable(),
  comment: z.string().nullable(),
  /** What the expert may do now (the buttons the page shows). */
  abilities: z.object({ declare: z.boolean(), decline: z.boolean(), submit: z.boolean() }),
});
export type ReviewDetail = z.infer<typeof reviewDetailSchema>;

export const submitBodySchema = z
  .object({
    /** Points per rubric criterion code. */
    scores: z.record(z.string().max(40), z.number().finite()),
    comment: z.string().trim().min(10).max(5000),
    version: z.number().int(),
  })
  .strict();
export type SubmitBody = z.infer<typeof submitBodySchema>;

// ---- the panel, for staff -----------------------------------------------------------------------

export const panelSchema = z.object({
  applicationId: z.uuid(),
  title: z.string(),
  state: z.string(),
  rubric: z.array(rubricCriterionSchema),
  /** The mean of the submitted totals, highest and lowest dropped when there are at least five. */
  panelScore: z.number().nullable(),
  /** Whether the highest and lowest were dropped. */
  trimmed: z.boolean(),
  /** Active assignments, and how many of them have submitted. */
  active: z.number().int(),
  submitted: z.number().int(),
  experts: z.array(
    assignmentSchema.extend({
      scores: z.record(z.string(), z.number()).nullable(),
      comment: z.string().nullable(),
      /** This total was dropped from the panel score as the highest or the lowest. */
      dropped: z.enum(['highest', 'lowest']).nullable(),
    }),
  ),
});
export type Panel = z.infer<typeof panelSchema>;
