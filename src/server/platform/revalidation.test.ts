import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { qualifications } from '../db/schema';
import { call, createOrg, describeEachDb, signedIn } from '../test/harness';

// A year no other test writes: the one 高企 counted here is the one this file enters.
const YEAR = 2084;
const URL = `/api/v1/plan/indicator-values?year=${YEAR}&asOf=${YEAR}-06-30&codes=hte_valid`;

describeEachDb('answers the browser may keep and revalidate', (ctx) => {
  it('answers 304 without a body while the figures are unchanged, and 200 with a new tag once a record changes them', async () => {
    const { cookie } = await signedIn(ctx, 'leader');
    const first = await call(ctx.app, { url: URL, cookie });
    expect(first.statusCode, first.body).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]{32}"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const again = await call(ctx.app, { url: URL, cookie, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);

    const org = await createOrg(ctx.database, '350582');
    await ctx.database.db.insert(qualifications).values({
      orgId: org.id,
      regionCode: org.regionCode,
      typeCode: 'hte',
      issuedOn: `${YEAR - 1}-03-01`,
      validUntil: `${YEAR + 2}-02-28`,
    });
    try {
      const changed = await call(ctx.app, { url: URL, cookie, headers: { 'if-none-match': etag } });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
      const value = changed.json().items.find((i: { regionCode: string }) => i.regionCode === '350500').value;
      const before = first.json().items.find((i: { regionCode: string }) => i.regionCode === '350500').value;
      expect(value).toBe(before + 1);
    } finally {
      await ctx.database.db.delete(qualifications).where(eq(qualifications.orgId, org.id));
    }
  });

  it('never answers 304 to a request the route refuses, and keeps other answers out of every cache', async () => {
    const { cookie } = await signedIn(ctx, 'leader');
    const ok = await call(ctx.app, { url: URL, cookie });
    const etag = ok.headers.etag as string;
    const anonymous = await call(ctx.app, { url: URL, headers: { 'if-none-match': etag } });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers.etag).toBeUndefined();
    expect(anonymous.headers['cache-control']).toBe('no-store');

    const me = await call(ctx.app, { url: '/api/v1/auth/me', cookie });
    expect(me.headers.etag).toBeUndefined();
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('keeps the to-do counts revalidated, per user', async () => {
    const { cookie } = await signedIn(ctx, 'staff');
    const first = await call(ctx.app, { url: '/api/v1/workbench', cookie });
    expect(first.statusCode).toBe(200);
    const again = await call(ctx.app, {
      url: '/api/v1/workbench',
      cookie,
      headers: { 'if-none-match': first.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });
});
