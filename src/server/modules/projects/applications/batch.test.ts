import { and, eq, inArray } from 'drizzle-orm';
import JSZip from 'jszip';
import { beforeAll, expect, it } from 'vitest';
import { applicationEvents, auditLog, recommendationItems, recommendations } from '../../../db/schema';
import { CSRF_HEADER, CSRF_VALUE } from '../../../platform/access';
import { createCall, freshRegion, world } from '../../../test/factories';
import { call, describeEachDb, signedIn, type TestContext } from '../../../test/harness';
import { API, form, insertApplication, PDF, prepare, stored } from '../../../test/projects-fixtures';

type World = Awaited<ReturnType<typeof world>>;

function batch(ctx: TestContext, cookie: string, action: string, body: Record<string, unknown>) {
  return call(ctx.app, { method: 'POST', url: `${API}/applications/batch/${action}`, cookie, body });
}

const items = (apps: { id: string; version: number }[]) =>
  apps.map((a) => ({ id: a.id, version: a.version }));

async function auditsOf(ctx: TestContext, ids: string[], action: string) {
  return ctx.database.db
    .select()
    .from(auditLog)
    .where(and(inArray(auditLog.targetId, ids), eq(auditLog.action, action)));
}

async function documentText(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
}

describeEachDb('projects: batch work', (ctx) => {
  let w: World;
  let countyName: string;
  let callId: string;
  beforeAll(async () => {
    await prepare(ctx);
    const region = await freshRegion(ctx);
    countyName = region.name;
    w = await world(ctx, region.county);
    callId = (await createCall(ctx, w.staff.cookie, { maxPerApplicant: 100 })).id;
  });
  const newApps = (n: number, state: string) =>
    Promise.all(
      Array.from({ length: n }, () =>
        insertApplication(ctx, { callId, orgId: w.org.id, regionCode: w.org.regionCode, state }),
      ),
    );

  it('a county recommends several in its order with a generated letter: one audited action each', async () => {
    const apps = await newApps(3, 'submitted');
    const ordered = [apps[2], apps[0], apps[1]];
    const res = await batch(ctx, w.county.cookie, 'recommend', {
      items: items(ordered),
      letter: { kind: 'generated' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out.done).toBe(true);
    expect(out.results.map((r: { id: string }) => r.id)).toEqual(ordered.map((a) => a.id));
    expect(out.results.map((r: { priority: number }) => r.priority)).toEqual([1, 2, 3]);
    expect(out.results.every((r: { ok: boolean; state: string }) => r.ok && r.state === 'recommended')).toBe(
      true,
    );
    for (const a of apps) expect(await stored(ctx, a.id)).toMatchObject({ state: 'recommended', version: 2 });
    const ids = apps.map((a) => a.id);
    expect(await auditsOf(ctx, ids, 'application.recommend')).toHaveLength(3);
    const kept = await ctx.database.db
      .select()
      .from(recommendationItems)
      .where(eq(recommendationItems.recommendationId, out.recommendationId));
    expect(kept.sort((x, y) => x.priority - y.priority).map((k) => k.applicationId)).toEqual(
      ordered.map((a) => a.id),
    );
    // The letter names the county and lists the applications in the order given.
    const letter = await call(ctx.app, {
      url: `${API}/applications/recommendation-letters/${out.recommendationId}`,
      cookie: w.staff.cookie,
    });
    expect(letter.statusCode).toBe(200);
    const text = await documentText(letter.rawPayload);
    expect(text).toContain(countyName);
    const positions = ordered.map((a) => text.indexOf(a.title));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
  });

  it('is all or nothing: one record refused, none changes, and each record says why', async () => {
    const ok = await newApps(2, 'submitted');
    const [draft] = await newApps(1, 'draft');
    const res = await batch(ctx, w.county.cookie, 'recommend', {
      items: items([ok[0], draft, ok[1]]),
      letter: { kind: 'generated' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out.done).toBe(false);
    expect(out.recommendationId).toBeNull();
    expect(out.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, true]);
    expect(out.results[1].message.zh).toContain('草稿');
    expect(out.results[0].message.zh).toContain('本批未执行');
    for (const a of [...ok, draft]) expect((await stored(ctx, a.id)).version).toBe(1);
    const events = await ctx.database.db
      .select()
      .from(applicationEvents)
      .where(
        inArray(
          applicationEvents.applicationId,
          [...ok, draft].map((a) => a.id),
        ),
      );
    expect(events).toHaveLength(0);
    expect(
      await auditsOf(
        ctx,
        [...ok, draft].map((a) => a.id),
        'application.recommend',
      ),
    ).toHaveLength(0);
  });

  it('keeps a county to its own region, record by record', async () => {
    const [mine] = await newApps(1, 'submitted');
    const other = await freshRegion(ctx);
    const otherCounty = await signedIn(ctx, 'county', { regionCode: other.county });
    const res = await batch(ctx, otherCounty.cookie, 'recommend', {
      items: items([mine]),
      letter: { kind: 'generated' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ done: false, results: [{ id: mine.id, ok: false, title: null }] });
    expect((await stored(ctx, mine.id)).state).toBe('submitted');
    // Nor may it draft a letter listing another county's application.
    const letter = await call(ctx.app, {
      method: 'POST',
      url: `${API}/applications/recommendation-letter.docx`,
      cookie: otherCounty.cookie,
      body: { ids: [mine.id] },
    });
    expect(letter.statusCode).toBe(400);
    expect(letter.json().error.field).toBe('ids');
  });

  it('refuses a recommendation without a letter, a duplicate, a missing reason and the wrong role', async () => {
    const [a] = await newApps(1, 'submitted');
    const noLetter = await batch(ctx, w.county.cookie, 'recommend', { items: items([a]) });
    expect(noLetter.statusCode).toBe(400);
    expect(noLetter.json().error.field).toBe('letter');
    const twice = await batch(ctx, w.county.cookie, 'recommend', {
      items: items([a, a]),
      letter: { kind: 'generated' },
    });
    expect(twice.json().error.field).toBe('items');
    const noReason = await batch(ctx, w.county.cookie, 'county_return', { items: items([a]) });
    expect(noReason.json().error.field).toBe('reason');
    const staff = await batch(ctx, w.staff.cookie, 'recommend', {
      items: items([a]),
      letter: { kind: 'generated' },
    });
    expect(staff.statusCode).toBe(403);
    const unknown = await batch(ctx, w.staff.cookie, 'propose', { items: items([a]) });
    expect(unknown.statusCode).toBe(400);
    const anonymous = await call(ctx.app, {
      method: 'POST',
      url: `${API}/applications/batch/accept`,
      body: { items: items([a]) },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await stored(ctx, a.id)).version).toBe(1);
  });

  it('files an uploaded, stamped letter once, for its own county only', async () => {
    const body = form({}, { name: '推荐函.pdf', data: PDF });
    const up = await ctx.app.inject({
      method: 'POST',
      url: `${API}/applications/recommendation-letters`,
      headers: { cookie: w.county.cookie, 'content-type': body.contentType, [CSRF_HEADER]: CSRF_VALUE },
      payload: body.payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    const letterId = up.json().id;
    const apps = await newApps(2, 'submitted');
    const res = await batch(ctx, w.county.cookie, 'recommend', {
      items: items(apps),
      letter: { kind: 'uploaded', letterId },
    });
    expect(res.json()).toMatchObject({ done: true, recommendationId: letterId });
    const [row] = await ctx.database.db
      .select()
      .from(recommendations)
      .where(eq(recommendations.id, letterId));
    expect(row).toMatchObject({ generated: false, fileName: '推荐函.pdf' });
    const again = await batch(ctx, w.county.cookie, 'recommend', {
      items: items(await newApps(1, 'submitted')),
      letter: { kind: 'uploaded', letterId },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.field).toBe('letter');
  });

  it('staff pass the formal review of several, or return them with one reason', async () => {
    const pass = await newApps(2, 'recommended');
    const res = await batch(ctx, w.staff.cookie, 'accept', { items: items(pass) });
    expect(res.json().done, res.body).toBe(true);
    for (const a of pass) expect((await stored(ctx, a.id)).state).toBe('expert_review');
    expect(
      await auditsOf(
        ctx,
        pass.map((a) => a.id),
        'application.accept',
      ),
    ).toHaveLength(2);

    const back = await newApps(2, 'recommended');
    const ret = await batch(ctx, w.staff.cookie, 'staff_return', {
      items: items(back),
      reason: '缺少盖章的信用承诺书',
    });
    expect(ret.json().done).toBe(true);
    for (const a of back) expect((await stored(ctx, a.id)).state).toBe('returned');
    const audits = await auditsOf(
      ctx,
      back.map((a) => a.id),
      'application.staff_return',
    );
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits[0].after)).toContain('缺少盖章的信用承诺书');
  });

  it('a leader approves or declines several; a stale version refuses the whole batch', async () => {
    const [x, y] = await newApps(2, 'proposed');
    const stale = await batch(ctx, w.leader.cookie, 'approve', {
      items: [
        { id: x.id, version: 1 },
        { id: y.id, version: 7 },
      ],
    });
    expect(stale.json().done).toBe(false);
    expect((await stored(ctx, x.id)).state).toBe('proposed');
    const ok = await batch(ctx, w.leader.cookie, 'approve', { items: items([x, y]) });
    expect(ok.json().done).toBe(true);
    expect((await stored(ctx, y.id)).state).toBe('approved');
    const [z] = await newApps(1, 'proposed');
    const declined = await batch(ctx, w.leader.cookie, 'decline', { items: items([z]), reason: '预算不足' });
    expect(declined.json().results[0]).toMatchObject({ ok: true, state: 'not_approved' });
  });
});
