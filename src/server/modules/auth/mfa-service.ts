/**
 * The second factor of sign-in (等保 §8.1.4.2 双因素鉴别): after the password, a TOTP code from an
 * authenticator app, or one of the user's one-use recovery codes. Required for the three
 * administrator roles always and for the roles the security administrator marks.
 */
import { createHash, randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { msg } from '../../../domain/message';
import type { SecurityPolicy } from '../../../domain/password-policy';
import { isAdminRole } from '../../../domain/roles';
import type { Db, Tx } from '../../db/client';
import type { users } from '../../db/schema';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { AppError, conflict } from '../../platform/errors';
import { hashPassword, verifyPassword } from '../../platform/passwords';
import { open, seal } from '../../platform/secret-box';
import { createSession } from '../../platform/sessions';
import {
  clearTotpSecret,
  countCodeGuess,
  deleteChallenge,
  deleteExpiredChallenges,
  deleteRecoveryCodes,
  deleteUserChallenges,
  findChallengeWithUser,
  insertChallenge,
  insertRecoveryCodes,
  markRecoveryCodeUsed,
  recordSecondFactor,
  setPendingSecret,
  setTotpSecret,
  unusedRecoveryCodes,
} from './mfa-repo';
import { generateTotpSecret, otpauthUri, timeStep, verifyTotp } from './totp';

const CHALLENGE_MINUTES = 5;
/** Wrong or right, at most this many codes are tried per account in one 30-second step. */
export const MAX_GUESSES_PER_STEP = 5;
const RECOVERY_CODES = 10;

type UserRow = typeof users.$inferSelect;

export function mfaRequired(user: Pick<UserRow, 'role' | 'mfaExempt'>, policy: SecurityPolicy): boolean {
  if (user.mfaExempt || !user.role) return false;
  return isAdminRole(user.role) || policy.mfaRoles.includes(user.role as never);
}

const challengeId = (token: string) => createHash('sha256').update(token).digest('hex');

const challengeExpired = () =>
  new AppError(
    401,
    'mfa_challenge_expired',
    msg(
      '验证已超时，请重新输入用户名和密码',
      'The sign-in timed out; enter your username and password again',
    ),
  );

/** Starts the second step of a sign-in whose password was right; returns the token for it. */
export async function startChallenge(tx: Tx, userId: string): Promise<string> {
  await deleteExpiredChallenges(tx);
  const token = randomBytes(32).toString('base64url');
  await insertChallenge(tx, challengeId(token), userId, new Date(Date.now() + CHALLENGE_MINUTES * 60_000));
  return token;
}

async function loadChallenge(tx: Tx, token: string) {
  const row = await findChallengeWithUser(tx, challengeId(token));
  if (!row || row.challenge.expiresAt.getTime() < Date.now() || row.user.status !== 'active') {
    throw challengeExpired();
  }
  return row;
}

/** A new secret for a user not yet enrolled: shown once as a QR code and as text. */
export async function beginEnrolment(db: Db, token: string) {
  const { challenge, user } = await loadChallenge(db, token);
  if (user.totpSecret)
    throw conflict(msg('已绑定身份验证器', 'An authenticator is already enrolled'), 'challenge');
  const secret = generateTotpSecret();
  await setPendingSecret(db, challenge.id, seal(secret));
  const uri = otpauthUri(secret, user.username);
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

export function newRecoveryCode(): string {
  const raw = randomBytes(8).toString('hex').toUpperCase();
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12)}`;
}

const normaliseRecovery = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

/** Replaces a user's recovery codes; returns the new ones, to be shown once. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  const hashes = await Promise.all(codes.map((c) => hashPassword(normaliseRecovery(c))));
  await deleteRecoveryCodes(tx, userId);
  await insertRecoveryCodes(tx, userId, hashes);
  return codes;
}

async function redeemRecoveryCode(tx: Tx, userId: string, code: string): Promise<boolean> {
  const clean = normaliseRecovery(code);
  if (!/^[0-9A-F]{16}$/.test(clean)) return false;
  const rows = await unusedRecoveryCodes(tx, userId);
  for (const row of rows) {
    if (await verifyPassword(row.codeHash, clean)) return markRecoveryCodeUsed(tx, row.id);
  }
  return false;
}

const tooManyGuesses = () =>
  new AppError(
    429,
    'mfa_too_many_attempts',
    msg('验证码尝试次数过多，请等待 30 秒后再试', 'Too many codes tried: wait 30 seconds and try again'),
  );

/**
 * Checks the code of a pending sign-in; on success ends the challenge and opens the session.
 * Every try counts against the account's guesses for the current step before it is checked, so
 * concurrent tries cannot exceed the cap.
 */
export async function completeChallenge(
  db: Db,
  ctx: AuditContext & { userAgent?: string },
  token: string,
  code: string,
) {
  const { challenge, user } = await loadChallenge(db, token);
  const now = Date.now();
  const step = timeStep(now);
  const guesses = await countCodeGuess(db, user.id, step);
  const actorCtx = { ...ctx, actor: { id: user.id, username: user.username, role: user.role ?? '' } };
  if (guesses > MAX_GUESSES_PER_STEP) {
    await db.transaction((tx) =>
      writeAudit(tx, actorCtx, {
        action: 'auth.mfa',
        outcome: 'failure',
        targetType: 'user',
        targetId: user.id,
        after: { reason: 'too-many-attempts' },
      }),
    );
    throw tooManyGuesses();
  }
  const enrolling = !user.totpSecret;
  const secret = user.totpSecret
    ? open(user.totpSecret)
    : challenge.pendingSecret && open(challenge.pendingSecret);
  if (!secret) throw conflict(msg('请先绑定身份验证器', 'Enrol an authenticator first'), 'challenge');

  return db
    .transaction(async (tx) => {
      const matchedStep = verifyTotp(secret, code.trim(), now, user.totpLastStep);
      const byRecovery = matchedStep === null && !enrolling && (await redeemRecoveryCode(tx, user.id, code));
      if (matchedStep === null && !byRecovery) {
        await writeAudit(tx, actorCtx, {
          action: 'auth.mfa',
          outcome: 'failure',
          targetType: 'user',
          targetId: user.id,
          after: { reason: 'wrong-code', guesses },
        });
        return { ok: false as const };
      }
      await recordSecondFactor(tx, user.id, matchedStep, enrolling ? challenge.pendingSecret : null);
      await deleteChallenge(tx, challenge.id);
      const recoveryCodes = enrolling ? await replaceRecoveryCodes(tx, user.id) : undefined;
      if (enrolling)
        await writeAudit(tx, actorCtx, { action: 'auth.mfa-enrol', targetType: 'user', targetId: user.id });
      const session = await createSession(tx, user.id, ctx.ip ?? '', ctx.userAgent);
      await writeAudit(tx, actorCtx, {
        action: 'auth.login',
        targetType: 'user',
        targetId: user.id,
        after: { factor: byRecovery ? 'recovery-code' : 'totp' },
      });
      return { ok: true as const, token: session.token, recoveryCodes };
    })
    .then((r) => {
      if (!r.ok)
        throw new AppError(401, 'mfa_invalid_code', msg('验证码不正确', 'The code is wrong'), 'code');
      return r;
    });
}

/** Enrols a secret directly (the CLI prints it with the one-time password); returns it. */
export async function enrolDirectly(tx: Tx, userId: string) {
  const secret = generateTotpSecret();
  await setTotpSecret(tx, userId, seal(secret));
  const recoveryCodes = await replaceRecoveryCodes(tx, userId);
  return { secret, recoveryCodes };
}

/** Forgets a user's authenticator, so the next sign-in enrols a new one (lost phone). */
export async function clearEnrolment(tx: Tx, userId: string) {
  await clearTotpSecret(tx, userId);
  await deleteRecoveryCodes(tx, userId);
  await deleteUserChallenges(tx, userId);
}
