import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { attachments, auditLog, calls, reviewAssignments } from '../../../db/schema';
import { describeEachDb, signedIn } from '../../../test/harness';
import { PDF, PNG, prepare, setApplication } from '../../../test/projects-fixtures';
import {
  addConflict,
  addExpert,
  COMMENT,
  queue,
  registerOrg,
  reviewApplication,
  reviewCall,
  send,
} from '../../../test/review-fixtures';

describeEachDb('projects: the expert reads the application', (ctx) => {
  let staff: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    await prepare(ctx);
    staff = await signedIn(ctx, 'staff');
  });

  /** One application under review with a PDF, an image and a Word file, and one expert on it. */
  async function reviewed(field: string) {
    const org = await registerOrg(ctx, staff.cookie);
    const expert = await addExpert(ctx, staff.cookie, field);
    const c = await reviewCall(ctx, staff.cookie, 1);
    await ctx.database.db.update(calls).set({ reviewClosesOn: '2099-12-31' }).where(eq(calls.id, c.id));
    const app = await reviewApplication(ctx, c.id, org, field);
    await setApplication(ctx, app.id, {
      form: { goals: '攻克五轴联动插补算法', team: [{ 姓名: '张三', 职称: '高工' }] },
      submittedAt: new Date(),
    });
    const files = await ctx.database.db
      .insert(attachments)
      .values(
        [
          ['plan', '可行性研究报告.pdf', 'application/pdf', PDF],
          ['other', '现场照片.png', 'image/png', PNG],
          [
            'other',
            '预算表.docx',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            Buffer.from('PK'),
          ],
        ].map(([kind, fileName, mime, content]) => ({
          applicationId: app.id,
          kind: kind as string,
          fileName: fileName as string,
          mime: mime as string,
          size: (content as Buffer).length,
          sha256: 'x'.repeat(64),
          content: content as Buffer,
          uploadedBy: staff.user.id,
        })),
      )
      .returning({ id: attachments.id, fileName: attachments.fileName });
    // Assigned directly: a draw could pick another test file's expert from the shared pool.
    const [item] = await ctx.database.db
      .insert(reviewAssignments)
      .values({ applicationId: app.id, expertId: expert.id })
      .returning();
    return { org, expert, app, files, reviewId: item.id };
  }

  it('shows the whole application and previews files only after the declaration, auditing each view', async () => {
    const { org, expert, files, reviewId } = await reviewed('electronic-info');
    const [pdf, png, doc] = files;
    const fileUrl = (id: string, q = '') => `/reviews/${reviewId}/attachments/${id}${q}`;

    const before = (await send(ctx, expert.cookie, 'GET', `/reviews/${reviewId}`)).json();
    expect(before).toMatchObject({ application: null, withheld: 'declare', reviewClosesOn: '2099-12-31' });
    const early = await send(ctx, expert.cookie, 'GET', fileUrl(pdf.id));
    expect(early.statusCode).toBe(403);
    expect(early.json().error.message).toContain('利益冲突');

    expect(
      (await send(ctx, expert.cookie, 'POST', `/reviews/${reviewId}/declare-no-conflict`)).statusCode,
    ).toBe(200);
    const detail = (await send(ctx, expert.cookie, 'GET', `/reviews/${reviewId}`)).json();
    expect(detail.withheld).toBeNull();
    expect(detail.application.form.goals).toBe('攻克五轴联动插补算法');
    expect(detail.application.form.team).toEqual([{ 姓名: '张三', 职称: '高工' }]);
    expect(detail.application.applicant).toMatchObject({ name: org.name, kind: 'enterprise' });
    expect(detail.application.attachments.map((f: { fileName: string }) => f.fileName).sort()).toEqual(
      files.map((f) => f.fileName).sort(),
    );
    expect(JSON.stringify(detail.application.attachments)).not.toContain('content');

    // PDF and images inline (framed by the page only), Word as a download.
    const shown = await send(ctx, expert.cookie, 'GET', fileUrl(pdf.id));
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('application/pdf');
    expect(shown.headers['content-disposition']).toMatch(/^inline;/);
    expect(shown.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(shown.rawPayload.equals(PDF)).toBe(true);
    expect((await send(ctx, expert.cookie, 'GET', fileUrl(png.id))).headers['content-disposition']).toMatch(
      /^inline;/,
    );
    expect((await send(ctx, expert.cookie, 'GET', fileUrl(doc.id))).headers['content-disposition']).toMatch(
      /^attachment;/,
    );
    expect(
      (await send(ctx, expert.cookie, 'GET', fileUrl(pdf.id, '?download=true'))).headers[
        'content-disposition'
      ],
    ).toMatch(/^attachment;/);
    const audited = await ctx.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, pdf.id));
    expect(audited.map((a) => a.action).sort()).toEqual([
      'review.attachment.download',
      'review.attachment.view',
    ]);

    // Another expert, and the expert for another application's file, get nothing.
    const other = await signedIn(ctx, 'expert');
    expect((await send(ctx, other.cookie, 'GET', fileUrl(pdf.id))).statusCode).toBe(404);
    const elsewhere = await reviewed('electronic-info');
    expect((await send(ctx, expert.cookie, 'GET', fileUrl(elsewhere.files[0].id))).statusCode).toBe(404);
  });

  it('withholds the application once a conflict is on record, and when the review is over', async () => {
    const { org, expert, app, files, reviewId } = await reviewed('new-materials');
    expect(
      (await send(ctx, expert.cookie, 'POST', `/reviews/${reviewId}/declare-no-conflict`)).statusCode,
    ).toBe(200);
    await addConflict(ctx, staff.cookie, expert.id, { orgId: org.id, reason: 'collaboration' });
    const conflicted = (await send(ctx, expert.cookie, 'GET', `/reviews/${reviewId}`)).json();
    expect(conflicted).toMatchObject({ application: null, withheld: 'conflict' });
    expect(
      (await send(ctx, expert.cookie, 'GET', `/reviews/${reviewId}/attachments/${files[0].id}`)).statusCode,
    ).toBe(403);
    await setApplication(ctx, app.id, { state: 'review_closed' });
    expect((await send(ctx, expert.cookie, 'GET', `/reviews/${reviewId}`)).json().withheld).toBe('closed');
  });

  it('refuses a score above the maximum, naming the criterion, instead of cutting it', async () => {
    const { expert, reviewId } = await reviewed('bio-medicine');
    const declared = await send(ctx, expert.cookie, 'POST', `/reviews/${reviewId}/declare-no-conflict`);
    const over = await send(ctx, expert.cookie, 'POST', `/reviews/${reviewId}/submit`, {
      scores: { innovation: 30, benefit: 41 },
      comment: COMMENT,
      version: declared.json().version,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.field).toBe('scores.benefit');
    expect(over.json().error.message).toContain('0 到 40');
    const detail = (await send(ctx, expert.cookie, 'GET', `/reviews/${reviewId}`)).json();
    expect(detail).toMatchObject({ status: 'accepted', scores: null, total: null });
  });

  it('lists what is still to do first, and counts it with the nearest deadline', async () => {
    const expert = await addExpert(ctx, staff.cookie, 'aerospace');
    const org = await registerOrg(ctx, staff.cookie);
    const ids: string[] = [];
    for (const closes of ['2099-06-30', '2099-03-31', null]) {
      const c = await reviewCall(ctx, staff.cookie, 1);
      await ctx.database.db.update(calls).set({ reviewClosesOn: closes }).where(eq(calls.id, c.id));
      const app = await reviewApplication(ctx, c.id, org, 'aerospace');
      await ctx.database.db.insert(reviewAssignments).values({ applicationId: app.id, expertId: expert.id });
      ids.push(app.id);
    }
    // The first one is done: it goes to the end of the list.
    const first = (await queue(ctx, expert.cookie)).items.find((r) => r.applicationId === ids[0])!;
    const declared = await send(ctx, expert.cookie, 'POST', `/reviews/${first.id}/declare-no-conflict`);
    const done = await send(ctx, expert.cookie, 'POST', `/reviews/${first.id}/submit`, {
      scores: { innovation: 50, benefit: 30 },
      comment: COMMENT,
      version: declared.json().version,
    });
    expect(done.statusCode, done.body).toBe(200);
    const order = (await queue(ctx, expert.cookie)).items.map((r) => r.applicationId);
    expect(order).toEqual([ids[1], ids[2], ids[0]]);
    const summary = await send(ctx, expert.cookie, 'GET', '/reviews/summary');
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toEqual({ pending: 2, toDeclare: 2, submitted: 1, nextDeadline: '2099-03-31' });
    expect((await send(ctx, staff.cookie, 'GET', '/reviews/summary')).statusCode).toBe(403);
    const left = await ctx.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'review.submit'), eq(auditLog.targetId, first.id)));
    expect(left).toHaveLength(1);
  });
});
