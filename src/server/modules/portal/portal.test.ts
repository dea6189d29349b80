import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { CSRF_HEADER, CSRF_VALUE } from '../../platform/access';
import { clock } from '../../platform/clock';
import { createCall, makeOrg } from '../../test/factories';
import { call, describeEachDb, signedIn, type TestContext, uniq } from '../../test/harness';
import { docx, form, insertApplication, PDF, prepare } from '../../test/projects-fixtures';
import { addDays } from './service';

const STAFF = '/api/v1/portal';
const PUBLIC = '/api/v1/public';
// Far from the demo years, random so a rerun on a kept PostgreSQL database meets no rows of its own.
const Y = 2040 + Math.floor(Math.random() * 50);

async function staffClient(ctx: TestContext) {
  const { cookie } = await signedIn(ctx, 'staff');
  const send = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown) => {
    const res = await call(ctx.app, { method, url: `${STAFF}${url}`, cookie, body });
    return { status: res.statusCode, text: res.body, json: () => res.json(), res };
  };
  return {
    cookie,
    get: (url: string) => send('GET', url),
    post: (url: string, body: unknown) => send('POST', url, body),
    patch: (url: string, body: unknown) => send('PATCH', url, body),
    put: (url: string, body: unknown) => send('PUT', url, body),
  };
}

const visitor = (
  ctx: TestContext,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) => call(ctx.app, { method, url: `${PUBLIC}${url}`, body, headers });

const notice = (over: Record<string, unknown> = {}) => {
  const today = clock.today();
  return {
    type: 'approval',
    title: uniq('2026年度科技计划项目拟立项公示'),
    body: '现予公示。',
    records: [{ title: '智能装备研发', orgName: '泉州某某机械有限公司', regionName: '晋江市' }],
    windowStart: addDays(today, -1),
    windowEnd: addDays(today, 5),
    contactLine: '市科技局计划科',
    ...over,
  };
};

async function auditActions(ctx: TestContext, id: string) {
  const rows = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, id));
  return rows.sort((a, b) => Number(a.id - b.id)).map((r) => r.action);
}

describeEachDb('portal: 公示, objections, guides and published statistics', (ctx) => {
  beforeAll(() => prepare(ctx));

  it('asks for a session and the permission before the back office', async () => {
    expect((await call(ctx.app, { url: `${STAFF}/notices` })).statusCode).toBe(401);
    const { cookie } = await signedIn(ctx, 'enterprise', { orgId: (await makeOrg(ctx, '350582')).id });
    expect((await call(ctx.app, { url: `${STAFF}/objections`, cookie })).statusCode).toBe(403);
    const county = await signedIn(ctx, 'county', { regionCode: '350582' });
    expect(
      (
        await call(ctx.app, {
          method: 'POST',
          url: `${STAFF}/notices`,
          cookie: county.cookie,
          body: notice(),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('drafts, publishes and withdraws a notice, naming the field of a bad one, and audits each step', async () => {
    const staff = await staffClient(ctx);
    const bad = await staff.post('/notices', notice({ windowEnd: addDays(clock.today(), -5) }));
    expect(bad.status).toBe(400);
    expect(bad.json().error.field).toBe('windowEnd');
    const noTitle = await staff.post('/notices', notice({ title: ' ' }));
    expect(noTitle.json().error.field).toBe('title');

    const created = await staff.post('/notices', notice());
    expect(created.status, created.text).toBe(201);
    const id = created.json().id as string;
    // A draft is not public.
    expect((await visitor(ctx, 'GET', `/notices/${id}`)).statusCode).toBe(404);
    expect((await staff.patch(`/notices/${id}`, { body: '更正后的正文' })).status).toBe(200);
    const published = await staff.post(`/notices/${id}/transition`, { to: 'published' });
    expect(published.status, published.text).toBe(200);
    expect(published.json().publishedAt).toBeTruthy();
    const edit = await staff.patch(`/notices/${id}`, { title: '改名' });
    expect(edit.status).toBe(409);
    const back = await staff.post(`/notices/${id}/transition`, { to: 'draft' });
    expect(back.status).toBe(409);
    expect(back.json().error.field).toBe('to');

    const pub = await visitor(ctx, 'GET', `/notices/${id}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ id, window: 'open', body: '更正后的正文', records: notice().records });
    expect(pub.headers['cache-control']).toMatch(/^public/);
    expect(pub.headers.etag).toBeTruthy();
    const again = await visitor(ctx, 'GET', `/notices/${id}`, undefined, {
      'if-none-match': String(pub.headers.etag),
    });
    expect(again.statusCode).toBe(304);

    expect((await staff.post(`/notices/${id}/transition`, { to: 'withdrawn' })).status).toBe(200);
    expect((await visitor(ctx, 'GET', `/notices/${id}`)).statusCode).toBe(404);
    expect(await auditActions(ctx, id)).toEqual([
      'portal.notice.create',
      'portal.notice.update',
      'portal.notice.publish',
      'portal.notice.withdraw',
    ]);
  });

  it('takes an objection only within the window, tracks it to an answer the objector looks up', async () => {
    const staff = await staffClient(ctx);
    const open = (await staff.post('/notices', notice())).json().id as string;
    await staff.post(`/notices/${open}/transition`, { to: 'published' });
    const today = clock.today();
    const closed = (
      await staff.post(
        '/notices',
        notice({ windowStart: addDays(today, -10), windowEnd: addDays(today, -3) }),
      )
    ).json().id;
    await staff.post(`/notices/${closed}/transition`, { to: 'published' });
    const upcoming = (
      await staff.post('/notices', notice({ windowStart: addDays(today, 2), windowEnd: addDays(today, 8) }))
    ).json().id;
    await staff.post(`/notices/${upcoming}/transition`, { to: 'published' });

    const objection = {
      name: '王某',
      contact: '13905951234',
      reason: '该项目已获省级同类资助，属重复申报。',
    };
    for (const id of [closed, upcoming]) {
      const late = await visitor(ctx, 'POST', '/objections', { noticeId: id, ...objection });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.field).toBe('noticeId');
    }
    const empty = await visitor(ctx, 'POST', '/objections', { noticeId: open, ...objection, reason: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('reason');

    const lodged = await visitor(ctx, 'POST', '/objections', { noticeId: open, ...objection });
    expect(lodged.statusCode, lodged.body).toBe(201);
    const { trackingNo } = lodged.json();
    expect(trackingNo).toMatch(/^YY\d{8}[A-Z0-9]{6}$/);

    // Evidence follows with the tracking number and the contact; a program is refused.
    const exe = form(
      { trackingNo, contact: objection.contact },
      { name: 'x.pdf', data: Buffer.from('MZ....') },
    );
    const headers = { 'content-type': exe.contentType, [CSRF_HEADER]: CSRF_VALUE };
    const refused = await ctx.app.inject({
      method: 'POST',
      url: `${PUBLIC}/objections/evidence`,
      headers,
      payload: exe.payload,
    });
    expect(refused.statusCode).toBe(400);
    const wrong = form({ trackingNo, contact: '13900000000' }, { name: 'proof.pdf', data: PDF });
    const other = await ctx.app.inject({
      method: 'POST',
      url: `${PUBLIC}/objections/evidence`,
      headers: { ...headers, 'content-type': wrong.contentType },
      payload: wrong.payload,
    });
    expect(other.statusCode).toBe(404);
    const good = form({ trackingNo, contact: objection.contact }, { name: '证明.pdf', data: PDF });
    const sent = await ctx.app.inject({
      method: 'POST',
      url: `${PUBLIC}/objections/evidence`,
      headers: { ...headers, 'content-type': good.contentType },
      payload: good.payload,
    });
    expect(sent.statusCode, sent.body).toBe(201);

    const lookupWrong = await visitor(ctx, 'POST', '/objections/lookup', {
      trackingNo,
      contact: '13900000000',
    });
    expect(lookupWrong.statusCode).toBe(404);
    const pending = await visitor(ctx, 'POST', '/objections/lookup', {
      trackingNo,
      contact: objection.contact,
    });
    expect(pending.json()).toMatchObject({ status: 'open', answer: null });

    // Staff see it with the contact masked, open it whole, read the evidence and answer once.
    const list = await staff.get(`/objections?noticeId=${open}`);
    expect(list.json().total).toBe(1);
    const item = list.json().items[0];
    expect(item).toMatchObject({ trackingNo, contact: '139****1234', hasEvidence: true, status: 'open' });
    expect((await staff.get(`/objections/${item.id}`)).json().contact).toBe(objection.contact);
    const evidence = await call(ctx.app, {
      url: `${STAFF}/objections/${item.id}/evidence`,
      cookie: staff.cookie,
    });
    expect(evidence.statusCode).toBe(200);
    expect(evidence.rawPayload.equals(PDF)).toBe(true);
    const noAnswer = await staff.post(`/objections/${item.id}/answer`, { answer: '' });
    expect(noAnswer.json().error.field).toBe('answer');
    const answered = await staff.post(`/objections/${item.id}/answer`, {
      answer: '经核实，该项目与省级项目研究内容不同，不属重复申报。',
    });
    expect(answered.status, answered.text).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', answeredOn: clock.today() });
    expect((await staff.post(`/objections/${item.id}/answer`, { answer: '再答' })).status).toBe(409);
    const done = await visitor(ctx, 'POST', '/objections/lookup', {
      trackingNo: trackingNo.toLowerCase(),
      contact: ` ${objection.contact}`,
    });
    expect(done.json()).toMatchObject({
      status: 'answered',
      answer: expect.stringContaining('不属重复申报'),
    });
    expect(await auditActions(ctx, item.id)).toEqual([
      'portal.objection.lodge',
      'portal.objection.evidence',
      'portal.objection.evidence-download',
      'portal.objection.answer',
    ]);
  });

  it('drafts a 立项公示 from the approved applications of a call, without amounts or contacts', async () => {
    const staff = await staffClient(ctx);
    const c = await createCall(ctx, staff.cookie);
    const org = await makeOrg(ctx, '350582');
    await insertApplication(ctx, {
      callId: c.id,
      orgId: org.id,
      regionCode: '350582',
      state: 'approved',
      title: '高精度伺服系统研发',
    });
    await insertApplication(ctx, { callId: c.id, orgId: org.id, regionCode: '350582', state: 'rejected' });
    const none = await staff.post('/notices/from-call', { callId: crypto.randomUUID() });
    expect(none.json().error.field).toBe('callId');
    const made = await staff.post('/notices/from-call', { callId: c.id });
    expect(made.status, made.text).toBe(201);
    expect(made.json()).toMatchObject({ type: 'approval', status: 'draft', callId: c.id, recordCount: 1 });
    expect(made.json().records).toEqual([
      { title: '高精度伺服系统研发', orgName: org.name, regionName: '晋江市' },
    ]);
  });

  it('offers an open call and its guide files to visitors', async () => {
    const staff = await staffClient(ctx);
    const c = await createCall(ctx, staff.cookie);
    const file = form({}, { name: '申报指南.docx', data: await docx() });
    const up = await ctx.app.inject({
      method: 'POST',
      url: `${STAFF}/calls/${c.id}/guide-files`,
      headers: { cookie: staff.cookie, 'content-type': file.contentType, [CSRF_HEADER]: CSRF_VALUE },
      payload: file.payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    const list = await visitor(ctx, 'GET', '/calls?status=open&pageSize=200');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.find((x: { id: string }) => x.id === c.id)).toMatchObject({
      status: 'open',
      fundingCap: '50.00',
    });
    const detail = await visitor(ctx, 'GET', `/calls/${c.id}`);
    expect(detail.json().files).toHaveLength(1);
    expect(detail.json().requiredAttachments).toEqual([
      { name: '可行性研究报告', nameEn: 'Feasibility report' },
    ]);
    const dl = await visitor(ctx, 'GET', `/calls/${c.id}/files/${detail.json().files[0].id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toContain('filename*=UTF-8');
    expect(dl.headers['cache-control']).toMatch(/^public/);
  });

  it('publishes only the indicators marked public for a year, with the engine’s figures', async () => {
    const staff = await staffClient(ctx);
    const unknown = await staff.put('/statistics', { year: Y, codes: ['no_such_code'] });
    expect(unknown.json().error.field).toBe('codes');
    const set = await staff.put('/statistics', { year: Y, codes: ['hte_valid', 'patent_apps'] });
    expect(set.status, set.text).toBe(200);
    expect(
      set
        .json()
        .items.filter((i: { isPublic: boolean }) => i.isPublic)
        .map((i: { code: string }) => i.code),
    ).toEqual(['hte_valid', 'patent_apps']);
    const pub = await visitor(ctx, 'GET', `/statistics?year=${Y}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().years).toContain(Y);
    expect(pub.json().items.map((i: { code: string }) => i.code)).toEqual(['hte_valid', 'patent_apps']);
    expect(pub.json().regions[0].level).toBe('city');
    // The same figures the signed-in plan pages show.
    const { cookie } = await signedIn(ctx, 'leader');
    const plan = await call(ctx.app, {
      url: `/api/v1/plan/indicator-values?year=${Y}&codes=hte_valid,patent_apps&by=region`,
      cookie,
    });
    const planOf = new Map(
      plan
        .json()
        .items.map((i: { code: string; regionCode: string; value: number }) => [
          `${i.code}|${i.regionCode}`,
          i.value,
        ]),
    );
    const regions: { code: string }[] = pub.json().regions;
    for (const item of pub.json().items) {
      for (const [k, r] of regions.entries())
        expect(item.values[k]).toBe(planOf.get(`${item.code}|${r.code}`));
    }
    await staff.put('/statistics', { year: Y, codes: [] });
    expect((await visitor(ctx, 'GET', `/statistics?year=${Y}`)).json().items).toEqual([]);
  });

  it('lets staff keep the 服务指南 a visitor reads', async () => {
    const staff = await staffClient(ctx);
    const code = `svc_${uniq('').slice(0, 8)}`;
    const body = {
      code,
      title: '科技保险补贴',
      whoMayApply: '高新技术企业',
      materials: '保单',
      timeLimits: '20 个工作日',
      contacts: '0595-2228xxxx',
      entry: '/login',
    };
    const made = await staff.post('/guides', body);
    expect(made.status, made.text).toBe(201);
    expect((await staff.post('/guides', body)).json().error.field).toBe('code');
    expect((await staff.patch(`/guides/${made.json().id}`, { timeLimits: '15 个工作日' })).status).toBe(200);
    const pub = await visitor(ctx, 'GET', '/guides');
    const mine = pub.json().items.find((g: { code: string }) => g.code === code);
    expect(mine).toEqual({ ...body, timeLimits: '15 个工作日' });
  });
});
