import { eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { notifications } from '../../../db/schema';
import { createCall, type FreshRegion, freshRegion, world } from '../../../test/factories';
import { call, describeEachDb, signedIn } from '../../../test/harness';
import { API, insertApplication, prepare } from '../../../test/projects-fixtures';
import { remindDeadlines } from './notifications';

const DAY = 86_400_000;

describeEachDb('projects: notifications and deadline reminders', (ctx) => {
  let region: FreshRegion;
  beforeAll(async () => {
    await prepare(ctx);
    region = await freshRegion(ctx);
  });

  it('reminds each applicant account once of a call closing within three days', async () => {
    const { org, enterprise, staff } = await world(ctx, region.county);
    const colleague = await signedIn(ctx, 'enterprise', { orgId: org.id });
    const soon = await createCall(ctx, staff.cookie, {
      maxPerApplicant: 10,
      closesAt: new Date(Date.now() + 2 * DAY).toISOString(),
    });
    const later = await createCall(ctx, staff.cookie, { maxPerApplicant: 10 });
    const base = { orgId: org.id, regionCode: org.regionCode };
    const draft = await insertApplication(ctx, { ...base, callId: soon.id, state: 'draft' });
    const returned = await insertApplication(ctx, { ...base, callId: soon.id, state: 'returned' });
    await insertApplication(ctx, { ...base, callId: soon.id, state: 'submitted' });
    await insertApplication(ctx, { ...base, callId: later.id, state: 'draft' });

    const mine = () =>
      ctx.database.db
        .select()
        .from(notifications)
        .where(inArray(notifications.userId, [enterprise.user.id, colleague.user.id]));
    await remindDeadlines(ctx.database.db);
    const first = await mine();
    expect(first).toHaveLength(4);
    expect(new Set(first.map((n) => n.link))).toEqual(
      new Set([`/projects/applications/${draft.id}`, `/projects/applications/${returned.id}`]),
    );
    expect(first[0].dedupeKey).toMatch(/^deadline:/);
    await remindDeadlines(ctx.database.db);
    await remindDeadlines(ctx.database.db, new Date(Date.now() + 3_600_000));
    expect(await mine()).toHaveLength(4);
    // After the call has closed nobody is reminded any more.
    const other = await world(ctx, region.county);
    const closing = await createCall(ctx, staff.cookie, {
      closesAt: new Date(Date.now() + DAY).toISOString(),
    });
    await insertApplication(ctx, {
      orgId: other.org.id,
      regionCode: other.org.regionCode,
      callId: closing.id,
      state: 'draft',
    });
    await remindDeadlines(ctx.database.db, new Date(Date.now() + 2 * DAY));
    const none = await ctx.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, other.enterprise.user.id));
    expect(none).toHaveLength(0);
  });

  it('lists one’s own notifications, unread first, and marks them read', async () => {
    const { org, enterprise, staff } = await world(ctx, region.county);
    const c = await createCall(ctx, staff.cookie, {
      maxPerApplicant: 10,
      closesAt: new Date(Date.now() + DAY).toISOString(),
    });
    await insertApplication(ctx, { orgId: org.id, regionCode: org.regionCode, callId: c.id, state: 'draft' });
    await insertApplication(ctx, { orgId: org.id, regionCode: org.regionCode, callId: c.id, state: 'draft' });
    await remindDeadlines(ctx.database.db);
    const list = async (cookie: string) =>
      (await call(ctx.app, { url: `${API}/notifications`, cookie })).json();
    const before = await list(enterprise.cookie);
    expect(before).toMatchObject({ total: 2, unread: 2 });
    const stranger = await signedIn(ctx, 'enterprise');
    const [a, b] = before.items;
    expect(
      (
        await call(ctx.app, {
          method: 'POST',
          url: `${API}/notifications/${a.id}/read`,
          cookie: stranger.cookie,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await call(ctx.app, {
          method: 'POST',
          url: `${API}/notifications/${b.id}/read`,
          cookie: enterprise.cookie,
        })
      ).statusCode,
    ).toBe(200);
    const after = await list(enterprise.cookie);
    expect(after.unread).toBe(1);
    expect(after.items.map((n: { id: string; read: boolean }) => [n.id, n.read])).toEqual([
      [a.id, false],
      [b.id, true],
    ]);
    await call(ctx.app, { method: 'POST', url: `${API}/notifications/read-all`, cookie: enterprise.cookie });
    expect((await list(enterprise.cookie)).unread).toBe(0);
    expect((await list(stranger.cookie)).total).toBe(0);
  });

  it('lets every signed-in user read their own notifications, whatever their role', async () => {
    for (const role of ['sysadmin', 'auditadmin', 'leader', 'county', 'expert', 'institution'] as const) {
      const user = await signedIn(ctx, role);
      const res = await call(ctx.app, { url: `${API}/notifications`, cookie: user.cookie });
      expect(res.statusCode, role).toBe(200);
      expect(res.json()).toMatchObject({ total: 0, unread: 0, items: [] });
      const all = await call(ctx.app, {
        method: 'POST',
        url: `${API}/notifications/read-all`,
        cookie: user.cookie,
      });
      expect(all.statusCode, role).toBe(200);
    }
    expect((await call(ctx.app, { url: `${API}/notifications` })).statusCode).toBe(401);
  });
});
