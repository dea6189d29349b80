import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loginThrottle, sessions, users } from '../../db/schema';
import { forgetCachedSecurityPolicy } from '../../platform/security-policy';
import { sessionIdOf } from '../../platform/sessions';
import {
  call,
  createUser,
  describeEachDb,
  login,
  openTestDatabase,
  signedIn,
  TEST_PASSWORD,
  uniq,
} from '../../test/harness';

describeEachDb('auth', (ctx) => {
  it('signs in with an HttpOnly, SameSite=Strict cookie and answers /me with the abilities', async () => {
    const user = await createUser(ctx.database, 'county', { regionCode: '350583' });
    const res = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { username: user.username, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'kc_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.secure).toBeFalsy();
    const me = await call(ctx.app, { url: '/api/v1/auth/me', cookie: `kc_session=${cookie.value}` });
    expect(me.json()).toMatchObject({ username: user.username, role: 'county', regionCode: '350583' });
    expect(me.json().abilities).toContain('registry.read');
    expect(me.json().abilities).not.toContain('admin.users');
  });

  it('names the cookie __Host- and marks it Secure behind an HTTPS proxy, and only reads that one there', async () => {
    const app = await buildApp({ database: ctx.database, trustProxy: true });
    const user = await createUser(ctx.database, 'staff');
    const https = { 'x-forwarded-proto': 'https' };
    const res = await call(app, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { username: user.username, password: TEST_PASSWORD },
      headers: https,
    });
    const cookie = res.cookies.find((c) => c.name === '__Host-kc_session')!;
    expect(cookie).toMatchObject({ secure: true, path: '/', httpOnly: true });
    expect(cookie.domain).toBeUndefined();
    const me = (c: string, headers = https) => call(app, { url: '/api/v1/auth/me', cookie: c, headers });
    expect((await me(`__Host-kc_session=${cookie.value}`)).statusCode).toBe(200);
    expect((await me(`kc_session=${cookie.value}`)).statusCode).toBe(401);
    const out = await call(app, {
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookie: `__Host-kc_session=${cookie.value}`,
      headers: https,
    });
    expect(out.headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
    expect(out.cookies.find((c) => c.name === '__Host-kc_session')!.value).toBe('');
    await app.close();
  });

  it('answers a wrong password and an unknown username alike', async () => {
    const user = await createUser(ctx.database, 'staff');
    const wrong = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { username: user.username, password: 'nope' },
    });
    const unknown = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { username: uniq('ghost'), password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.messages).toEqual(unknown.json().error.messages);
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });

  it('locks after five failures, for existing and unknown usernames alike, and the lock expires', async () => {
    const user = await createUser(ctx.database, 'staff');
    for (const name of [user.username, uniq('ghost')]) {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await call(ctx.app, {
          method: 'POST',
          url: '/api/v1/auth/login',
          body: { username: name, password: 'wrong' },
        });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 401, 423, 423]);
    }
    const locked = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { username: user.username, password: TEST_PASSWORD },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.messages.zh).toContain('锁定');
    await ctx.database.db
      .update(loginThrottle)
      .set({ lockedUntil: sql`now() - interval '1 minute'` })
      .where(eq(loginThrottle.username, user.username));
    expect(
      (
        await call(ctx.app, {
          method: 'POST',
          url: '/api/v1/auth/login',
          body: { username: user.username, password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    const user = await createUser(ctx.database, 'staff');
    await ctx.database.db.update(users).set({ status: 'disabled' }).where(eq(users.id, user.id));
    const res = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { username: user.username, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
  });

  it('logs out: the session no longer works', async () => {
    const { cookie } = await signedIn(ctx, 'leader');
    expect((await call(ctx.app, { method: 'POST', url: '/api/v1/auth/logout', cookie })).statusCode).toBe(
      200,
    );
    expect((await call(ctx.app, { url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
  });

  it('ends a session idle longer than the policy allows, and one older than the absolute limit', async () => {
    const a = await signedIn(ctx, 'leader');
    const idA = sessionIdOf(a.cookie.split('=')[1]);
    await ctx.database.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '31 minutes'` })
      .where(eq(sessions.id, idA));
    expect((await call(ctx.app, { url: '/api/v1/auth/me', cookie: a.cookie })).statusCode).toBe(401);
    const b = await signedIn(ctx, 'leader');
    const idB = sessionIdOf(b.cookie.split('=')[1]);
    await ctx.database.db
      .update(sessions)
      .set({ createdAt: sql`now() - interval '13 hours'` })
      .where(eq(sessions.id, idB));
    expect((await call(ctx.app, { url: '/api/v1/auth/me', cookie: b.cookie })).statusCode).toBe(401);
    const [row] = await ctx.database.db.select().from(sessions).where(eq(sessions.id, idB));
    expect(row.endReason).toBe('absolute-timeout');
  });

  it('changes the password under the policy and ends the other sessions', async () => {
    const user = await createUser(ctx.database, 'staff');
    const first = await login(ctx.app, user.username);
    const second = await login(ctx.app, user.username);
    const weak = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/auth/password',
      cookie: first,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'short1A' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.field).toBe('newPassword');
    const noClasses = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/auth/password',
      cookie: first,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'alllowercaseletters' },
    });
    expect(noClasses.json().error.messages.en).toContain('at least 3');
    const wrongCurrent = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/auth/password',
      cookie: first,
      body: { currentPassword: 'x', newPassword: 'Another#Pass2026' },
    });
    expect(wrongCurrent.json().error.field).toBe('currentPassword');
    const ok = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/auth/password',
      cookie: first,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'Another#Pass2026' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await call(ctx.app, { url: '/api/v1/auth/me', cookie: first })).statusCode).toBe(200);
    expect((await call(ctx.app, { url: '/api/v1/auth/me', cookie: second })).statusCode).toBe(401);
    await login(ctx.app, user.username, 'Another#Pass2026');
  });

  it('lets a user with an initial password do nothing but change it', async () => {
    const { cookie } = await signedIn(ctx, 'staff', { mustChangePassword: true });
    const me = await call(ctx.app, { url: '/api/v1/auth/me', cookie });
    expect(me.json().mustChangePassword).toBe(true);
    const regions = await call(ctx.app, { url: '/api/v1/reference/regions', cookie });
    expect(regions.statusCode).toBe(403);
    expect(regions.json().error.code).toBe('password_change_required');
  });

  it('refuses writes without the CSRF header or from another origin', async () => {
    const { cookie } = await signedIn(ctx, 'leader');
    const noHeader = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookie,
      headers: { 'x-requested-with': 'other' },
    });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe('cross_site_refused');
    const foreign = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookie,
      headers: { origin: 'https://evil.example', 'x-requested-with': 'kechuang' },
    });
    expect(foreign.statusCode).toBe(403);
    expect((await call(ctx.app, { url: '/api/v1/auth/me', cookie })).statusCode).toBe(200);
  });

  it('rejects unknown body fields, naming the field', async () => {
    const res = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { username: 'a', password: 'b', role: 'leader' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid', field: 'role' });
    expect(res.json().error.messages.zh).toContain('role');
  });

  it('answers errors in English when asked, and never with a stack', async () => {
    const res = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { username: uniq('ghost'), password: 'x' },
      headers: { 'accept-language': 'en-US,en' },
    });
    expect(res.json().error.message).toBe('Wrong username or password');
    expect(res.json().error.requestId).toMatch(/[0-9a-f-]{36}/);
    expect(res.body).not.toMatch(/at .*\.ts|stack|select /i);
  });

  it('sends the security headers', async () => {
    const res = await call(ctx.app, { url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.json()).toMatchObject({ status: 'ok', database: 'up', driver: ctx.driver });
    expect(res.json().instance).toEqual(expect.any(String));
  });

  it('names the request and forbids caching on every API answer, errors included', async () => {
    const { cookie } = await signedIn(ctx, 'staff');
    for (const res of [
      await call(ctx.app, { url: '/api/v1/auth/me', cookie }),
      await call(ctx.app, { url: '/api/v1/auth/me' }),
      await call(ctx.app, { url: '/api/v1/no-such-route', cookie }),
    ]) {
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('login rate limit', () => {
  it('answers 429 after the allowed attempts per minute', async () => {
    const database = await openTestDatabase('pglite');
    const app = await buildApp({ database, loginAttemptsPerMinute: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await call(app, {
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { username: `u${i}`, password: 'x' },
      });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
    await app.close();
    await database.close();
    forgetCachedSecurityPolicy();
  });
});
