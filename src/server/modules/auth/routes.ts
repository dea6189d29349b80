import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changePasswordBodySchema, loginBodySchema, meSchema } from '../../../domain/contracts/auth';
import { okSchema } from '../../../domain/contracts/common';
import { securityPolicySchema } from '../../../domain/password-policy';
import { actorOf, auditContext } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { unauthenticated } from '../../platform/errors';
import { getSecurityPolicy } from '../../platform/security-policy';
import { resolveSession, SESSION_COOKIE } from '../../platform/sessions';
import { changeOwnPassword, login, logout, presentMe } from './service';

export function authRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/login',
      {
        config: { access: 'public', rateLimit: { max: deps.loginAttemptsPerMinute, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], body: loginBodySchema, response: { 200: meSchema } },
      },
      async (req, reply) => {
        const ctx = { ...auditContext(req), userAgent: req.headers['user-agent'] };
        const token = await login(deps.db, ctx, req.body.username, req.body.password);
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: req.protocol === 'https',
        });
        const actor = await resolveSession(deps.db, token);
        if (!actor) throw unauthenticated();
        return presentMe(actor);
      },
    );

    r.post(
      '/logout',
      { config: { access: 'signed-in' }, schema: { tags: ['auth'], response: { 200: okSchema } } },
      async (req, reply) => {
        await logout(deps.db, auditContext(req), actorOf(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
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
