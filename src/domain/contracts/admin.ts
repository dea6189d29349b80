import { z } from 'zod';
import { securityPolicySchema } from '../password-policy';
import { PERMISSION_CODES, ROLE_CODES } from '../roles';
import { calendarDate, pageQuerySchema } from './common';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  /** Null until the security administrator grants a role. */
  role: z.enum(ROLE_CODES).nullable(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  parkId: z.uuid().nullable(),
  parkName: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  mfaEnrolled: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(64).optional(),
  /** 'none': accounts still waiting for a role. */
  role: z.enum([...ROLE_CODES, 'none']).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

// 三员分立: the system administrator sets who the account is and what it is bound to; the role
// is granted separately by the security administrator (grantRoleBodySchema).
const userAssignment = {
  displayName: z.string().trim().min(1).max(64),
  departmentId: z.uuid().nullable().optional(),
  regionCode: z.string().max(16).nullable().optional(),
  orgId: z.uuid().nullable().optional(),
  parkId: z.uuid().nullable().optional(),
};

export const createUserBodySchema = z
  .object({
    username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN),
    ...userAssignment,
  })
  .strict();

export const updateUserBodySchema = z.object(userAssignment).partial().strict();

/** A new account or a reset: the generated first password, shown this once. */
export const userWithPasswordSchema = userSchema.extend({ initialPassword: z.string() });
export type UserWithPassword = z.infer<typeof userWithPasswordSchema>;

export const grantRoleBodySchema = z.object({ role: z.enum(ROLE_CODES) }).strict();

export const departmentSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
  userCount: z.number().int(),
});
export const departmentBodySchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{2,32}$/),
    name: z.string().trim().min(1).max(64),
    nameEn: z.string().trim().min(1).max(128),
    active: z.boolean().default(true),
  })
  .strict();
export const updateDepartmentBodySchema = departmentBodySchema.partial().strict();

export const roleSchema = z.object({
  code: z.enum(ROLE_CODES),
  name: z.string(),
  nameEn: z.string(),
  scope: z.enum(['none', 'city', 'region', 'park', 'org', 'assigned']),
  permissions: z.array(z.enum(PERMISSION_CODES as [string, ...string[]])),
  userCount: z.number().int(),
});
export const updateRoleBodySchema = z
  .object({ permissions: z.array(z.enum(PERMISSION_CODES as [string, ...string[]])) })
  .strict();

export const permissionSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  group: z.enum(['system', 'security', 'audit', 'business', 'self']),
});

export { securityPolicySchema };

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(AUDIT_OUTCOMES),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = pageQuerySchema.extend({
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  targetType: z.string().trim().max(64).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
});

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** Of the entries checked, those read from archives of the purged prefix. */
  archived: z.number().int(),
  brokenAt: z.string().optional(),
});

/** One archive of the purged prefix: its anchor in the chain, not its content. */
export const auditArchiveSchema = z.object({
  id: z.string(),
  archivedAt: z.string(),
  archivedBy: z.string().nullable(),
  firstId: z.string(),
  lastId: z.string(),
  entries: z.number().int(),
  firstPrevHash: z.string(),
  lastHash: z.string(),
  cutoff: z.string(),
  contentSha256: z.string(),
});
export type AuditArchive = z.infer<typeof auditArchiveSchema>;

export const auditPurgeSchema = z.strictObject({
  /** 网络安全法 第二十一条: at least six months; more may be kept, never less. */
  retentionMonths: z.number().int().min(6).max(1200).default(6),
});

export const auditPurgeResultSchema = z.object({
  archiveId: z.string().nullable(),
  entries: z.number().int(),
  firstId: z.string().optional(),
  lastId: z.string().optional(),
  cutoff: z.string(),
});

export const sessionSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: z.string(),
  ip: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
});
