import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { loginChallenges, mfaRecoveryCodes, users } from '../../db/schema';

export async function deleteExpiredChallenges(tx: Tx) {
  await tx.delete(loginChallenges).where(lt(loginChallenges.expiresAt, new Date()));
}

export async function insertChallenge(tx: Tx, id: string, userId: string, expiresAt: Date) {
  await tx.insert(loginChallenges).values({ id, userId, expiresAt });
}

/** The pending sign-in with its account, whatever its state. */
export async function findChallengeWithUser(tx: Tx, id: string) {
  const [row] = await tx
    .select({ challenge: loginChallenges, user: users })
    .from(loginChallenges)
    .innerJoin(users, eq(users.id, loginChallenges.userId))
    .where(eq(loginChallenges.id, id));
  return row;
}

export async function setPendingSecret(tx: Tx, challengeId: string, sealedSecret: string) {
  await tx
    .update(loginChallenges)
    .set({ pendingSecret: sealedSecret })
    .where(eq(loginChallenges.id, challengeId));
}

export async function deleteChallenge(tx: Tx, id: string) {
  await tx.delete(loginChallenges).where(eq(loginChallenges.id, id));
}

export async function deleteUserChallenges(tx: Tx, userId: string) {
  await tx.delete(loginChallenges).where(eq(loginChallenges.userId, userId));
}

export async function deleteRecoveryCodes(tx: Tx, userId: string) {
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
}

export async function insertRecoveryCodes(tx: Tx, userId: string, codeHashes: string[]) {
  await tx.insert(mfaRecoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

export function unusedRecoveryCodes(tx: Tx, userId: string) {
  return tx
    .select()
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
}

/** Marks a recovery code used; false when a concurrent sign-in used it first. */
export async function markRecoveryCodeUsed(tx: Tx, id: string): Promise<boolean> {
  const used = await tx
    .update(mfaRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(mfaRecoveryCodes.id, id), isNull(mfaRecoveryCodes.usedAt)))
    .returning({ id: mfaRecoveryCodes.id });
  return used.length === 1;
}

/**
 * Counts one more code tried by the account in the time step, in one statement so concurrent
 * tries are all counted; returns the count so far in this step.
 */
export async function countCodeGuess(tx: Tx, userId: string, step: number): Promise<number> {
  const [counted] = await tx
    .update(users)
    .set({
      totpGuesses: sql`case when ${users.totpGuessStep} = ${step} then ${users.totpGuesses} + 1 else 1 end`,
      totpGuessStep: step,
    })
    .where(eq(users.id, userId))
    .returning({ guesses: users.totpGuesses });
  return counted.guesses;
}

/**
 * After a right code: resets the guesses, records the sign-in and the step used (a TOTP code is
 * not accepted twice), and, when enrolling, keeps the new secret.
 */
export async function recordSecondFactor(
  tx: Tx,
  userId: string,
  matchedStep: number | null,
  enrolledSecret: string | null,
) {
  await tx
    .update(users)
    .set({
      totpGuesses: 0,
      lastLoginAt: new Date(),
      ...(matchedStep !== null ? { totpLastStep: matchedStep } : {}),
      ...(enrolledSecret !== null ? { totpSecret: enrolledSecret, totpEnrolledAt: new Date() } : {}),
    })
    .where(eq(users.id, userId));
}

export async function setTotpSecret(tx: Tx, userId: string, sealedSecret: string) {
  await tx
    .update(users)
    .set({ totpSecret: sealedSecret, totpEnrolledAt: new Date(), totpLastStep: null, totpGuesses: 0 })
    .where(eq(users.id, userId));
}

export async function clearTotpSecret(tx: Tx, userId: string) {
  await tx
    .update(users)
    .set({ totpSecret: null, totpEnrolledAt: null, totpLastStep: null, totpGuesses: 0 })
    .where(eq(users.id, userId));
}
