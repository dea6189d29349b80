import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, notifications } from '../../../db/schema';
import { fixClock } from '../../../platform/clock';
import { createCall, type FreshRegion, freshRegion, world } from '../../../test/factories';
import { call, describeEachDb, type TestContext } from '../../../test/harness';
import { API, act, PDF, prepare, step, submittedScores, upload } from '../../../test/projects-fixtures';

/** The calendar day after a date, `YYYY-MM-DD`. */
const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function unread(ctx: TestContext, cookie: string) {
  const res = await call(ctx.app, { url: `${API}/notifications?unread=true`, cookie });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: { id: string; kind: string; title: { zh: string } }[]; unread: number };
}

describeEachDb('projects: the whole lifecycle', (ctx) => {
  let region: FreshRegion;
  beforeAll(async () => {
    await prepare(ctx);
    region = await freshRegion(ctx);
  });

  // One application, step by step: each case starts where the previous one left it.
  describe('takes an application from the call to closure with every role', () => {
    let w: Awaited<ReturnType<typeof world>>;
    let c: { id: string; open: boolean };
    // biome-ignore lint/suspicious/noExplicitAny: the application detail as the API returns it
    let app: any;
    afterAll(() => fixClock(null));

    it('opens a call that applicants find among the open ones', async () => {
      w = await world(ctx, region.county);
      c = await createCall(ctx, w.staff.cookie);
      expect(c.open).toBe(true);
      const calls = await call(ctx.app, {
        url: `${API}/calls?openNow=true&pageSize=200`,
        cookie: w.enterprise.cookie,
      });
      expect(calls.json().items.map((x: { id: string }) => x.id)).toContain(c.id);
    });

    it('申报: creates the application from the registry, autosaves, checks and submits it', async () => {
      const { org, enterprise } = w;
      const created = await call(ctx.app, {
        method: 'POST',
        url: `${API}/applications`,
        cookie: enterprise.cookie,
        body: { callId: c.id },
      });
      expect(created.statusCode, created.body).toBe(201);
      app = created.json();
      expect(app).toMatchObject({ state: 'draft', orgId: org.id, regionCode: region.county, version: 1 });
      expect(app.form.orgName).toBe(org.name);
      expect(app.actions).toEqual(['submit']);
      expect(app.abilities).toMatchObject({ edit: true, upload: true });
      const saved = await call(ctx.app, {
        method: 'PATCH',
        url: `${API}/applications/${app.id}`,
        cookie: enterprise.cookie,
        body: {
          version: 1,
          summary: '五轴联动数控系统',
          field: 'advanced-manufacturing',
          requestedAmount: '40',
        },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      app = saved.json();
      expect(app.version).toBe(2);
      const noFile = await act(ctx, enterprise.cookie, app.id, 'submit', { version: 2 });
      expect(noFile.statusCode).toBe(400);
      expect(noFile.json().error.field).toBe('attachments');
      expect(
        (await upload(ctx, enterprise.cookie, app.id, 'plan', '可行性研究报告.pdf', PDF)).statusCode,
      ).toBe(201);
      const elig = await call(ctx.app, {
        url: `${API}/applications/${app.id}/eligibility`,
        cookie: enterprise.cookie,
      });
      expect(elig.json()).toMatchObject({ eligible: true, missingAttachments: [] });
      app = await step(ctx, enterprise.cookie, app, 'submit');
      expect(app.state).toBe('submitted');
      const stale = await call(ctx.app, {
        method: 'PATCH',
        url: `${API}/applications/${app.id}`,
        cookie: enterprise.cookie,
        body: { version: app.version, summary: '改' },
      });
      expect(stale.statusCode).toBe(409);
    });

    it('推荐: the county hears of it, finds it in its queue and recommends it', async () => {
      const { county, enterprise } = w;
      expect((await unread(ctx, county.cookie)).items.some((n) => n.title.zh.includes(app.title))).toBe(true);
      const queue = await call(ctx.app, {
        url: `${API}/applications?toRecommend=true&pageSize=200`,
        cookie: county.cookie,
      });
      const row = queue.json().items.find((x: { id: string }) => x.id === app.id);
      expect(row.actions).toEqual(['recommend', 'county_return']);
      expect(row.nextStep.zh).toContain('推荐');
      app = await step(ctx, county.cookie, app, 'recommend');
      expect(
        (await unread(ctx, enterprise.cookie)).items.some((n) => n.kind === 'application.recommend'),
      ).toBe(true);
    });

    it('形式审查 and 专家评审: five submitted scores, the highest and lowest dropped', async () => {
      app = await step(ctx, w.staff.cookie, app, 'accept');
      expect(app.state).toBe('expert_review');
      await submittedScores(ctx, app.id, [80, 90, 70, 85, 60]);
      app = await step(ctx, w.staff.cookie, app, 'close_review');
      expect(app).toMatchObject({ state: 'reviewed', panelScore: '78.33' });
    });

    it('拟立项 and 批准: a proposal within the cap, ranked, approved by the leader', async () => {
      const { staff, leader, enterprise } = w;
      const overCap = await act(ctx, staff.cookie, app.id, 'propose', { version: app.version, amount: '60' });
      expect(overCap.statusCode).toBe(400);
      expect(overCap.json().error.field).toBe('amount');
      app = await step(ctx, staff.cookie, app, 'propose', { amount: '40' });
      const ranking = await call(ctx.app, { url: `${API}/calls/${c.id}/ranking`, cookie: staff.cookie });
      expect(ranking.json().items[0]).toMatchObject({
        rank: 1,
        id: app.id,
        panelScore: '78.33',
        proposedAmount: '40.00',
      });
      const approvals = await call(ctx.app, {
        url: `${API}/applications?state=proposed&pageSize=200`,
        cookie: leader.cookie,
      });
      expect(approvals.json().items.find((x: { id: string }) => x.id === app.id).actions).toEqual([
        'approve',
        'decline',
      ]);
      app = await step(ctx, leader.cookie, app, 'approve');
      expect(app.approvedAmount).toBe('40.00');
      expect((await unread(ctx, enterprise.cookie)).items.some((n) => n.kind === 'application.approve')).toBe(
        true,
      );
    });

    it('公示: published, 立项 is neither offered nor accepted while the period runs', async () => {
      const { staff } = w;
      app = await step(ctx, staff.cookie, app, 'publish');
      expect(app.publicityUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(app.actions).not.toContain('establish');
      expect(app.nextStep.zh).toContain(`公示期至 ${app.publicityUntil}`);
      const early = await act(ctx, staff.cookie, app.id, 'establish', { version: app.version });
      expect(early.statusCode).toBe(409);
      const docx = await call(ctx.app, { url: `${API}/calls/${c.id}/publicity.docx`, cookie: staff.cookie });
      expect(docx.statusCode).toBe(200);
      const zip = await JSZip.loadAsync(docx.rawPayload);
      expect(await zip.file('word/document.xml')!.async('string')).toContain(app.title);
    });

    it('立项 after 公示: refused on the last day of the period, taken the day after', async () => {
      const { staff } = w;
      const detail = async () =>
        (await call(ctx.app, { url: `${API}/applications/${app.id}`, cookie: staff.cookie })).json();
      fixClock(app.publicityUntil);
      expect((await detail()).actions).not.toContain('establish');
      const lastDay = await act(ctx, staff.cookie, app.id, 'establish', { version: app.version });
      expect(lastDay.statusCode).toBe(409);
      fixClock(dayAfter(app.publicityUntil));
      const ended = await detail();
      expect(ended.actions).toContain('establish');
      expect(ended.nextStep.zh).toContain(`公示期已于 ${app.publicityUntil} 届满`);
      app = await step(ctx, staff.cookie, app, 'establish');
      expect(app.state).toBe('established');
      fixClock(null);
    });

    it('任务书 and 拨款: a contract with an end date, tranches up to the approved amount', async () => {
      const { staff } = w;
      const noEnd = await act(ctx, staff.cookie, app.id, 'sign_contract', { version: app.version });
      expect(noEnd.json().error.field).toBe('endsOn');
      app = await step(ctx, staff.cookie, app, 'sign_contract', { endsOn: '2030-11-30' });
      expect(app).toMatchObject({
        state: 'in_progress',
        endsOn: '2030-11-30',
        acceptanceDueOn: '2031-02-28',
      });
      expect((await pay(app.id, '30')).statusCode).toBe(201);
      const over = await pay(app.id, '20');
      expect(over.statusCode).toBe(400);
      expect(over.json().error.field).toBe('amount');
    });

    it('中期检查, 验收 and 结题: rectified, paid in full, the final report accepted', async () => {
      const { staff, enterprise } = w;
      app = await step(ctx, staff.cookie, app, 'midterm_rectify', { reason: '进度滞后' });
      expect((await pay(app.id, '10')).statusCode).toBe(201);
      app = await step(ctx, staff.cookie, app, 'midterm_pass');
      const noReport = await act(ctx, enterprise.cookie, app.id, 'submit_final', { version: app.version });
      expect(noReport.json().error.field).toBe('attachments');
      expect((await upload(ctx, enterprise.cookie, app.id, 'plan', 'x.pdf', PDF)).statusCode).toBe(400);
      expect(
        (await upload(ctx, enterprise.cookie, app.id, 'final_report', '结题报告.pdf', PDF)).statusCode,
      ).toBe(201);
      app = await step(ctx, enterprise.cookie, app, 'submit_final');
      app = await step(ctx, staff.cookie, app, 'accept_final');
      expect(app.state).toBe('closed');
      expect(app.paidTotal).toBe('40.00');
      expect(app.payments).toHaveLength(2);
    });

    it('keeps the history, the board, the audit trail and the notifications', async () => {
      const { staff, enterprise } = w;
      expect(app.events.map((e: { action: string }) => e.action)).toEqual([
        'create',
        'submit',
        'recommend',
        'accept',
        'close_review',
        'propose',
        'approve',
        'publish',
        'establish',
        'sign_contract',
        'midterm_rectify',
        'midterm_pass',
        'submit_final',
        'accept_final',
      ]);
      expect(app.events.find((e: { action: string }) => e.action === 'midterm_rectify').reason).toBe(
        '进度滞后',
      );
      const board = (await call(ctx.app, { url: `${API}/calls/${c.id}/board`, cookie: staff.cookie })).json();
      expect(board).toMatchObject({ total: 1, approved: '40.00', paid: '40.00', remaining: '60.00' });
      expect(board.states.find((s: { state: string }) => s.state === 'closed').count).toBe(1);
      const audited = await ctx.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.targetId, app.id)));
      expect(audited.map((a) => a.action)).toEqual(
        expect.arrayContaining([
          'application.create',
          'application.submit',
          'application.establish',
          'application.accept_final',
          'payment.create',
        ]),
      );
      const mine = await ctx.database.db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, enterprise.user.id));
      expect(mine.length).toBeGreaterThanOrEqual(4);
    });

    function pay(id: string, amount: string) {
      return call(ctx.app, {
        method: 'POST',
        url: `${API}/applications/${id}/payments`,
        cookie: w.staff.cookie,
        body: { amount, paidOn: '2026-03-01', note: '首笔' },
      });
    }
  });

  it('exports the lists to Excel and the ranking to Word', async () => {
    const { staff } = await world(ctx, region.county);
    const c = await createCall(ctx, staff.cookie);
    for (const url of [
      `${API}/calls/export.xlsx`,
      `${API}/applications/export.xlsx?callId=${c.id}`,
      `${API}/calls/${c.id}/ranking/export.xlsx`,
      `${API}/calls/${c.id}/ranking.docx`,
    ]) {
      const res = await call(ctx.app, { url, cookie: staff.cookie });
      expect(res.statusCode, url).toBe(200);
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
  });
});
