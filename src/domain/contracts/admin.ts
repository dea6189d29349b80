import { z } from 'zod';
import { securityPolicySchema } from '../password-policy';
import { PERMISSION_CODES, ROLE_CODES } from '../roles';
import { calendarDate, pageQuerySchema } from './common';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLE_CODES),
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
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(64).optional(),
  role: z.enum(ROLE_CODES).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

const userAssignment = {
  displayName: z.string().trim().min(1).max(64),
  role: z.enum(ROLE_CODES),
  departmentId: z.uuid().nullable().optional(),
  regionCode: z.string().max(16).nullable().optional(),
  orgId: z.uuid().nullable().optional(),
  parkId: z.uuid().nullable().optional(),
};

export const createUserBodySchema = z
  .object({
    username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN),
    password: z.string().min(1).max(256),
    ...userAssignment,
  })
  .strict();

export const updateUserBodySchema = z.object(userAssignment).partial().strict();

export const resetPasswordBodySchema = z.object({ password: z.string().min(1).max(256) }).strict();

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

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['success', 'failure']),
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
  outcome: z.enum(['success', 'failure']).optional(),
});

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAt: z.string().optional(),
});

export const sessionSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: z.string(),
  ip: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
});
