import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { notifications } from '../../../db/schema';
import { describeEachDb, signedIn } from '../../../test/harness';
import { setApplication } from '../../../test/projects-fixtures';
import {
  addConflict,
  addExpert,
  draw,
  panel,
  queue,
  registerOrg,
  reviewApplication,
  reviewCall,
  send,
} from '../../../test/review-fixtures';

const F = 'aerospace';

describeEachDb('projects: staff appoint a named substitute expert', (ctx) => {
  let staff: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    staff = await signedIn(ctx, 'staff');
  });

  async function drawnPanel() {
    const org = await registerOrg(ctx, staff.cookie);
    const c = await reviewCall(ctx, staff.cookie, 1);
    const app = await reviewApplication(ctx, c.id, org, F);
    await addExpert(ctx, staff.cookie, F, {}, false);
    await draw(ctx, staff.cookie, c.id);
    const [first] = (await panel(ctx, staff.cookie, app.id)).experts;
    return { org, app, first };
  }

  it('replaces an expert with the one staff name, with the reason, and tells that expert', async () => {
    const { app, first } = await drawnPanel();
    const chosen = await addExpert(ctx, staff.cookie, F);
    const res = await send(ctx, staff.cookie, 'POST', `/assignments/${first.id}/replace`, {
      reason: '原专家出差无法参加评审',
      expertId: chosen.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      replaced: { id: first.id, status: 'replaced', replacedReason: '原专家出差无法参加评审' },
      substitute: { expertId: chosen.id, expertName: chosen.name, status: 'assigned' },
      shortfall: null,
    });
    const after = await panel(ctx, staff.cookie, app.id);
    expect(after.experts.filter((x) => x.status !== 'replaced').map((x) => x.expertId)).toEqual([chosen.id]);
    expect((await queue(ctx, chosen.cookie)).items.map((r) => r.applicationId)).toEqual([app.id]);
    const told = await ctx.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, chosen.userId!), eq(notifications.kind, 'review_assigned')));
    expect(told).toHaveLength(1);
  });

  it('refuses an expert out of the pool, already on the panel, or with a conflict of interest', async () => {
    const { org, app, first } = await drawnPanel();
    const replace = (expertId: string) =>
      send(ctx, staff.cookie, 'POST', `/assignments/${first.id}/replace`, {
        reason: '需要更换专家',
        expertId,
      });

    const retired = await addExpert(ctx, staff.cookie, F, {}, false);
    await send(ctx, staff.cookie, 'PATCH', `/experts/${retired.id}`, { active: false });
    const conflicted = await addExpert(ctx, staff.cookie, F, {}, false);
    await addConflict(ctx, staff.cookie, conflicted.id, { orgId: org.id, reason: 'collaboration' });
    const colleague = await addExpert(ctx, staff.cookie, F, { orgId: org.id }, false);
    const cases: [string, string][] = [
      ['00000000-0000-4000-8000-000000000000', '不在专家库'],
      [retired.id, '已不在库'],
      [first.expertId, '已在（或曾在）'],
      [conflicted.id, '利益冲突'],
      [colleague.id, '利益冲突'],
    ];
    for (const [expertId, says] of cases) {
      const res = await replace(expertId);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.field).toBe('expertId');
      expect(res.json().error.messages.zh).toContain(says);
    }
    // Nothing changed on the panel.
    expect((await panel(ctx, staff.cookie, app.id)).experts).toMatchObject([
      { id: first.id, status: 'assigned' },
    ]);

    // Once the review is closed, no more replacing.
    await setApplication(ctx, app.id, { state: 'reviewed' });
    const fresh = await addExpert(ctx, staff.cookie, F, {}, false);
    expect((await replace(fresh.id)).statusCode).toBe(409);
    // Only staff.
    const reviewer = await signedIn(ctx, 'expert');
    expect(
      (
        await send(ctx, reviewer.cookie, 'POST', `/assignments/${first.id}/replace`, {
          reason: '需要更换专家',
          expertId: fresh.id,
        })
      ).statusCode,
    ).toBe(403);
  });
});
