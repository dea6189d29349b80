import { expect, it } from 'vitest';
import { isAdminRole, ROLE_CODES, type RoleCode } from '../../domain/roles';
import { call, describeEachDb, signedIn } from '../test/harness';

/**
 * Every role against every endpoint that exists: a route that forgets its guard, or a role that
 * gains a permission by accident, fails here. Path parameters are filled with values that match
 * nothing, so permitted calls answer 400/404 and change nothing; what matters is that forbidden
 * ones answer 401/403 and permitted ones do not.
 */
const SAMPLE_PARAMS: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  code: 'park',
  list: 'no-such-list',
};
// Session-ending or self-service routes are exercised in their own tests.
const SKIP = new Set([
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/mfa/enrol',
  'POST /api/v1/auth/mfa/verify',
]);

describeEachDb('access matrix', (ctx) => {
  it('answers 401 to anonymous callers on every non-public route', async () => {
    for (const rule of ctx.app.accessRules) {
      if (rule.access === 'public') continue;
      const res = await call(ctx.app, { method: rule.method as 'GET', url: fill(rule.url) });
      expect(res.statusCode, `${rule.method} ${rule.url}`).toBe(401);
    }
  });

  it('refuses the three administrator roles every business route, and names none they may use', async () => {
    const business = ctx.app.accessRules.filter((r) => r.access === 'business');
    expect(business.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/projects/calls',
        'GET /api/v1/projects/reviews',
        'GET /api/v1/reference/industries',
      ]),
    );
    for (const role of ['sysadmin', 'secadmin', 'auditadmin'] as const) {
      const { cookie } = await signedIn(ctx, role);
      for (const rule of business.filter((r) => r.method === 'GET')) {
        const res = await call(ctx.app, { url: fill(rule.url), cookie });
        expect(res.statusCode, `${role} ${rule.url}`).toBe(403);
      }
    }
  });

  // Every role against every route: a few hundred requests, slow on a loaded machine.
  it('lets each role reach exactly the routes its permissions allow', { timeout: 180_000 }, async () => {
    expect(ctx.app.accessRules.length).toBeGreaterThan(20);
    const cookies = new Map<RoleCode, { cookie: string; abilities: string[] }>();
    for (const role of ROLE_CODES) {
      const { cookie } = await signedIn(ctx, role, { regionCode: '350582' });
      const me = await call(ctx.app, { url: '/api/v1/auth/me', cookie });
      cookies.set(role, { cookie, abilities: me.json().abilities });
    }
    for (const rule of ctx.app.accessRules) {
      const key = `${rule.method} ${rule.url}`;
      if (SKIP.has(key) || rule.access === 'public') continue;
      for (const role of ROLE_CODES) {
        const { cookie, abilities } = cookies.get(role)!;
        const allowed =
          rule.access === 'signed-in' ||
          rule.access === 'user' ||
          (rule.access === 'business' && !isAdminRole(role)) ||
          abilities.includes(rule.access);
        // Writes to the shared role table would change other tests' roles: send an invalid body.
        const body = rule.method === 'GET' || rule.method === 'DELETE' ? undefined : { __invalid: true };
        const res = await call(ctx.app, { method: rule.method as 'GET', url: fill(rule.url), cookie, body });
        const label = `${role} ${key} → ${res.statusCode}`;
        if (allowed) expect([401, 403], label).not.toContain(res.statusCode);
        else expect(res.statusCode, label).toBe(403);
      }
    }
  });
});

function fill(url: string): string {
  return url.replace(/:(\w+)/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'x');
}
