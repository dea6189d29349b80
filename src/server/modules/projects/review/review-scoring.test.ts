import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { applications, auditLog, reviewAssignments } from '../../../db/schema';
import { verifyAuditChain } from '../../../platform/audit';
import { describeEachDb, signedIn } from '../../../test/harness';
import { prepare } from '../../../test/projects-fixtures';
import {
  addExpert,
  COMMENT,
  declareAndSubmit,
  draw,
  panel,
  queue,
  registerOrg,
  reviewApplication,
  reviewCall,
  send,
  type TestExpert,
} from '../../../test/review-fixtures';

async function storedPanelScore(ctx: Parameters<typeof prepare>[0], id: string) {
  const [row] = await ctx.database.db
    .select({ panelScore: applications.panelScore })
    .from(applications)
    .where(eq(applications.id, id));
  return row.panelScore;
}

describeEachDb('projects: expert scores', (ctx) => {
  let staff: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    await prepare(ctx);
    staff = await signedIn(ctx, 'staff');
  });

  it('drops the highest and the lowest of five totals, and stores the panel score when all are in', async () => {
    const F = 'hitech-services';
    const org = await registerOrg(ctx, staff.cookie);
    const experts: TestExpert[] = [];
    for (let i = 0; i < 5; i++) experts.push(await addExpert(ctx, staff.cookie, F));
    const c = await reviewCall(ctx, staff.cookie, 5);
    const app = await reviewApplication(ctx, c.id, org, F);
    expect((await draw(ctx, staff.cookie, c.id)).assigned).toBe(5);

    // Totals 95, 81, 72, 64, 40: the panel keeps 81, 72 and 64.
    const scores = [
      { innovation: 57, benefit: 38 },
      { innovation: 50, benefit: 31 },
      { innovation: 42, benefit: 30 },
      { innovation: 40, benefit: 24 },
      { innovation: 20, benefit: 20 },
    ];
    const reviewOf = new Map<string, string>();
    for (const [i, e] of experts.entries()) {
      const [review] = (await queue(ctx, e.cookie)).items;
      reviewOf.set(e.id, review.id);
      const res = await declareAndSubmit(ctx, e.cookie, review.id, scores[i]);
      expect(res.statusCode, res.body).toBe(200);
      expect(await storedPanelScore(ctx, app.id)).toBe(i < 4 ? null : '72.33');
    }
    const p = await panel(ctx, staff.cookie, app.id);
    expect(p).toMatchObject({ panelScore: 72.33, trimmed: true, active: 5 });
    const dropped = Object.fromEntries(p.experts.map((x) => [x.id, x.dropped]));
    expect(dropped[reviewOf.get(experts[0].id)!]).toBe('highest');
    expect(dropped[reviewOf.get(experts[4].id)!]).toBe('lowest');
    expect(p.experts.filter((x) => x.dropped === null)).toHaveLength(3);

    // Replacing a scored expert takes the score out until the substitute has scored too.
    const sixth = await addExpert(ctx, staff.cookie, F);
    const replaced = await send(
      ctx,
      staff.cookie,
      'POST',
      `/assignments/${reviewOf.get(experts[4].id)}/replace`,
      {
        reason: '评分后发现与申报单位存在合作关系',
      },
    );
    expect(replaced.json().substitute.expertId).toBe(sixth.id);
    expect(await storedPanelScore(ctx, app.id)).toBeNull();
    const [review] = (await queue(ctx, sixth.cookie)).items;
    expect(
      (await declareAndSubmit(ctx, sixth.cookie, review.id, { innovation: 45, benefit: 35 })).statusCode,
    ).toBe(200);
    // 95, 81, 80, 72, 64 → 81, 80, 72.
    expect(await storedPanelScore(ctx, app.id)).toBe('77.67');
    const audit = await ctx.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'review_assignment'), eq(auditLog.targetId, review.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['review.declare-no-conflict', 'review.submit']);
  });

  it('keeps the mean of fewer than five untrimmed, and refuses scores once the review is closed', async () => {
    const F = 'new-energy-saving';
    const org = await registerOrg(ctx, staff.cookie);
    const experts = [await addExpert(ctx, staff.cookie, F), await addExpert(ctx, staff.cookie, F)];
    const c = await reviewCall(ctx, staff.cookie, 2);
    const app = await reviewApplication(ctx, c.id, org, F);
    await draw(ctx, staff.cookie, c.id);
    const [r1] = (await queue(ctx, experts[0].cookie)).items;
    const [r2] = (await queue(ctx, experts[1].cookie)).items;
    await declareAndSubmit(ctx, experts[0].cookie, r1.id, { innovation: 60, benefit: 40 });
    const declared = await send(ctx, experts[1].cookie, 'POST', `/reviews/${r2.id}/declare-no-conflict`);
    await ctx.database.db.update(applications).set({ state: 'reviewed' }).where(eq(applications.id, app.id));
    const late = await send(ctx, experts[1].cookie, 'POST', `/reviews/${r2.id}/submit`, {
      scores: { innovation: 30, benefit: 20 },
      comment: COMMENT,
      version: declared.json().version,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.field).toBe('state');
    const p = await panel(ctx, staff.cookie, app.id);
    expect(p).toMatchObject({ panelScore: 100, trimmed: false });
  });

  it('takes 200 concurrent submissions without an error or a lost score', async () => {
    const F = 'resources-environment';
    const orgs = [await registerOrg(ctx, staff.cookie), await registerOrg(ctx, staff.cookie)];
    const experts: TestExpert[] = [];
    experts.push(...(await Promise.all(Array.from({ length: 20 }, () => addExpert(ctx, staff.cookie, F)))));
    const c = await reviewCall(ctx, staff.cookie, 5);
    const apps = [];
    for (let i = 0; i < 40; i++) apps.push(await reviewApplication(ctx, c.id, orgs[i % 2], F));
    expect((await draw(ctx, staff.cookie, c.id)).assigned).toBe(200);

    const queues = await Promise.all(experts.map(async (e) => ({ e, mine: await queue(ctx, e.cookie) })));
    expect(queues.map((q) => q.mine.total)).toEqual(experts.map(() => 10));
    const work = await Promise.all(
      queues.flatMap(({ e, mine }) =>
        mine.items.map(async (r) => {
          const declared = await send(ctx, e.cookie, 'POST', `/reviews/${r.id}/declare-no-conflict`);
          expect(declared.statusCode, declared.body).toBe(200);
          return { cookie: e.cookie, id: r.id, version: declared.json().version as number };
        }),
      ),
    );
    const results = await Promise.all(
      work.map((w, i) =>
        send(ctx, w.cookie, 'POST', `/reviews/${w.id}/submit`, {
          scores: { innovation: 30 + (i % 30), benefit: 20 + (i % 20) },
          comment: COMMENT,
          version: w.version,
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode !== 200).map((r) => r.body)).toEqual([]);
    const ids = apps.map((a) => a.id);
    const [{ n }] = await ctx.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(reviewAssignments)
      .where(and(inArray(reviewAssignments.applicationId, ids), eq(reviewAssignments.status, 'submitted')));
    expect(n).toBe(200);
    // Every application's five scores arrived together, yet each got its panel score.
    const scored = await ctx.database.db
      .select({ id: applications.id })
      .from(applications)
      .where(and(inArray(applications.id, ids), sql`${applications.panelScore} is not null`));
    expect(scored).toHaveLength(40);
    // Each submission left its one entry, and the chain they were appended to still verifies.
    const entries = await ctx.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'review.submit'),
          inArray(
            auditLog.targetId,
            work.map((w) => w.id),
          ),
        ),
      );
    expect(entries[0].n).toBe(200);
    expect((await verifyAuditChain(ctx.database.db)).ok).toBe(true);
  }, 120_000);
});
