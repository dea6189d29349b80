import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { calls, qualifications } from '../../../db/schema';
import { callBody, createCall, type FreshRegion, freshRegion, makeOrg, world } from '../../../test/factories';
import { call, describeEachDb, signedIn, type TestContext } from '../../../test/harness';
import {
  API,
  act,
  insertApplication,
  PDF,
  prepare,
  setApplication,
  upload,
} from '../../../test/projects-fixtures';

function apply(ctx: TestContext, cookie: string, body: Record<string, unknown>) {
  return call(ctx.app, { method: 'POST', url: `${API}/applications`, cookie, body });
}

async function ids(ctx: TestContext, cookie: string, query: string) {
  const res = await call(ctx.app, { url: `${API}/applications?pageSize=200&${query}`, cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((x: { id: string }) => x.id);
}

describeEachDb('projects: calls and applications', (ctx) => {
  let region: FreshRegion;
  beforeAll(async () => {
    await prepare(ctx);
    region = await freshRegion(ctx);
  });

  it('validates a call and names the field at fault', async () => {
    const staff = await signedIn(ctx, 'staff');
    const post = (o: Record<string, unknown>) =>
      call(ctx.app, { method: 'POST', url: `${API}/calls`, cookie: staff.cookie, body: callBody(o) });
    const now = Date.now();
    const cases: [Record<string, unknown>, string][] = [
      [{ closesAt: new Date(now - 2 * 86_400_000).toISOString() }, 'closesAt'],
      [
        { opensAt: new Date(now).toISOString(), closesAt: new Date(now + 3_600_000).toISOString() },
        'closesAt',
      ],
      [{ fundingCap: '200' }, 'fundingCap'],
      [{ programmeCode: 'no_such' }, 'programmeCode'],
      [{ rubric: [{ code: 'a', name: '甲', nameEn: 'A', max: 0 }] }, 'rubric.0.max'],
      [
        {
          rubric: [
            { code: 'a', name: '甲', nameEn: 'A', max: 5 },
            { code: 'a', name: '乙', nameEn: 'B', max: 5 },
          ],
        },
        'rubric',
      ],
      [
        { eligibility: [{ type: 'valid_qualification', qualification: 'nope' }] },
        'eligibility.0.qualification',
      ],
      [{ eligibility: [{ type: 'region_in', regions: ['999999'] }] }, 'eligibility.0.regions'],
      [{ reviewFields: ['astrology'] }, 'reviewFields'],
    ];
    for (const [o, field] of cases) {
      const res = await post(o);
      expect(res.statusCode, JSON.stringify(o)).toBe(400);
      expect(res.json().error.field).toBe(field);
      expect(res.json().error.messages.en).toBeTruthy();
    }
    const c = await createCall(ctx, staff.cookie);
    const patched = await call(ctx.app, {
      method: 'PATCH',
      url: `${API}/calls/${c.id}`,
      cookie: staff.cookie,
      body: { fundingCap: '20', title: '改名' },
    });
    expect(patched.json()).toMatchObject({ fundingCap: '20.00', title: '改名', budget: '100.00' });
    const ent = await signedIn(ctx, 'enterprise');
    expect(
      (await call(ctx.app, { method: 'POST', url: `${API}/calls`, cookie: ent.cookie, body: callBody() }))
        .statusCode,
    ).toBe(403);
    expect((await call(ctx.app, { url: `${API}/calls/${c.id}`, cookie: ent.cookie })).statusCode).toBe(200);
    // 三员分立: an administrator is refused business routes outright, not answered an empty list.
    const sys = await signedIn(ctx, 'sysadmin');
    expect((await call(ctx.app, { url: `${API}/calls`, cookie: sys.cookie })).statusCode).toBe(403);
    expect((await call(ctx.app, { url: `${API}/calls/${c.id}`, cookie: sys.cookie })).statusCode).toBe(403);
    const programmes = await call(ctx.app, { url: `${API}/programs`, cookie: ent.cookie });
    expect(programmes.json().items.map((p: { code: string }) => p.code)).toContain('liaoyuan');
  });

  it('names each eligibility rule that fails, and refuses the submission', async () => {
    const { org, enterprise, staff } = await world(ctx, region.county);
    const c = await createCall(ctx, staff.cookie, {
      eligibility: [
        { type: 'valid_qualification', qualification: 'hte' },
        { type: 'region_in', regions: ['350583'] },
        { type: 'org_kind_in', kinds: ['university'] },
      ],
    });
    const app = (
      await apply(ctx, enterprise.cookie, {
        callId: c.id,
        summary: '简介',
        field: 'advanced-manufacturing',
        requestedAmount: '10',
      })
    ).json();
    const e = (
      await call(ctx.app, { url: `${API}/applications/${app.id}/eligibility`, cookie: enterprise.cookie })
    ).json();
    expect(e.eligible).toBe(false);
    expect(e.rules.map((r: { pass: boolean }) => r.pass)).toEqual([false, false, false]);
    expect(e.rules[0].why.zh).toContain('高新技术企业');
    expect(e.rules[1].why.zh).toContain(region.name);
    expect(e.rules[2].why.zh).toContain('企业');
    expect(e.missingAttachments.map((m: { code: string }) => m.code)).toEqual(['plan']);
    await upload(ctx, enterprise.cookie, app.id, 'plan', 'p.pdf', PDF);
    const refused = await act(ctx, enterprise.cookie, app.id, 'submit', { version: app.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.field).toBe('eligibility');
    expect(refused.json().error.messages.zh).toContain('南安');

    // A valid 高企 certificate makes the first rule pass; an expired one does not.
    await ctx.database.db.insert(qualifications).values([
      {
        orgId: org.id,
        regionCode: org.regionCode,
        typeCode: 'hte',
        issuedOn: '2015-01-01',
        validUntil: '2017-12-31',
      },
      {
        orgId: org.id,
        regionCode: org.regionCode,
        typeCode: 'hte',
        issuedOn: '2025-01-01',
        validUntil: '2027-12-31',
      },
    ]);
    const again = (
      await call(ctx.app, { url: `${API}/applications/${app.id}/eligibility`, cookie: enterprise.cookie })
    ).json();
    expect(again.rules[0]).toMatchObject({ pass: true });
    expect(again.rules[0].why.zh).toContain('2027-12-31');
  });

  it('limits applications per applicant, refuses closed calls and late submissions', async () => {
    const { enterprise, staff } = await world(ctx, region.county);
    const c = await createCall(ctx, staff.cookie, { maxPerApplicant: 1 });
    const first = await apply(ctx, enterprise.cookie, { callId: c.id, title: '第一项' });
    expect(first.statusCode).toBe(201);
    const second = await apply(ctx, enterprise.cookie, { callId: c.id, title: '第二项' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.field).toBe('callId');
    const future = await createCall(ctx, staff.cookie, {
      opensAt: new Date(Date.now() + 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
    });
    expect((await apply(ctx, enterprise.cookie, { callId: future.id })).statusCode).toBe(409);
    const tooMuch = await apply(ctx, (await world(ctx, region.county)).enterprise.cookie, {
      callId: c.id,
      requestedAmount: '51',
    });
    expect(tooMuch.json().error.field).toBe('requestedAmount');

    const app = first.json();
    await call(ctx.app, {
      method: 'PATCH',
      url: `${API}/applications/${app.id}`,
      cookie: enterprise.cookie,
      body: { version: 1, summary: '简介', field: 'advanced-manufacturing', requestedAmount: '10' },
    });
    await upload(ctx, enterprise.cookie, app.id, 'plan', 'p.pdf', PDF);
    await ctx.database.db
      .update(calls)
      .set({ opensAt: new Date(Date.now() - 5 * 86_400_000), closesAt: new Date(Date.now() - 60_000) })
      .where(eq(calls.id, c.id));
    const late = await act(ctx, enterprise.cookie, app.id, 'submit', { version: 2 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.field).toBe('closesAt');
  });

  it('keeps the budget of a call: proposals cannot together exceed it', async () => {
    const { org, staff } = await world(ctx, region.county);
    const c = await createCall(ctx, staff.cookie, { budget: '50', fundingCap: '30' });
    const a = await insertApplication(ctx, {
      callId: c.id,
      orgId: org.id,
      regionCode: org.regionCode,
      state: 'reviewed',
    });
    const b = await insertApplication(ctx, {
      callId: c.id,
      orgId: org.id,
      regionCode: org.regionCode,
      state: 'reviewed',
    });
    expect((await act(ctx, staff.cookie, a.id, 'propose', { version: 1, amount: '30' })).statusCode).toBe(
      200,
    );
    const over = await act(ctx, staff.cookie, b.id, 'propose', { version: 1, amount: '25' });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.messages.zh).toContain('尚余 20.00 万元');
    expect((await act(ctx, staff.cookie, b.id, 'propose', { version: 1, amount: '20' })).statusCode).toBe(
      200,
    );
    const budget = await call(ctx.app, {
      method: 'PATCH',
      url: `${API}/calls/${c.id}`,
      cookie: staff.cookie,
      body: { budget: '40' },
    });
    expect(budget.statusCode).toBe(409);
  });

  it('shows each role its own applications: scope in lists, 404 outside it', async () => {
    const { org, enterprise, county, staff, leader } = await world(ctx, region.county);
    const c = await createCall(ctx, staff.cookie, { maxPerApplicant: 10 });
    const nanan = await makeOrg(ctx, '350583');
    const zone = await makeOrg(ctx, region.zone);
    const mine = await insertApplication(ctx, {
      callId: c.id,
      orgId: org.id,
      regionCode: region.county,
      state: 'submitted',
    });
    const theirs = await insertApplication(ctx, {
      callId: c.id,
      orgId: nanan.id,
      regionCode: '350583',
      state: 'submitted',
    });
    const zoned = await insertApplication(ctx, {
      callId: c.id,
      orgId: zone.id,
      regionCode: region.zone,
      state: 'draft',
    });
    const q = `callId=${c.id}`;
    expect((await ids(ctx, staff.cookie, q)).sort()).toEqual([mine.id, theirs.id, zoned.id].sort());
    expect((await ids(ctx, leader.cookie, q)).sort()).toEqual([mine.id, theirs.id, zoned.id].sort());
    // The zone rolls up into its county; the other county sees only its own.
    expect((await ids(ctx, county.cookie, q)).sort()).toEqual([mine.id, zoned.id].sort());
    expect(await ids(ctx, county.cookie, `${q}&toRecommend=true`)).toEqual([mine.id]);
    expect(await ids(ctx, enterprise.cookie, q)).toEqual([mine.id]);
    const nananCounty = await signedIn(ctx, 'county', { regionCode: '350583' });
    expect(await ids(ctx, nananCounty.cookie, q)).toEqual([theirs.id]);
    expect(await ids(ctx, staff.cookie, `${q}&regionCode=${region.zone}`)).toEqual([zoned.id]);
    expect((await ids(ctx, staff.cookie, `${q}&regionCode=${region.county}`)).sort()).toEqual(
      [mine.id, zoned.id].sort(),
    );
    expect(await ids(ctx, staff.cookie, `${q}&state=draft`)).toEqual([zoned.id]);

    const get = (cookie: string, id: string) => call(ctx.app, { url: `${API}/applications/${id}`, cookie });
    expect((await get(county.cookie, theirs.id)).statusCode).toBe(404);
    expect((await get(enterprise.cookie, theirs.id)).statusCode).toBe(404);
    const other = await signedIn(ctx, 'enterprise');
    expect((await get(other.cookie, mine.id)).statusCode).toBe(404);
    expect(
      (await call(ctx.app, { url: `${API}/applications/${mine.id}/eligibility`, cookie: other.cookie }))
        .statusCode,
    ).toBe(404);
    const detail = (await get(county.cookie, mine.id)).json();
    expect(detail.actions).toEqual(['recommend', 'county_return']);
    expect((await get(enterprise.cookie, mine.id)).json().actions).toEqual(['withdraw']);
    expect((await get(staff.cookie, mine.id)).json().actions).toEqual([]);
  });

  it('lets only the applicant edit, and only a draft or a returned application', async () => {
    const { org, enterprise, county, staff } = await world(ctx, region.county);
    const c = await createCall(ctx, staff.cookie, { maxPerApplicant: 10 });
    const app = await insertApplication(ctx, {
      callId: c.id,
      orgId: org.id,
      regionCode: org.regionCode,
      state: 'submitted',
    });
    const patch = (cookie: string, version: number) =>
      call(ctx.app, {
        method: 'PATCH',
        url: `${API}/applications/${app.id}`,
        cookie,
        body: { version, title: '新标题' },
      });
    expect((await patch(enterprise.cookie, 1)).statusCode).toBe(409);
    expect((await patch(county.cookie, 1)).statusCode).toBe(403);
    await setApplication(ctx, app.id, { state: 'returned' });
    const ok = await patch(enterprise.cookie, 1);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ title: '新标题', version: 2 });
    expect((await patch(enterprise.cookie, 1)).statusCode).toBe(409);
    const colleague = await signedIn(ctx, 'enterprise', { orgId: org.id });
    expect((await patch(colleague.cookie, 2)).statusCode).toBe(200);
    expect((await patch((await signedIn(ctx, 'enterprise')).cookie, 3)).statusCode).toBe(404);
  });
});
