import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { call, openTestDatabase, signedIn, type TestContext } from './test/harness';

const EXPORT = '/api/v1/registry/orgs/export.xlsx?regionCode=350582';

describe('exports beyond the limit are refused at once, to be retried', () => {
  const full = { driver: 'pglite' } as TestContext;
  const one = { driver: 'pglite' } as TestContext;
  beforeAll(async () => {
    full.database = await openTestDatabase('pglite');
    one.database = full.database;
    // No room at all, and room for one: the refusal itself, and that a finished export frees its place.
    full.app = await buildApp({ database: full.database, maxConcurrentExports: 0 });
    one.app = await buildApp({ database: one.database, maxConcurrentExports: 1 });
  });
  afterAll(async () => {
    await full.app?.close();
    await one.app?.close();
    await full.database?.close();
  });

  it('answers 503 with Retry-After and the error shape when every place is taken', async () => {
    const { cookie } = await signedIn(full, 'staff');
    const res = await call(full.app, { url: EXPORT, cookie });
    expect(res.statusCode).toBe(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.json().error).toMatchObject({ code: 'too_many_exports' });
    expect(res.json().error.message).toContain('导出');
    // Pages are not exports: they go on as before.
    expect(
      (await call(full.app, { url: '/api/v1/registry/orgs?regionCode=350582', cookie })).statusCode,
    ).toBe(200);
  });

  it('gives the place back when an export is done', async () => {
    const { cookie } = await signedIn(one, 'staff');
    for (let i = 0; i < 3; i++) {
      const res = await call(one.app, { url: EXPORT, cookie });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    }
  });
});

describe('writes beyond the limit are refused at the door, to be retried', () => {
  const ctx = { driver: 'pglite' } as TestContext;
  let cookie: string;
  beforeAll(async () => {
    ctx.database = await openTestDatabase('pglite');
    // Signed in on an ordinary app: sign-in is a write too.
    const plain = { ...ctx, app: await buildApp({ database: ctx.database }) };
    cookie = (await signedIn(plain, 'staff')).cookie;
    await plain.app.close();
    ctx.app = await buildApp({ database: ctx.database, maxConcurrentWrites: 0 });
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });

  it('answers a write 503 with Retry-After when every place is taken, and reads go on', async () => {
    const res = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/registry/orgs',
      cookie,
      body: { name: '繁忙测试公司' },
    });
    expect(res.statusCode).toBe(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.json().error).toMatchObject({ code: 'server_busy' });
    expect((await call(ctx.app, { url: '/api/v1/registry/orgs?regionCode=350582', cookie })).statusCode).toBe(
      200,
    );
  });
});
