import { beforeAll, expect, it } from 'vitest';
import { createCall, type FreshRegion, freshRegion, world } from '../../../test/factories';
import { call, describeEachDb } from '../../../test/harness';
import { API, prepare } from '../../../test/projects-fixtures';

const DAY = 86_400_000;

describeEachDb('projects: whether an applicant may apply to a call', (ctx) => {
  let region: FreshRegion;
  beforeAll(async () => {
    await prepare(ctx);
    region = await freshRegion(ctx);
  });

  it('tells apart upcoming and closed calls, and says before creating when the limit is used up', async () => {
    const { enterprise, staff } = await world(ctx, region.county);
    const now = Date.now();
    const open = await createCall(ctx, staff.cookie, { maxPerApplicant: 1 });
    const upcoming = await createCall(ctx, staff.cookie, {
      opensAt: new Date(now + 3 * DAY).toISOString(),
      closesAt: new Date(now + 20 * DAY).toISOString(),
    });
    const closed = await createCall(ctx, staff.cookie, {
      opensAt: new Date(now - 20 * DAY).toISOString(),
      closesAt: new Date(now - 3 * DAY).toISOString(),
    });
    const list = async (cookie: string) => {
      const res = await call(ctx.app, { url: `${API}/calls?pageSize=200`, cookie });
      expect(res.statusCode).toBe(200);
      return new Map(
        (
          res.json().items as {
            id: string;
            status: string;
            apply: { allowed: boolean; used: number; reason: { zh: string } | null } | null;
          }[]
        ).map((c) => [c.id, c]),
      );
    };
    let calls = await list(enterprise.cookie);
    expect(calls.get(open.id)).toMatchObject({
      status: 'open',
      apply: { allowed: true, used: 0, reason: null },
    });
    expect(calls.get(upcoming.id)).toMatchObject({ status: 'upcoming', apply: { allowed: false } });
    expect(calls.get(upcoming.id)?.apply?.reason?.zh).toMatch(
      /^未开始，\d{4}-\d{2}-\d{2} \d{2}:\d{2} 开放申报$/,
    );
    expect(calls.get(closed.id)).toMatchObject({ status: 'closed', apply: { allowed: false } });
    expect(calls.get(closed.id)?.apply?.reason?.zh).toContain('截止');
    // Staff see the status but no applicant's ability.
    expect((await list(staff.cookie)).get(open.id)).toMatchObject({ status: 'open', apply: null });

    const created = await call(ctx.app, {
      method: 'POST',
      url: `${API}/applications`,
      cookie: enterprise.cookie,
      body: { callId: open.id },
    });
    expect(created.statusCode, created.body).toBe(201);
    calls = await list(enterprise.cookie);
    const used = calls.get(open.id)!;
    expect(used.apply).toMatchObject({ allowed: false, used: 1 });
    expect(used.apply?.reason?.zh).toContain('限报 1 项');
    // The detail says the same, and creating another is still refused by the server.
    const one = await call(ctx.app, { url: `${API}/calls/${open.id}`, cookie: enterprise.cookie });
    expect(one.json().apply).toMatchObject({ allowed: false, used: 1 });
    const again = await call(ctx.app, {
      method: 'POST',
      url: `${API}/applications`,
      cookie: enterprise.cookie,
      body: { callId: open.id },
    });
    expect(again.statusCode).toBe(409);
  });

  it('keeps the review deadline on or after the call closes', async () => {
    const { staff } = await world(ctx, region.county);
    const now = Date.now();
    const early = await call(ctx.app, {
      method: 'POST',
      url: `${API}/calls`,
      cookie: staff.cookie,
      body: {
        programmeCode: 'nc_special',
        year: 2026,
        title: '评审截止早于申报截止',
        opensAt: new Date(now - DAY).toISOString(),
        closesAt: new Date(now + 10 * DAY).toISOString(),
        budget: '100',
        fundingCap: '50',
        rubric: [{ code: 'a', name: '创新性', nameEn: 'Innovation', max: 100 }],
        reviewClosesOn: new Date(now).toISOString().slice(0, 10),
      },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.field).toBe('reviewClosesOn');
    const ok = await createCall(ctx, staff.cookie, { reviewClosesOn: '2099-01-31' });
    expect(ok.reviewClosesOn).toBe('2099-01-31');
  });
});
