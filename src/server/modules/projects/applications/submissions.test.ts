import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { beforeAll, expect, it } from 'vitest';
import { DECLARATION } from '../../../../domain/declaration';
import { applicationSubmissions, auditLog } from '../../../db/schema';
import { createCall, type FreshRegion, freshRegion, world } from '../../../test/factories';
import { call, describeEachDb, signedIn } from '../../../test/harness';
import { API, act, PDF, prepare, step, upload } from '../../../test/projects-fixtures';
import { canonicalJson } from './submissions';

describeEachDb('projects: the 承诺书, the 申报书 and its verification', (ctx) => {
  let region: FreshRegion;
  beforeAll(async () => {
    await prepare(ctx);
    region = await freshRegion(ctx);
  });

  async function draftReady() {
    const w = await world(ctx, region.county);
    const c = await createCall(ctx, w.staff.cookie);
    const created = await call(ctx.app, {
      method: 'POST',
      url: `${API}/applications`,
      cookie: w.enterprise.cookie,
      body: {
        callId: c.id,
        summary: '五轴联动数控系统研发',
        field: 'advanced-manufacturing',
        requestedAmount: '40',
        form: { goals: '攻克五轴联动插补算法' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(
      (await upload(ctx, w.enterprise.cookie, created.json().id, 'plan', '可研报告.pdf', PDF)).statusCode,
    ).toBe(201);
    return { ...w, app: created.json() as { id: string; version: number; title: string } };
  }

  it('refuses a submission without the ticked 承诺书 or with an outdated text, naming the field', async () => {
    const { enterprise, app } = await draftReady();
    const none = await act(ctx, enterprise.cookie, app.id, 'submit', {
      version: app.version,
      declaration: undefined,
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatchObject({ field: 'declaration' });
    expect(none.json().error.message).toContain('承诺书');
    const old = await act(ctx, enterprise.cookie, app.id, 'submit', {
      version: app.version,
      declaration: { accepted: true, version: '1999.1' },
    });
    expect(old.statusCode).toBe(400);
    expect(old.json().error.field).toBe('declaration');
    const unticked = await act(ctx, enterprise.cookie, app.id, 'submit', {
      version: app.version,
      declaration: { accepted: false, version: DECLARATION.version },
    });
    expect(unticked.statusCode).toBe(400);
    const rows = await ctx.database.db
      .select()
      .from(applicationSubmissions)
      .where(eq(applicationSubmissions.applicationId, app.id));
    expect(rows).toHaveLength(0);
  });

  it('records what was submitted with its hash, serves the 申报书 and verifies it', async () => {
    const { enterprise, county, app } = await draftReady();
    const before = await call(ctx.app, {
      url: `${API}/applications/${app.id}/submission.docx`,
      cookie: enterprise.cookie,
    });
    expect(before.statusCode).toBe(404);

    const submitted = await step(ctx, enterprise.cookie, app, 'submit');
    expect(submitted.submissions).toHaveLength(1);
    const [s] = submitted.submissions;
    expect(s).toMatchObject({ seq: 1, declarationVersion: DECLARATION.version });
    expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);

    // The hash is the SHA-256 of the stored content, which holds what was sent and each file's hash.
    const [row] = await ctx.database.db
      .select()
      .from(applicationSubmissions)
      .where(eq(applicationSubmissions.applicationId, app.id));
    expect(createHash('sha256').update(canonicalJson(row.content)).digest('hex')).toBe(s.sha256);
    const content = row.content as {
      summary: string;
      attachments: { sha256: string }[];
      declaration: { text: string };
    };
    expect(content.summary).toBe('五轴联动数控系统研发');
    expect(content.attachments[0].sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(content.declaration.text).toBe(DECLARATION.zh);

    const doc = await call(ctx.app, {
      url: `${API}/applications/${app.id}/submission.docx`,
      cookie: enterprise.cookie,
    });
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(doc.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(s.sha256);
    expect(xml).toContain('五轴联动数控系统研发');
    expect(xml).toContain('申报承诺书');
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true);
    // The county of the applicant may read it too; another enterprise may not.
    expect(
      (await call(ctx.app, { url: `${API}/applications/${app.id}/submission.docx`, cookie: county.cookie }))
        .statusCode,
    ).toBe(200);
    const stranger = await signedIn(ctx, 'enterprise');
    expect(
      (await call(ctx.app, { url: `${API}/applications/${app.id}/submission.docx`, cookie: stranger.cookie }))
        .statusCode,
    ).toBe(404);

    // Verification needs no account: the hash confirms the record and when it was submitted.
    const verified = await call(ctx.app, {
      url: `/api/v1/public/projects/submissions/${s.sha256.toUpperCase()}`,
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({
      sha256: s.sha256,
      applicationTitle: app.title,
      seq: 1,
      submittedAt: s.submittedAt,
      latest: true,
    });
    const unknown = await call(ctx.app, { url: `/api/v1/public/projects/submissions/${'0'.repeat(64)}` });
    expect(unknown.statusCode).toBe(404);
    const bad = await call(ctx.app, { url: '/api/v1/public/projects/submissions/xyz' });
    expect(bad.statusCode).toBe(400);

    const actions = (
      await ctx.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.targetId, app.id))
    ).map((a) => a.action);
    expect(actions).toContain('application.submit');
    expect(actions).toContain('application.declaration.download');
  });

  it('keeps each submission of a returned application apart; the earlier one verifies as superseded', async () => {
    const { enterprise, county, app } = await draftReady();
    const first = await step(ctx, enterprise.cookie, app, 'submit');
    const returned = await step(ctx, county.cookie, first, 'county_return', { reason: '请补充财务数据' });
    const saved = await call(ctx.app, {
      method: 'PATCH',
      url: `${API}/applications/${app.id}`,
      cookie: enterprise.cookie,
      body: { version: returned.version, summary: '五轴联动数控系统研发（补充财务数据）' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const second = await step(ctx, enterprise.cookie, saved.json(), 'submit');
    expect(second.submissions.map((x: { seq: number }) => x.seq)).toEqual([1, 2]);
    const [a, b] = second.submissions;
    expect(a.sha256).not.toBe(b.sha256);
    const old = await call(ctx.app, { url: `/api/v1/public/projects/submissions/${a.sha256}` });
    expect(old.json()).toMatchObject({ seq: 1, latest: false });
  });
});
