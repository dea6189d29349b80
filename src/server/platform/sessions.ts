import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Tx } from '../db/client';
import { type Actor, actorFromUser } from './actor';
import { getSecurityPolicy } from './security-policy';
import {
  closeSession,
  closeUserSessions,
  findOpenSession,
  insertSession,
  touchSession,
} from './sessions-repo';

export const SESSION_COOKIE = 'kc_session';
/**
 * Over HTTPS the cookie carries the `__Host-` prefix, which the browser accepts only with Secure,
 * Path=/ and no Domain: it cannot be set by a sibling subdomain or over plain HTTP.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** HTTPS as the client sees it (behind a proxy only with TRUST_PROXY, which makes protocol honest). */
const isHttps = (req: FastifyRequest) => req.protocol === 'https';

export function sessionTokenOf(req: FastifyRequest): string | undefined {
  return req.cookies[isHttps(req) ? SECURE_SESSION_COOKIE : SESSION_COOKIE];
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  const secure = isHttps(req);
  reply.setCookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
  });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply) {
  const secure = isHttps(req);
  reply.clearCookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
  });
}
// lastSeenAt is refreshed at most this often, so reads do not each cost a write.
const TOUCH_EVERY_MS = 30_000;

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(tx: Tx, userId: string, ip: string, userAgent: string | undefined) {
  const token = randomBytes(32).toString('base64url');
  const id = sessionIdOf(token);
  await insertSession(tx, id, userId, ip, userAgent?.slice(0, 256) ?? null);
  return { token, id };
}

export async function endSession(tx: Tx, id: string, reason: string) {
  forgetKeptSessions();
  await closeSession(tx, id, reason);
}

/** Ends every open session of a user except `keepId` (a password change ends the others). */
export async function endUserSessions(tx: Tx, userId: string, reason: string, keepId?: string) {
  forgetKeptSessions();
  await closeUserSessions(tx, userId, reason, keepId);
}

/** The actor behind a session token, or null when absent, ended, timed out or disabled. */
export async function resolveSession(tx: Tx, token: string | undefined): Promise<Actor | null> {
  if (!token) return null;
  const id = sessionIdOf(token);
  const row = await findOpenSession(tx, id);
  if (!row) return null;
  if (row.user.status !== 'active') {
    await endSession(tx, id, 'disabled');
    return null;
  }
  const policy = await getSecurityPolicy(tx);
  const now = Date.now();
  if (now - row.session.lastSeenAt.getTime() > policy.idleTimeoutMinutes * 60_000) {
    await endSession(tx, id, 'idle-timeout');
    return null;
  }
  if (now - row.session.createdAt.getTime() > policy.absoluteTimeoutHours * 3_600_000) {
    await endSession(tx, id, 'absolute-timeout');
    return null;
  }
  if (now - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(tx, id, new Date(now));
  }
  const u = row.user;
  return actorFromUser(u, row.permissions, id);
}

/**
 * How long a read keeps the actor it resolved. Within this process every write request, sign-out
 * and session end forgets all kept actors at once; another process (a second instance) learns of
 * a sign-out, password, role or status change at most this late. docs/performance.md.
 */
export const KEEP_ACTOR_MS = 3_000;
const KEPT_MAX = 10_000;
const kept = new Map<string, { actor: Actor; until: number }>();

export function forgetKeptSessions() {
  kept.clear();
}

/** resolveSession for reads: the actor of the same session resolved in the last KEEP_ACTOR_MS. */
export async function resolveSessionKept(tx: Tx, token: string | undefined): Promise<Actor | null> {
  if (!token) return null;
  const id = sessionIdOf(token);
  const now = Date.now();
  const hit = kept.get(id);
  if (hit && hit.until > now) return { ...hit.actor };
  const actor = await resolveSession(tx, token);
  if (!actor) {
    kept.delete(id);
    return null;
  }
  if (kept.size >= KEPT_MAX) kept.clear();
  kept.set(id, { actor: { ...actor }, until: now + KEEP_ACTOR_MS });
  return actor;
}
