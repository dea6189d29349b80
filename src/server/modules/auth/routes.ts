import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changePasswordBodySchema,
  loginBodySchema,
  loginResultSchema,
  meSchema,
  mfaEnrolBodySchema,
  mfaEnrolmentSchema,
  mfaResultSchema,
  mfaVerifyBodySchema,
} from '../../../domain/contracts/auth';
import { okSchema } from '../../../domain/contracts/common';
import { securityPolicySchema } from '../../../domain/password-policy';
import { actorOf, auditContext } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { unauthenticated } from '../../platform/errors';
import { getSecurityPolicy } from '../../platform/security-policy';
import { clearSessionCookie, resolveSession, setSessionCookie } from '../../platform/sessions';
import { beginEnrolment, completeChallenge } from './mfa-service';
import { changeOwnPassword, login, logout, presentMe } from './service';

export function authRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    const signInLimit = { max: deps.loginAttemptsPerMinute, timeWindow: '1 minute' };

    // A right password either opens the session or, where a second factor is required, answers
    // with a challenge to enrol one or to enter a code (POST /mfa/verify then opens the session).
    r.post(
      '/login',
      {
        config: { access: 'public', rateLimit: signInLimit },
        schema: { tags: ['auth'], body: loginBodySchema, response: { 200: loginResultSchema } },
      },
      async (req, reply) => {
        const ctx = { ...auditContext(req), userAgent: req.headers['user-agent'] };
        const outcome = await login(deps.db, ctx, req.body.username, req.body.password);
        if (outcome.kind === 'mfa') {
          return {
            mfa: outcome.enrol ? ('enrol' as const) : ('verify' as const),
            challenge: outcome.challenge,
          };
        }
        setSessionCookie(req, reply, outcome.token);
        const actor = await resolveSession(deps.db, outcome.token);
        if (!actor) throw unauthenticated();
        return presentMe(actor);
      },
    );

    r.post(
      '/mfa/enrol',
      {
        config: { access: 'public', rateLimit: signInLimit },
        schema: { tags: ['auth'], body: mfaEnrolBodySchema, response: { 200: mfaEnrolmentSchema } },
      },
      async (req) => beginEnrolment(deps.db, req.body.challenge),
    );

    r.post(
      '/mfa/verify',
      {
        config: { access: 'public', rateLimit: signInLimit },
        schema: { tags: ['auth'], body: mfaVerifyBodySchema, response: { 200: mfaResultSchema } },
      },
      async (req, reply) => {
        const ctx = { ...auditContext(req), userAgent: req.headers['user-agent'] };
        const done = await completeChallenge(deps.db, ctx, req.body.challenge, req.body.code);
        setSessionCookie(req, reply, done.token);
        const actor = await resolveSession(deps.db, done.token);
        if (!actor) throw unauthenticated();
        return { ...presentMe(actor), recoveryCodes: done.recoveryCodes };
      },
    );

    r.post(
      '/logout',
      { config: { access: 'signed-in' }, schema: { tags: ['auth'], response: { 200: okSchema } } },
      async (req, reply) => {
        await logout(deps.db, auditContext(req), actorOf(req));
        clearSessionCookie(req, reply);
        // The browser drops what it kept of this account: cookies and cached responses.
        reply.header('clear-site-data', '"cache", "cookies", "storage"');
        return { ok: true as const };
      },
    );

    r.get(
      '/me',
      { config: { access: 'signed-in' }, schema: { tags: ['auth'], response: { 200: meSchema } } },
      async (req) => presentMe(actorOf(req)),
    );

    // The policy a new password must meet, so forms can check as the user types.
    r.get(
      '/password-policy',
      {
        config: { access: 'signed-in' },
        schema: { tags: ['auth'], response: { 200: securityPolicySchema } },
      },
      async () => getSecurityPolicy(deps.db),
    );

    r.post(
      '/password',
      {
        config: { access: 'signed-in' },
        schema: { tags: ['auth'], body: changePasswordBodySchema, response: { 200: okSchema } },
      },
      async (req) => {
        await changeOwnPassword(
          deps.db,
          auditContext(req),
          actorOf(req),
          req.body.currentPassword,
          req.body.newPassword,
        );
        return { ok: true as const };
      },
    );
  };
}
