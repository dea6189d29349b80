import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { notifications, organizations, reviewAssignments } from '../../../db/schema';
import { describeEachDb, signedIn, uniq } from '../../../test/harness';
import { insertApplication, prepare } from '../../../test/projects-fixtures';
import {
  addConflict,
  addExpert,
  COMMENT,
  draw,
  isolatePool,
  panel,
  queue,
  registerOrg,
  reviewApplication,
  reviewCall,
  send,
  yearsAgo,
} from '../../../test/review-fixtures';

describeEachDb('projects: expert review', (ctx) => {
  let staff: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    await prepare(ctx);
    staff = await signedIn(ctx, 'staff');
  });

  it('finds a call’s applications by a word of the title or of the applicant’s name, in any case', async () => {
    const org = await registerOrg(ctx, staff.cookie);
    const c = await reviewCall(ctx, staff.cookie, 1);
    const mark = uniq('Led').slice(0, 8);
    const app = await insertApplication(ctx, {
      callId: c.id,
      orgId: org.id,
      regionCode: org.regionCode,
      state: 'expert_review',
      title: `基于${mark}的驱动芯片研发`,
    });
    await insertApplication(ctx, {
      callId: c.id,
      orgId: org.id,
      regionCode: org.regionCode,
      title: '另一项目',
    });
    const found = async (q: string) => {
      const res = await send(
        ctx,
        staff.cookie,
        'GET',
        `/applications?callId=${c.id}&q=${encodeURIComponent(q)}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: { id: string }[]; total: number }).items.map((x) => x.id);
    };
    expect(await found(mark.toUpperCase())).toEqual([app.id]);
    expect(await found(mark.toLowerCase())).toEqual([app.id]);
    expect(await found('驱动芯片')).toEqual([app.id]);
    // The applicant's name (here its Chinese part, then its Latin part) matches both applications.
    expect(await found('评审测试单位')).toHaveLength(2);
    expect(await found(org.name.slice(-6).toUpperCase())).toHaveLength(2);
    // Wildcards typed are taken literally.
    expect(await found('驱动%研发')).toEqual([]);
    expect(await found('芯_')).toEqual([]);
    // The characters may all be there without the word: 研发 and 芯片 do not make 芯研.
    expect(await found('芯研')).toEqual([]);
    // A renamed applicant is found by its new name, no longer by the old one.
    const renamed = `${uniq('更名')}科技有限公司`;
    await ctx.database.db.update(organizations).set({ name: renamed }).where(eq(organizations.id, org.id));
    expect(await found(renamed)).toHaveLength(2);
    expect(await found(org.name)).toEqual([]);
  });

  it('stops counting a broad keyword past 2,000 and says so; a narrower one counts exactly', async () => {
    const org = await registerOrg(ctx, staff.cookie);
    const c = await reviewCall(ctx, staff.cookie, 1);
    const mark = uniq('宽泛');
    await ctx.database.db.execute(
      sql`insert into applications (call_id, org_id, region_code, title, state)
          select ${c.id}, ${org.id}, ${org.regionCode}, ${mark} || '项目' || i, case when i <= 3 then 'submitted' else 'draft' end
          from generate_series(1, 2001) i`,
    );
    const list = async (query: string) => {
      const res = await send(ctx, staff.cookie, 'GET', `/applications?callId=${c.id}&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: unknown[]; total: number; totalCapped: boolean };
    };
    expect(await list(`q=${encodeURIComponent(mark)}&pageSize=5`)).toMatchObject({
      total: 2000,
      totalCapped: true,
    });
    // Every page can still be read.
    expect((await list(`q=${encodeURIComponent(mark)}&pageSize=100&page=21`)).items).toHaveLength(1);
    expect(await list(`q=${encodeURIComponent(mark)}&state=submitted`)).toMatchObject({
      total: 3,
      totalCapped: false,
    });
    // Without a keyword the count is exact.
    expect(await list('pageSize=1')).toMatchObject({ total: 2001, totalCapped: false });
  });

  it('draws avoiding every conflict of interest, spreads the load and names shortfalls', async () => {
    const F = 'new-materials';
    const [applicant, other, employer] = await Promise.all([
      registerOrg(ctx, staff.cookie),
      registerOrg(ctx, staff.cookie),
      registerOrg(ctx, staff.cookie),
    ]);
    const own = await addExpert(ctx, staff.cookie, F, { orgId: applicant.id });
    const declared = await addExpert(ctx, staff.cookie, F, { orgId: employer.id });
    await addConflict(ctx, staff.cookie, declared.id, { orgId: applicant.id, reason: 'declared' });
    const collaborated = await addExpert(ctx, staff.cookie, F, { orgId: employer.id });
    await addConflict(ctx, staff.cookie, collaborated.id, { orgId: applicant.id, reason: 'collaboration' });
    const formerRecent = await addExpert(ctx, staff.cookie, F, { orgId: employer.id });
    await addConflict(ctx, staff.cookie, formerRecent.id, {
      orgId: applicant.id,
      reason: 'employment',
      endedOn: yearsAgo(2),
    });
    const formerLongAgo = await addExpert(ctx, staff.cookie, F, { orgId: employer.id });
    await addConflict(ctx, staff.cookie, formerLongAgo.id, {
      orgId: applicant.id,
      reason: 'employment',
      endedOn: yearsAgo(3, 1),
    });
    const clean = [await addExpert(ctx, staff.cookie, F), await addExpert(ctx, staff.cookie, F, {}, false)];
    const conflicted = [own, declared, collaborated, formerRecent].map((x) => x.id);
    const pool = [...conflicted, formerLongAgo.id, ...clean.map((x) => x.id)];

    const c = await reviewCall(ctx, staff.cookie, 3);
    const appA = await reviewApplication(ctx, c.id, applicant, F);
    const others = [];
    for (let i = 0; i < 4; i++) others.push(await reviewApplication(ctx, c.id, other, F));
    const summary = await draw(ctx, staff.cookie, c.id);
    expect(summary).toMatchObject({ applications: 5, assigned: 15, outOfField: 0, shortfalls: [] });

    const rows = await ctx.database.db
      .select()
      .from(reviewAssignments)
      .where(inArray(reviewAssignments.applicationId, [appA.id, ...others.map((o) => o.id)]));
    const onA = rows.filter((r) => r.applicationId === appA.id).map((r) => r.expertId);
    // Own organisation, declared interest, collaboration and employment within three years are
    // avoided; employment ended more than three years ago is not.
    expect(onA.sort()).toEqual([formerLongAgo.id, ...clean.map((x) => x.id)].sort());
    for (const o of others)
      expect(new Set(rows.filter((r) => r.applicationId === o.id).map((r) => r.expertId)).size).toBe(3);
    // 15 reviews over 7 experts: everyone has 2 or 3.
    const loads = pool.map((id) => rows.filter((r) => r.expertId === id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    const listed = await send(ctx, staff.cookie, 'GET', `/experts?field=${F}&active=true&pageSize=200`);
    const loadOf = new Map(listed.json().items.map((x: { id: string; load: number }) => [x.id, x.load]));
    expect(pool.map((id) => loadOf.get(id))).toEqual(loads);

    // The expert with an account is told; drawing again finds nothing left to do.
    const told = await ctx.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, clean[0].userId!), eq(notifications.kind, 'review_assigned')));
    expect(told).toHaveLength(1);
    expect(await draw(ctx, staff.cookie, c.id)).toMatchObject({ applications: 0, assigned: 0 });

    // Five experts wanted where only three of the field may review: the field runs short, and
    // without experts of other fields to fall back on, the shortfall is named with its reason.
    const big = await reviewCall(ctx, staff.cookie, 5);
    const appB = await reviewApplication(ctx, big.id, applicant, F);
    const isolated = await isolatePool(ctx, pool);
    const short = await draw(ctx, staff.cookie, big.id);
    expect(short.assigned - short.outOfField).toBe(3);
    const onB = await ctx.database.db
      .select({ expertId: reviewAssignments.expertId })
      .from(reviewAssignments)
      .where(eq(reviewAssignments.applicationId, appB.id));
    expect(onB.filter((r) => conflicted.includes(r.expertId))).toEqual([]);
    if (isolated) {
      expect(short.shortfalls).toEqual([
        expect.objectContaining({ applicationId: appB.id, title: appB.title, reason: 'conflicts' }),
      ]);
      expect(short.shortfalls[0].message).toContain('回避');
    }
  });

  it('shows an expert only their own reviews and 404s the rest', async () => {
    const F = 'electronic-info';
    const org = await registerOrg(ctx, staff.cookie);
    const [e1, e2, e3] = [
      await addExpert(ctx, staff.cookie, F),
      await addExpert(ctx, staff.cookie, F),
      await addExpert(ctx, staff.cookie, F),
    ];
    const c = await reviewCall(ctx, staff.cookie, 2);
    const apps = [await reviewApplication(ctx, c.id, org, F), await reviewApplication(ctx, c.id, org, F)];
    await draw(ctx, staff.cookie, c.id);
    const mine = await queue(ctx, e1.cookie);
    const theirs = await queue(ctx, e2.cookie);
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((x) => x.expertId === e1.id)).toBe(true);
    expect(theirs.items.every((x) => x.expertId === e2.id)).toBe(true);
    // Asking for an application's panel does not widen an expert's view.
    const filtered = await queue(ctx, e1.cookie, `&applicationId=${apps[0].id}`);
    expect(filtered.items.every((x) => x.expertId === e1.id)).toBe(true);

    const own = await send(ctx, e1.cookie, 'GET', `/reviews/${mine.items[0].id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ orgName: org.name, status: 'assigned', abilities: { declare: true } });
    expect(own.json().rubric.map((r: { code: string }) => r.code)).toEqual(['innovation', 'benefit']);
    const other = theirs.items.find((x) => x.expertId === e2.id)!;
    for (const [method, path] of [
      ['GET', ''],
      ['POST', '/declare-no-conflict'],
    ] as const)
      expect((await send(ctx, e1.cookie, method, `/reviews/${other.id}${path}`)).statusCode).toBe(404);
    const submit = await send(ctx, e1.cookie, 'POST', `/reviews/${other.id}/submit`, {
      scores: { innovation: 1, benefit: 1 },
      comment: COMMENT,
      version: 1,
    });
    expect(submit.statusCode).toBe(404);

    // Applicants and other roles see nothing; staff see the whole panel of an application.
    const enterprise = await signedIn(ctx, 'enterprise', { orgId: org.id });
    expect((await queue(ctx, enterprise.cookie)).total).toBe(0);
    expect((await send(ctx, enterprise.cookie, 'GET', `/reviews/${other.id}`)).statusCode).toBe(403);
    const all = await queue(ctx, staff.cookie, `&applicationId=${apps[0].id}`);
    expect(all.total).toBe(2);
    expect((await queue(ctx, e3.cookie)).total + mine.total + theirs.total).toBe(4);
  });

  it('validates a submission against the rubric, the declaration and the version', async () => {
    const F = 'bio-medicine';
    const org = await registerOrg(ctx, staff.cookie);
    const expert = await addExpert(ctx, staff.cookie, F);
    const c = await reviewCall(ctx, staff.cookie, 1);
    await reviewApplication(ctx, c.id, org, F);
    await draw(ctx, staff.cookie, c.id);
    const [review] = (await queue(ctx, expert.cookie)).items;
    const submit = (body: Record<string, unknown>) =>
      send(ctx, expert.cookie, 'POST', `/reviews/${review.id}/submit`, {
        scores: { innovation: 50, benefit: 30 },
        comment: COMMENT,
        ...body,
      });

    const undeclared = await submit({ version: review.version });
    expect(undeclared.statusCode).toBe(409);
    expect(undeclared.json().error.field).toBe('noConflictDeclaredAt');
    const declared = await send(ctx, expert.cookie, 'POST', `/reviews/${review.id}/declare-no-conflict`);
    expect(declared.json()).toMatchObject({
      status: 'accepted',
      abilities: { submit: true, declare: false },
    });
    const version = declared.json().version;

    const missing = await submit({ version, scores: { innovation: 50 } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('scores.benefit');
    expect(missing.json().error.messages.zh).toContain('效益');
    const over = await submit({ version, scores: { innovation: 61, benefit: 30 } });
    expect(over.statusCode).toBe(400);
    expect(over.json().error).toMatchObject({ field: 'scores.innovation' });
    expect(over.json().error.messages.zh).toContain('创新性');
    expect((await submit({ version, scores: { innovation: -1, benefit: 30 } })).statusCode).toBe(400);
    expect((await submit({ version, scores: { innovation: 1, benefit: 1, extra: 1 } })).statusCode).toBe(400);
    const terse = await submit({ version, comment: '同意' });
    expect(terse.statusCode).toBe(400);
    expect(terse.json().error.field).toBe('comment');
    expect((await submit({ version: version - 1 })).statusCode).toBe(409);

    const ok = await submit({ version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'submitted',
      total: 80,
      scores: { innovation: 50, benefit: 30 },
    });
    const again = await submit({ version, scores: { innovation: 55, benefit: 30 } });
    expect(again.statusCode).toBe(409);
    const revised = await submit({ version: ok.json().version, scores: { innovation: 55, benefit: 30 } });
    expect(revised.json().total).toBe(85);

    // A conflict recorded after the draw stops the expert at once.
    await addConflict(ctx, staff.cookie, expert.id, { orgId: org.id, reason: 'declared' });
    const blocked = await submit({ version: revised.json().version });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.messages.zh).toBe('存在利益冲突，不能评审该项目');
  });

  it('draws a substitute when an expert declines, and records why staff replace one', async () => {
    const F = 'aerospace';
    const org = await registerOrg(ctx, staff.cookie);
    const pool = [];
    for (let i = 0; i < 4; i++) pool.push(await addExpert(ctx, staff.cookie, F));
    const c = await reviewCall(ctx, staff.cookie, 2);
    const app = await reviewApplication(ctx, c.id, org, F);
    await draw(ctx, staff.cookie, c.id);
    const before = await panel(ctx, staff.cookie, app.id);
    const first = pool.find((p) => p.id === before.experts[0].expertId)!;
    const [review] = (await queue(ctx, first.cookie)).items;

    expect((await send(ctx, first.cookie, 'POST', `/reviews/${review.id}/decline`, {})).statusCode).toBe(400);
    const declined = await send(ctx, first.cookie, 'POST', `/reviews/${review.id}/decline`, {
      reason: '近期出差，无法按时完成评审',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({
      status: 'declined',
      replacedReason: '近期出差，无法按时完成评审',
    });
    expect((await send(ctx, first.cookie, 'GET', `/reviews/${review.id}`)).statusCode).toBe(404);
    const afterDecline = await panel(ctx, staff.cookie, app.id);
    expect(afterDecline.active).toBe(2);
    const active = afterDecline.experts.filter((x) => x.status === 'assigned');
    expect(active.map((x) => x.expertId)).not.toContain(first.id);

    const target = active[0];
    const noReason = await send(ctx, staff.cookie, 'POST', `/assignments/${target.id}/replace`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');
    const replaced = await send(ctx, staff.cookie, 'POST', `/assignments/${target.id}/replace`, {
      reason: '与申报单位存在合作关系',
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const body = replaced.json();
    expect(body.replaced).toMatchObject({ status: 'replaced', replacedReason: '与申报单位存在合作关系' });
    const tried = afterDecline.experts.map((x) => x.expertId);
    expect(tried).not.toContain(body.substitute.expertId);
    expect(body.shortfall).toBeNull();

    // Every expert of the field has now been on this panel; alone in the pool, none is left.
    const isolated = await isolatePool(
      ctx,
      pool.map((p) => p.id),
    );
    const last = await send(ctx, staff.cookie, 'POST', `/assignments/${body.substitute.id}/replace`, {
      reason: '专家身体原因',
    });
    expect(last.statusCode, last.body).toBe(200);
    if (isolated) {
      expect(last.json()).toMatchObject({ substitute: null });
      expect(last.json().shortfall).toContain('专家库人数不足');
    } else expect(pool.map((p) => p.id)).not.toContain(last.json().substitute?.expertId);
    const again = await send(ctx, staff.cookie, 'POST', `/assignments/${body.substitute.id}/replace`, {
      reason: '重复操作',
    });
    expect(again.statusCode).toBe(409);
  });
});
