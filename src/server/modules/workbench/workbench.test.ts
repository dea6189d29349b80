import { beforeAll, expect, it } from 'vitest';
import { experts, notifications, orgAnnualStats, qualifications, reviewAssignments } from '../../db/schema';
import { clock } from '../../platform/clock';
import { registeredContract } from '../../test/contracts-fixtures';
import { createCall, type FreshRegion, freshRegion, makeOrg } from '../../test/factories';
import { call, describeEachDb, signedIn, type TestContext, uniq } from '../../test/harness';
import { insertApplication, prepare } from '../../test/projects-fixtures';

const API = '/api/v1/workbench';

/** The counts a signed-in user's workbench shows, by key. */
async function counts(ctx: TestContext, cookie: string) {
  const res = await call(ctx.app, { url: API, cookie });
  expect(res.statusCode, res.body).toBe(200);
  const items = res.json().items as { key: string; count: number; path: string; menuKey: string }[];
  return { items, by: Object.fromEntries(items.map((i) => [i.key, i.count])) as Record<string, number> };
}

/** A China date some days from today. */
function daysFromToday(days: number): string {
  const d = new Date(`${clock.today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describeEachDb('workbench: what waits for each user', (ctx) => {
  let region: FreshRegion;
  let callId: string;

  beforeAll(async () => {
    await prepare(ctx);
    region = await freshRegion(ctx);
    const staff = await signedIn(ctx, 'staff');
    callId = (await createCall(ctx, staff.cookie)).id;
  });

  it('asks for a session', async () => {
    expect((await call(ctx.app, { url: API })).statusCode).toBe(401);
    expect((await call(ctx.app, { url: `${API}/data-years` })).statusCode).toBe(401);
  });

  it('gives an administrator only their own notifications, no business counts', async () => {
    const admin = await signedIn(ctx, 'sysadmin');
    const { items } = await counts(ctx, admin.cookie);
    expect(items.map((i) => i.key)).toEqual(['unread']);
  });

  it("counts a county's queue and expiring qualifications within its county only", async () => {
    const mine = await makeOrg(ctx, region.zone);
    const other = await makeOrg(ctx, '350582');
    for (const orgId of [mine.id, mine.id]) {
      await insertApplication(ctx, { callId, orgId, regionCode: region.zone, state: 'submitted' });
    }
    await insertApplication(ctx, { callId, orgId: mine.id, regionCode: region.zone, state: 'returned' });
    await insertApplication(ctx, { callId, orgId: other.id, regionCode: '350582', state: 'submitted' });
    const q = (orgId: string, regionCode: string, validUntil: string) => ({
      orgId,
      regionCode,
      typeCode: 'hte',
      issuedOn: '2020-01-01',
      validUntil,
      certificateNo: uniq('GR'),
    });
    await ctx.database.db
      .insert(qualifications)
      .values([
        q(mine.id, region.zone, daysFromToday(30)),
        q(mine.id, region.county, daysFromToday(200)),
        q(mine.id, region.county, daysFromToday(-3)),
        q(other.id, '350582', daysFromToday(10)),
      ]);

    // A technology contract of a seller in the county's zone, awaiting the county's registration.
    await registeredContract(ctx, {
      regionCode: region.zone,
      registeredOn: '2020-05-01',
      amount: 10,
      pending: { registrarRegion: region.county },
    });
    const county = await signedIn(ctx, 'county', { regionCode: region.county });
    const { items, by } = await counts(ctx, county.cookie);
    expect(items.map((i) => i.key)).toEqual(['toRecommend', 'toRegister', 'toOnboard', 'expiring', 'unread']);
    expect(by).toEqual({ toRecommend: 2, toRegister: 1, toOnboard: 0, expiring: 1, unread: 0 });
    expect(items.find((i) => i.key === 'toRegister')).toMatchObject({
      path: `/contracts?status=submitted&registrarRegion=${region.county}`,
      menuKey: 'contracts-list',
    });
    expect(items.find((i) => i.key === 'toRecommend')).toMatchObject({
      path: '/projects/recommend',
      menuKey: 'projects-recommend',
    });
    expect(items.find((i) => i.key === 'expiring')?.path).toBe('/registry/expiry?expiresWithin=90');

    // Another county's account sees none of these.
    const elsewhere = await signedIn(ctx, 'county', { regionCode: (await freshRegion(ctx)).county });
    expect((await counts(ctx, elsewhere.cookie)).by).toEqual({
      toRecommend: 0,
      toRegister: 0,
      toOnboard: 0,
      expiring: 0,
      unread: 0,
    });
  });

  it("counts an applicant's returned applications and drafts, and unread notifications", async () => {
    const org = await makeOrg(ctx, region.county);
    await insertApplication(ctx, { callId, orgId: org.id, regionCode: region.county, state: 'returned' });
    await insertApplication(ctx, { callId, orgId: org.id, regionCode: region.county, state: 'draft' });
    await insertApplication(ctx, { callId, orgId: org.id, regionCode: region.county, state: 'draft' });
    await insertApplication(ctx, { callId, orgId: org.id, regionCode: region.county, state: 'submitted' });
    const enterprise = await signedIn(ctx, 'enterprise', { orgId: org.id });
    await ctx.database.db.insert(notifications).values([
      { userId: enterprise.user.id, kind: 'test', title: { zh: '待办', en: 'To do' }, dedupeKey: uniq('k') },
      {
        userId: enterprise.user.id,
        kind: 'test',
        title: { zh: '已读', en: 'Read' },
        dedupeKey: uniq('k'),
        readAt: new Date(),
      },
    ]);
    const { items, by } = await counts(ctx, enterprise.cookie);
    expect(by).toMatchObject({ toCorrect: 1, drafts: 2, unread: 1 });
    expect(by.toRecommend).toBeUndefined();
    expect(by.toApprove).toBeUndefined();
    expect(items.find((i) => i.key === 'toCorrect')?.path).toBe('/projects/my-applications?state=returned');
  });

  it("counts the leader's approvals and the staff's formal checks city-wide", async () => {
    const leader = await signedIn(ctx, 'leader');
    const staff = await signedIn(ctx, 'staff');
    const before = (await counts(ctx, leader.cookie)).by;
    const staffBefore = (await counts(ctx, staff.cookie)).by;
    const org = await makeOrg(ctx, region.county);
    await insertApplication(ctx, { callId, orgId: org.id, regionCode: region.county, state: 'proposed' });
    await insertApplication(ctx, { callId, orgId: org.id, regionCode: region.county, state: 'recommended' });
    const after = await counts(ctx, leader.cookie);
    const staffAfter = (await counts(ctx, staff.cookie)).by;
    expect(after.items.map((i) => i.key)).toEqual(['toApprove', 'expiring', 'unread']);
    expect(after.items[0]).toMatchObject({ path: '/projects/approvals', menuKey: 'projects-approvals' });
    // Other files write to a shared PostgreSQL at the same time: there the count only grows.
    if (ctx.driver === 'pglite') {
      expect(after.by.toApprove).toBe(before.toApprove + 1);
      expect(staffAfter.toCheck).toBe(staffBefore.toCheck + 1);
    } else {
      expect(after.by.toApprove).toBeGreaterThanOrEqual(before.toApprove + 1);
      expect(staffAfter.toCheck).toBeGreaterThanOrEqual(staffBefore.toCheck + 1);
    }
    expect(staffAfter.toApprove).toBeUndefined();
  });

  it("counts an expert's open reviews only", async () => {
    const expertUser = await signedIn(ctx, 'expert');
    const org = await makeOrg(ctx, region.county);
    const reviewing = await insertApplication(ctx, {
      callId,
      orgId: org.id,
      regionCode: region.county,
      state: 'expert_review',
    });
    const [expert] = await ctx.database.db
      .insert(experts)
      .values({ name: uniq('专家'), fields: [], userId: expertUser.user.id })
      .returning();
    await ctx.database.db
      .insert(reviewAssignments)
      .values([{ applicationId: reviewing.id, expertId: expert.id, status: 'assigned' }]);
    const done = await insertApplication(ctx, {
      callId,
      orgId: org.id,
      regionCode: region.county,
      state: 'expert_review',
    });
    await ctx.database.db.insert(reviewAssignments).values([
      {
        applicationId: done.id,
        expertId: expert.id,
        status: 'submitted',
        total: '80',
        scores: {},
        submittedAt: new Date(),
      },
    ]);
    const { by } = await counts(ctx, expertUser.cookie);
    expect(by).toEqual({ toReview: 1, unread: 0 });
  });

  it('names the newest year with data as the default, and no year still to come', async () => {
    const org = await makeOrg(ctx, region.county);
    const future = clock.year() + 5;
    await ctx.database.db.insert(orgAnnualStats).values([
      { orgId: org.id, year: 1991, regionCode: region.county },
      { orgId: org.id, year: 1993, regionCode: region.county },
      { orgId: org.id, year: future, regionCode: region.county },
    ]);
    const admin = await signedIn(ctx, 'enterprise', { orgId: org.id });
    const res = await call(ctx.app, { url: `${API}/data-years`, cookie: admin.cookie });
    expect(res.statusCode, res.body).toBe(200);
    const { years, latest } = res.json() as { years: number[]; latest: number };
    expect(years).toEqual(expect.arrayContaining([1993, 1991]));
    expect(years).not.toContain(future);
    expect([...years].sort((a, b) => b - a)).toEqual(years);
    expect(latest).toBe(years[0]);
    if (ctx.driver === 'pglite') expect(years).toEqual([1993, 1991]);
  });
});
