import { z } from 'zod';
import { ROLE_CODES } from '../roles';

export const loginBodySchema = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict();

export const meSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLE_CODES),
  regionCode: z.string().optional(),
  orgId: z.uuid().optional(),
  parkId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  mustChangePassword: z.boolean(),
  abilities: z.array(z.string()),
});
export type Me = z.infer<typeof meSchema>;

/** The answer to a right password when a second factor must follow: enrol one, or enter a code. */
export const mfaChallengeSchema = z.object({
  mfa: z.enum(['enrol', 'verify']),
  challenge: z.string(),
});
export type MfaChallenge = z.infer<typeof mfaChallengeSchema>;

export const loginResultSchema = z.union([meSchema, mfaChallengeSchema]);

export const mfaEnrolBodySchema = z.object({ challenge: z.string().min(1).max(128) }).strict();
export const mfaEnrolmentSchema = z.object({
  secret: z.string(),
  uri: z.string(),
  qrDataUrl: z.string(),
});
export type MfaEnrolment = z.infer<typeof mfaEnrolmentSchema>;

export const mfaVerifyBodySchema = z
  .object({ challenge: z.string().min(1).max(128), code: z.string().trim().min(6).max(32) })
  .strict();
/** A completed sign-in; after enrolment it carries the recovery codes, shown this once. */
export const mfaResultSchema = meSchema.extend({ recoveryCodes: z.array(z.string()).optional() });

export const changePasswordBodySchema = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().min(1).max(256),
  })
  .strict();
