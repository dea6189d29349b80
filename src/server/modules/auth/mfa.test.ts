import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema';
import { forgetCachedSecurityPolicy } from '../../platform/security-policy';
import { call, createUser, describeEachDb, TEST_PASSWORD } from '../../test/harness';
import { timeStep, totp } from './totp';

describeEachDb('auth: second factor (TOTP)', (ctx) => {
  const password = (username: string) =>
    call(ctx.app, { method: 'POST', url: '/api/v1/auth/login', body: { username, password: TEST_PASSWORD } });
  const verify = (challenge: string, code: string) =>
    call(ctx.app, { method: 'POST', url: '/api/v1/auth/mfa/verify', body: { challenge, code } });

  /** An administrator account enrolled through the sign-in pages; returns its secret and codes. */
  async function enrolled(role: 'secadmin' | 'sysadmin' | 'auditadmin' = 'secadmin') {
    const user = await createUser(ctx.database, role, { mfa: true });
    const first = await password(user.username);
    expect(first.json()).toMatchObject({ mfa: 'enrol' });
    expect(first.cookies).toHaveLength(0);
    const { challenge } = first.json();
    const enrol = await call(ctx.app, { method: 'POST', url: '/api/v1/auth/mfa/enrol', body: { challenge } });
    const { secret, uri, qrDataUrl } = enrol.json();
    expect(uri).toContain(`secret=${secret}`);
    expect(qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    const done = await verify(challenge, totp(secret, Date.now()));
    expect(done.statusCode).toBe(200);
    expect(done.json().recoveryCodes).toHaveLength(10);
    return { user, secret, recoveryCodes: done.json().recoveryCodes as string[], first: done };
  }

  it('enrols at first sign-in with a QR code and opens the session only after a right code', async () => {
    const { user, first } = await enrolled();
    const cookie = first.cookies.find((c) => c.name === 'kc_session')!;
    const me = await call(ctx.app, { url: '/api/v1/auth/me', cookie: `kc_session=${cookie.value}` });
    expect(me.json()).toMatchObject({ username: user.username, role: 'secadmin' });
    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, user.id));
    // Stored sealed, never as the base32 the user saw.
    expect(row.totpSecret).toMatch(/^(aes|sm4):/);
    const actions = (await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, user.id))).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['auth.password-ok', 'auth.mfa-enrol', 'auth.login']));
  });

  it('refuses a wrong code and a code already used, and takes each recovery code once', async () => {
    const { user, secret, recoveryCodes } = await enrolled('auditadmin');
    const again = await password(user.username);
    expect(again.json().mfa).toBe('verify');
    const { challenge } = again.json();
    const wrong = await verify(challenge, '000000' === totp(secret, Date.now()) ? '111111' : '000000');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('mfa_invalid_code');
    // The code that enrolled (or any of that step or before) is refused: it was used.
    const reused = await verify(challenge, totp(secret, Date.now() - 30_000));
    expect(reused.statusCode).toBe(401);
    const byRecovery = await verify(challenge, recoveryCodes[0].toLowerCase());
    expect(byRecovery.statusCode).toBe(200);
    const next = (await password(user.username)).json().challenge;
    expect((await verify(next, recoveryCodes[0])).statusCode).toBe(401);
  });

  it('allows at most five codes per account in one 30-second step', async () => {
    const { user, secret } = await enrolled('sysadmin');
    const { challenge } = (await password(user.username)).json();
    let codes: number[] = [];
    // Repeated if a step boundary falls inside the burst, which would reset the count.
    for (let attempt = 0; attempt < 3; attempt++) {
      await ctx.database.db.update(users).set({ totpGuesses: 0 }).where(eq(users.id, user.id));
      const step = timeStep(Date.now());
      codes = [];
      for (let i = 0; i < 5; i++) codes.push((await verify(challenge, '000000')).statusCode);
      const right = totp(secret, Date.now());
      codes.push((await verify(challenge, right)).statusCode);
      if (timeStep(Date.now()) === step) break;
    }
    expect(codes.slice(0, 5).every((c) => c === 401 || c === 200)).toBe(true);
    expect(codes[5]).toBe(429);
  });

  it('asks for the second factor from the roles secadmin marks, and not from the others', async () => {
    const sec = await createUser(ctx.database, 'secadmin');
    const secCookie = await (async () => {
      const res = await password(sec.username);
      return `kc_session=${res.cookies.find((c) => c.name === 'kc_session')!.value}`;
    })();
    const policy = (await call(ctx.app, { url: '/api/v1/admin/security-policy', cookie: secCookie })).json();
    expect(policy.mfaRoles).toEqual([]);
    const expert = await createUser(ctx.database, 'expert', { mfa: true });
    expect((await password(expert.username)).json().mfa).toBeUndefined();
    const put = (mfaRoles: string[]) =>
      call(ctx.app, {
        method: 'PUT',
        url: '/api/v1/admin/security-policy',
        cookie: secCookie,
        body: { ...policy, mfaRoles },
      });
    expect((await put(['expert'])).statusCode).toBe(200);
    try {
      forgetCachedSecurityPolicy();
      expect((await password(expert.username)).json().mfa).toBe('enrol');
    } finally {
      await put([]);
      forgetCachedSecurityPolicy();
    }
  });
});
