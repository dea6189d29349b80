import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditLog, experts } from '../../db/schema';
import { exportJobRows } from '../../test/exports';
import { type FreshRegion, freshRegion, makeOrg } from '../../test/factories';
import { call, describeEachDb, signedIn, type TestContext, uniq } from '../../test/harness';
import { activePool } from '../projects/review/review-repo';

const API = '/api/v1/credit/records';

async function as(ctx: TestContext, cookie: string) {
  const send = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => {
    const res = await call(ctx.app, { method, url: `${API}${url}`, cookie, body });
    return { status: res.statusCode, text: res.body, json: () => res.json() };
  };
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, body: unknown = {}) => send('POST', url, body),
    patch: (url: string, body: unknown) => send('PATCH', url, body),
  };
}

describeEachDb('credit: records that block, expire by date, and keep their objection', (ctx) => {
  let region: FreshRegion;
  beforeAll(async () => {
    region = await freshRegion(ctx);
  });

  const body = (subjectId: string, over: Record<string, unknown> = {}) => ({
    subjectKind: 'org',
    subjectId,
    reason: uniq('数据造假'),
    sourceDocument: '泉科〔2017〕1号',
    severity: 'general',
    validFrom: '2017-01-01',
    ...over,
  });

  it('asks for a session and a permission, and names the field of a bad record', async () => {
    expect((await call(ctx.app, { url: API })).statusCode).toBe(401);
    const enterprise = await as(ctx, (await signedIn(ctx, 'enterprise')).cookie);
    expect((await enterprise.get('')).status).toBe(403);
    const org = await makeOrg(ctx, region.county);
    const county = await as(ctx, (await signedIn(ctx, 'county', { regionCode: region.county })).cookie);
    expect((await county.post('', body(org.id))).status).toBe(403);
    const staff = await as(ctx, (await signedIn(ctx, 'staff')).cookie);
    const backwards = await staff.post('', body(org.id, { validTo: '2016-12-31' }));
    expect(backwards.status).toBe(400);
    expect(backwards.json().error.field).toBe('validTo');
    const nobody = await staff.post('', body('00000000-0000-4000-8000-000000000000'));
    expect(nobody.json().error.field).toBe('subjectId');
  });

  it('records, lapses by date, keeps an objection and its answer, audits each step', async () => {
    const org = await makeOrg(ctx, region.county);
    const lapsedOrg = await makeOrg(ctx, region.zone);
    const staff = await as(ctx, (await signedIn(ctx, 'staff')).cookie);
    const created = await staff.post('', body(org.id));
    expect(created.status, created.text).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ inForce: true, regionCode: region.county, subjectName: org.name });
    const lapsed = (
      await staff.post('', body(lapsedOrg.id, { validFrom: '2015-01-01', validTo: '2016-12-31' }))
    ).json();
    expect(lapsed.inForce).toBe(false);

    expect((await staff.post(`/${id}/answer`, { text: '维持' })).status).toBe(409);
    expect((await staff.post(`/${id}/objection`, { text: '系笔误所致' })).status).toBe(200);
    const answered = await staff.post(`/${id}/answer`, { text: '经复核，维持原决定' });
    expect(answered.json()).toMatchObject({ objection: '系笔误所致', answer: '经复核，维持原决定' });
    const changed = await staff.patch(`/${id}`, { severity: 'serious', validTo: '2030-12-31' });
    expect(changed.json()).toMatchObject({ severity: 'serious', validTo: '2030-12-31' });

    // A county sees its own region's records only; 404 elsewhere.
    const own = await as(ctx, (await signedIn(ctx, 'county', { regionCode: region.county })).cookie);
    const list = (await own.get('?inForce=true')).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await own.get('?inForce=false')).json().items.map((r: { id: string }) => r.id)).toEqual([
      lapsed.id,
    ]);
    const other = await as(ctx, (await signedIn(ctx, 'county', { regionCode: '350583' })).cookie);
    expect((await other.get(`/${id}`)).status).toBe(404);

    const { cookie } = await signedIn(ctx, 'county', { regionCode: region.county });
    const { rows } = await exportJobRows(ctx, cookie, API, '');
    expect(rows.length).toBe(3);

    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audit.map((r) => r.action).sort()).toEqual(
      ['credit.answer', 'credit.create', 'credit.objection', 'credit.update'].sort(),
    );
  });

  it('keeps an expert under a record out of the draw', async () => {
    const [expert] = await ctx.database.db
      .insert(experts)
      .values({ name: uniq('专家'), fields: ['advanced-manufacturing'] })
      .returning();
    let pool = await activePool(ctx.database.db);
    expect(pool.experts.some((e) => e.id === expert.id)).toBe(true);
    const staff = await as(ctx, (await signedIn(ctx, 'staff')).cookie);
    const res = await staff.post('', body(expert.id, { subjectKind: 'expert' }));
    expect(res.status, res.text).toBe(201);
    pool = await activePool(ctx.database.db);
    expect(pool.experts.some((e) => e.id === expert.id)).toBe(false);
  });
});
