import '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { msg } from '../../domain/message';
import { isAdminRole, type Permission } from '../../domain/roles';
import type { Db } from '../db/client';
import type { Actor } from './actor';
import type { AuditContext } from './audit';
import { AppError, forbidden, unauthenticated } from './errors';
import { forgetKeptSessions, resolveSession, resolveSessionKept, sessionTokenOf } from './sessions';

/**
 * Who may call a route, declared on every /api route (`config: { access }`):
 * 'public' — anyone; 'signed-in' — any signed-in user, even one who must change their password
 * first; 'user' — a signed-in user who has no pending password change; 'business' — such a user
 * who holds a business role (三员分立: the administrator roles are refused business data, even
 * where a route would answer them with an empty list); or a permission code.
 */
export type Access = 'public' | 'signed-in' | 'user' | 'business' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Every /api/v1 route with its access rule, for the role × endpoint test matrix. */
    accessRules: { method: string; url: string; access: Access }[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = 'kechuang';

/** The signed-in actor; routes behind any access but 'public' can rely on it. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

export function auditContext(req: FastifyRequest): AuditContext {
  const a = req.actor;
  return {
    actor: a ? { id: a.id, username: a.username, role: a.role } : undefined,
    ip: req.ip,
    requestId: req.id,
  };
}

/** One place where every request is authenticated and every route's access rule is enforced. */
export function registerAccessControl(app: FastifyInstance, db: Db) {
  app.decorateRequest('actor', null);
  const rules: FastifyInstance['accessRules'] = [];
  app.decorate('accessRules', rules);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    const access = route.config?.access;
    if (!access)
      throw new Error(`Route ${route.method} ${route.url} declares no access rule (config.access)`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') rules.push({ method, url: route.url, access });
  });

  app.addHook('onSend', async (req) => {
    if (!SAFE_METHODS.has(req.method)) forgetKeptSessions();
  });

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    if (!SAFE_METHODS.has(req.method)) checkSameOrigin(req);
    // A read may use the actor resolved moments ago (sessions.ts, KEEP_ACTOR_MS); a write never
    // does, and forgets the kept ones before and after it runs (it may change a role or a password).
    if (SAFE_METHODS.has(req.method)) req.actor = await resolveSessionKept(db, sessionTokenOf(req));
    else {
      forgetKeptSessions();
      req.actor = await resolveSession(db, sessionTokenOf(req));
    }
    // Checked before the body is parsed or validated, so a caller without access learns nothing
    // about what the endpoint expects.
    const access = req.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const refusal = accessRefusal(req.actor, access);
    if (refusal) throw refusal;
  });
}

/**
 * Why `actor` may not do what `access` guards, or null when it may. Also applied to work done
 * for a user later (an export job), with the user as they stand when the work runs.
 */
export function accessRefusal(actor: Actor | null, access: Access): AppError | null {
  if (access === 'public') return null;
  if (!actor) return unauthenticated();
  if (access === 'signed-in') return null;
  if (actor.mustChangePassword) {
    return new AppError(
      403,
      'password_change_required',
      msg('请先修改初始密码', 'Change your initial password first'),
    );
  }
  if (access === 'business') return isAdminRole(actor.role) ? forbidden() : null;
  if (access !== 'user' && !actor.permissions.has(access)) return forbidden();
  return null;
}

/**
 * Cross-site request guard for cookie-authenticated writes: the SameSite=Strict cookie, plus a
 * custom header a cross-site form cannot send, plus an Origin that must match our own host.
 */
function checkSameOrigin(req: FastifyRequest) {
  const refused = new AppError(
    403,
    'cross_site_refused',
    msg('跨站请求已拒绝', 'Cross-site request refused'),
  );
  if (req.headers[CSRF_HEADER] !== CSRF_VALUE) throw refused;
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw refused;
    }
    if (host !== req.host) throw refused;
  } else if (origin === 'null') {
    throw refused;
  }
}
