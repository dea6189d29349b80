import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { openPersonal, sealPersonal } from '../../platform/secret-box';
import { bytea } from './columns';

/**
 * A text column holding a personal identifier (ID-card or mobile number): sealed with SM4 on the
 * way in under the 国密 profile, opened on the way out; plain text otherwise.
 */
export const personalText = customType<{ data: string; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => sealPersonal(value),
  fromDriver: (value) => openPersonal(value),
});

export const departments = pgTable('departments', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One row per role code; secadmin edits `permissions`. The scope of a role is fixed in code. */
export const roles = pgTable('roles', {
  code: text('code').primaryKey(),
  permissions: text('permissions').array().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    // Null until the security administrator grants a role (三员分立: sysadmin creates accounts but
    // cannot give them a business role); an account without a role cannot sign in.
    role: text('role').references(() => roles.code),
    departmentId: uuid('department_id').references(() => departments.id),
    regionCode: text('region_code'),
    orgId: uuid('org_id'),
    parkId: uuid('park_id'),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** Username of the administrator who created the account, named in every later role grant. */
    createdBy: text('created_by'),
    /** Demo accounts of the embedded database only: signs in without a second factor. */
    mfaExempt: boolean('mfa_exempt').notNull().default(false),
    /** TOTP secret (RFC 6238), encrypted with the installation's secret key; null = not enrolled. */
    totpSecret: text('totp_secret'),
    totpEnrolledAt: timestamp('totp_enrolled_at', { withTimezone: true }),
    /** The last time step a code was accepted for, so the same code is refused a second time. */
    totpLastStep: integer('totp_last_step'),
    /** Wrong codes within one 30-second step, capped so a code cannot be guessed. */
    totpGuessStep: integer('totp_guess_step'),
    totpGuesses: integer('totp_guesses').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_key').on(t.username), index('users_role_idx').on(t.role)],
);

/**
 * Failed-login counter and lock, keyed by the username typed — existing or not — so a lockout
 * answers the same for both and never reveals whether an account exists.
 */
export const loginThrottle = pgTable('login_throttle', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One-use recovery codes for the second factor, stored as argon2 hashes. */
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mfa_recovery_codes_user_idx').on(t.userId)],
);

/**
 * A sign-in that passed the password and waits for the second factor (or its enrolment). Keyed by
 * the SHA-256 of the token handed to the browser; it lives a few minutes and grants nothing else.
 */
export const loginChallenges = pgTable(
  'login_challenges',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The secret offered during enrolment (encrypted), kept until a code from it is confirmed. */
    pendingSecret: text('pending_secret'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_challenges_user_idx').on(t.userId)],
);

/** Sessions are looked up by the SHA-256 of the cookie token, so a leaked table grants nothing. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Append-only, hash-chained audit log (等保2.0 安全审计). UPDATE, DELETE and TRUNCATE are refused by
 * triggers (see the custom migration); `hash` = SHA-256(prev_hash ‖ canonical JSON of the entry).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    actorRole: text('actor_role'),
    ip: text('ip'),
    action: text('action').notNull(),
    outcome: text('outcome', { enum: ['success', 'failure', 'denied'] }).notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_actor_idx').on(t.actorUsername),
    index('audit_action_idx').on(t.action),
    index('audit_target_idx').on(t.targetType, t.targetId),
  ],
);

/**
 * The first answer to a create sent with an `Idempotency-Key`, kept 24 h so a repeated request
 * (a double click, a retry after a timeout) replays it instead of creating twice. `status` is null
 * while the first request runs.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    body: text('body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/**
 * The purged prefix of the audit log (网络安全法 第二十一条: kept at least six months). Each row holds
 * one archive — the removed entries as gzipped JSON lines, hashes included — and the chain's anchor:
 * the prev_hash of its first entry and the hash of its last, so archives plus the live log still
 * verify end to end. Append-only like the log itself (see the custom migration).
 */
export const auditArchives = pgTable('audit_archives', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  archivedBy: text('archived_by'),
  firstId: bigint('first_id', { mode: 'bigint' }).notNull(),
  lastId: bigint('last_id', { mode: 'bigint' }).notNull(),
  entries: integer('entries').notNull(),
  firstPrevHash: text('first_prev_hash').notNull(),
  lastHash: text('last_hash').notNull(),
  /** Entries older than this instant were archived. */
  cutoff: timestamp('cutoff', { withTimezone: true, mode: 'string' }).notNull(),
  contentSha256: text('content_sha256').notNull(),
  content: bytea('content').notNull(),
});
