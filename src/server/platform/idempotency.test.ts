import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { makeUscc } from '../../domain/identifiers';
import { applications, calls, organizations } from '../db/schema';
import { callBody, createCall, world } from '../test/factories';
import { call, describeEachDb, signedIn, type TestContext, uniq } from '../test/harness';
import { API, prepare } from '../test/projects-fixtures';

const uscc = () =>
  makeUscc(
    '9',
    '1',
    '350582',
    randomBytes(4)
      .toString('hex')
      .toUpperCase()
      .replace(/[IOSVZ]/g, '4')
      .slice(0, 8),
  );

describeEachDb('Idempotency-Key on creates', (ctx: TestContext) => {
  beforeAll(() => prepare(ctx));

  const post = (url: string, cookie: string, body: unknown, key?: string) =>
    call(ctx.app, { method: 'POST', url, cookie, body, headers: key ? { 'idempotency-key': key } : {} });

  it('replays a new organisation, refuses the key for another body, and keeps users apart', async () => {
    const staff = await signedIn(ctx, 'staff');
    const other = await signedIn(ctx, 'staff');
    const body = { uscc: uscc(), name: uniq('幂等测试有限公司'), kind: 'enterprise', regionCode: '350582' };
    const key = uniq('k-');
    const first = await post('/api/v1/registry/orgs', staff.cookie, body, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await post('/api/v1/registry/orgs', staff.cookie, body, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const [{ n }] = await ctx.database.db
      .select({ n: count() })
      .from(organizations)
      .where(eq(organizations.uscc, body.uscc));
    expect(n).toBe(1);

    const changed = await post('/api/v1/registry/orgs', staff.cookie, { ...body, name: uniq('另一家') }, key);
    expect(changed.statusCode).toBe(422);
    expect(changed.json().error.code).toBe('idempotency_key_reused');

    // Another user's key of the same name is theirs: it runs (and meets the USCC rule) afresh.
    const theirs = await post('/api/v1/registry/orgs', other.cookie, { ...body, uscc: uscc() }, key);
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(theirs.json().id).not.toBe(first.json().id);

    // Without the header nothing changes: a repeat is a second create (refused here by the USCC).
    const plain = await post('/api/v1/registry/orgs', staff.cookie, body);
    expect(plain.statusCode).toBe(409);
    const bad = await post('/api/v1/registry/orgs', staff.cookie, body, ' ');
    expect(bad.statusCode).toBe(400);
  });

  it('creates one call for concurrent duplicates', async () => {
    const { staff } = await world(ctx, '350582');
    const body = callBody();
    const key = uniq('k-');
    const answers = await Promise.all([1, 2, 3].map(() => post(`${API}/calls`, staff.cookie, body, key)));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const ids = new Set(answers.filter((a) => a.statusCode === 201).map((a) => a.json().id));
    expect(ids.size).toBe(1);
    const [{ n }] = await ctx.database.db
      .select({ n: count() })
      .from(calls)
      .where(eq(calls.title, body.title));
    expect(n).toBe(1);
    // Once the first has answered, a late duplicate replays it.
    const late = await post(`${API}/calls`, staff.cookie, body, key);
    expect(late.statusCode).toBe(201);
    expect(late.json().id).toBe([...ids][0]);
  });

  it('replays a new application instead of starting a second one', async () => {
    const { staff, enterprise, org } = await world(ctx, '350582');
    const open = await createCall(ctx, staff.cookie, { maxPerApplicant: 5 });
    const key = uniq('k-');
    const body = { callId: open.id, title: '幂等申报测试' };
    const first = await post(`${API}/applications`, enterprise.cookie, body, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await post(`${API}/applications`, enterprise.cookie, body, key);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const [{ n }] = await ctx.database.db
      .select({ n: count() })
      .from(applications)
      .where(eq(applications.orgId, org.id));
    expect(n).toBe(1);
  });
});
