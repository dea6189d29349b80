import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { auditLog, experts, mailOutbox, organizations, users } from '../../db/schema';
import { makeOrg as makeOrgRow, testUscc } from '../../test/factories';
import {
  call,
  describeEachDb,
  login,
  openTestDatabase,
  signedIn,
  type TestContext,
  uniq,
} from '../../test/harness';
import { form } from '../../test/projects-fixtures';

const PUBLIC = '/api/v1/public/onboarding';
const API = '/api/v1/onboarding';
const PASSWORD = 'Zc#Register2026';
const PDF = Buffer.from(
  '%PDF-1.4\n% 授权书\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

const mobile = () => `139${String(randomInt(100_000_000)).padStart(8, '0')}`;

function orgForm(over: Record<string, string> = {}) {
  return {
    kind: 'org',
    uscc: testUscc('350582'),
    orgName: uniq('晋江注册测试有限公司'),
    legalRep: '林测试',
    orgKind: 'enterprise',
    regionCode: '350582',
    fileKind: 'authorisation',
    contactName: '陈联系',
    contactMobile: mobile(),
    contactEmail: `${uniq('c')}@example.cn`,
    username: uniq('reg.').toLowerCase(),
    password: PASSWORD,
    ...over,
  };
}

async function submit(
  ctx: TestContext,
  fields: Record<string, string>,
  file: { name: string; data: Buffer } | null = { name: '授权书.pdf', data: PDF },
  url = `${PUBLIC}/registrations`,
) {
  const { payload, contentType } = form(fields, file ?? undefined);
  return ctx.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': contentType, 'x-requested-with': 'kechuang' },
    payload,
  });
}

async function audits(ctx: TestContext, id: string) {
  const rows = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, id));
  return rows.sort((a, b) => Number(a.id - b.id)).map((r) => r.action);
}

async function idOf(ctx: TestContext, cookie: string, trackingNo: string) {
  const res = await call(ctx.app, { url: `${API}/registrations?q=${trackingNo}`, cookie });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[])[0]?.id;
}

describeEachDb('onboarding: organisations register themselves', (ctx) => {
  it('asks for a session and the permission', async () => {
    expect((await call(ctx.app, { url: `${API}/registrations` })).statusCode).toBe(401);
    const { cookie } = await signedIn(ctx, 'enterprise');
    expect((await call(ctx.app, { url: `${API}/registrations`, cookie })).statusCode).toBe(403);
    const county = await signedIn(ctx, 'county', { regionCode: '350582' });
    expect((await call(ctx.app, { url: '/api/v1/org-accounts', cookie: county.cookie })).statusCode).toBe(
      403,
    );
    const regions = await call(ctx.app, { url: `${PUBLIC}/regions` });
    expect(regions.statusCode).toBe(200);
    expect(regions.json().items.some((r: { code: string }) => r.code === '350582')).toBe(true);
  });

  it('registers, is approved by its county (not another), and the contact becomes unit administrator', async () => {
    const fields = orgForm();
    const res = await submit(ctx, fields);
    expect(res.statusCode, res.body).toBe(201);
    const { trackingNo, status } = res.json();
    expect(status).toBe('pending');
    expect(trackingNo).toMatch(/^ZC\d{8}[A-Z0-9]{6}$/);

    const seen = await call(ctx.app, {
      method: 'POST',
      url: `${PUBLIC}/registrations/lookup`,
      body: { trackingNo, contactMobile: fields.contactMobile },
    });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ status: 'pending', name: fields.orgName, form: null });
    const wrong = await call(ctx.app, {
      method: 'POST',
      url: `${PUBLIC}/registrations/lookup`,
      body: { trackingNo, contactMobile: '13000000000' },
    });
    expect(wrong.statusCode).toBe(404);

    const jinjiang = await signedIn(ctx, 'county', { regionCode: '350582' });
    const nanan = await signedIn(ctx, 'county', { regionCode: '350583' });
    const id = await idOf(ctx, jinjiang.cookie, trackingNo);
    expect(id).toBeDefined();
    const listed = await call(ctx.app, {
      url: `${API}/registrations?q=${trackingNo}`,
      cookie: jinjiang.cookie,
    });
    expect(listed.json().items[0].contactMobile).toMatch(/^\d{3}\*{4}\d{4}$/);
    // 南安 neither lists, reads, opens the file of nor decides a 晋江 request.
    expect(await idOf(ctx, nanan.cookie, trackingNo)).toBeUndefined();
    expect(
      (await call(ctx.app, { url: `${API}/registrations/${id}`, cookie: nanan.cookie })).statusCode,
    ).toBe(404);
    expect(
      (await call(ctx.app, { url: `${API}/registrations/${id}/file`, cookie: nanan.cookie })).statusCode,
    ).toBe(404);
    const foreign = await call(ctx.app, {
      method: 'POST',
      url: `${API}/registrations/${id}/decision`,
      cookie: nanan.cookie,
      body: { decision: 'approve' },
    });
    expect(foreign.statusCode).toBe(404);

    const detail = await call(ctx.app, { url: `${API}/registrations/${id}`, cookie: jinjiang.cookie });
    expect(detail.json()).toMatchObject({
      contactMobile: fields.contactMobile,
      existingOrg: false,
      abilities: { decide: true },
    });
    const file = await call(ctx.app, { url: `${API}/registrations/${id}/file`, cookie: jinjiang.cookie });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const approved = await call(ctx.app, {
      method: 'POST',
      url: `${API}/registrations/${id}/decision`,
      cookie: jinjiang.cookie,
      body: { decision: 'approve' },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', abilities: { decide: false } });
    const { orgId, userId } = approved.json();
    const [org] = await ctx.database.db.select().from(organizations).where(eq(organizations.id, orgId));
    expect(org).toMatchObject({ uscc: fields.uscc, name: fields.orgName, regionCode: '350582' });
    const [user] = await ctx.database.db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ username: fields.username, role: 'unit_admin', orgId });
    expect(await audits(ctx, id)).toEqual([
      'registration.submit',
      'registration.file.download',
      'registration.approve',
    ]);
    expect(await audits(ctx, orgId)).toEqual(['organization.create']);
    expect(await audits(ctx, userId)).toEqual(['user.create']);

    // A decided request is decided once.
    const again = await call(ctx.app, {
      method: 'POST',
      url: `${API}/registrations/${id}/decision`,
      cookie: jinjiang.cookie,
      body: { decision: 'refuse', note: '重复' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.field).toBe('decision');

    // The contact signs in with the password it chose, and creates a 申报员.
    const admin = await login(ctx.app, fields.username, PASSWORD);
    const me = await call(ctx.app, { url: '/api/v1/auth/me', cookie: admin });
    expect(me.json()).toMatchObject({ role: 'unit_admin' });
    const created = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/org-accounts',
      cookie: admin,
      body: { username: uniq('sb.').toLowerCase(), displayName: '申报员甲', kind: 'applicant' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const applicant = await login(ctx.app, created.json().username, created.json().initialPassword);
    const applicantMe = await call(ctx.app, { url: '/api/v1/auth/me', cookie: applicant });
    expect(applicantMe.json()).toMatchObject({ role: 'enterprise', mustChangePassword: true });
    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, created.json().id));
    expect(row.orgId).toBe(orgId);

    // A second request for the organisation, now with an administrator, is refused naming uscc.
    const dup = await submit(ctx, orgForm({ uscc: fields.uscc }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('uscc');
  });

  it('refuses a second open request, a bad USCC, a taken username and a weak password', async () => {
    const fields = orgForm();
    expect((await submit(ctx, fields)).statusCode).toBe(201);
    const dup = await submit(ctx, orgForm({ uscc: fields.uscc }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('uscc');
    const bad = fields.uscc.slice(0, 17) + (fields.uscc[17] === '0' ? '1' : '0');
    const badUscc = await submit(ctx, orgForm({ uscc: bad }));
    expect(badUscc.statusCode).toBe(400);
    expect(badUscc.json().error.field).toBe('uscc');
    const taken = await submit(ctx, orgForm({ username: fields.username }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.field).toBe('username');
    const weak = await submit(ctx, orgForm({ password: 'short' }));
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.field).toBe('password');
    const mobileBad = await submit(ctx, orgForm({ contactMobile: '12345' }));
    expect(mobileBad.statusCode).toBe(400);
    expect(mobileBad.json().error.field).toBe('contactMobile');
    const city = await submit(ctx, orgForm({ regionCode: '350500' }));
    expect(city.statusCode).toBe(400);
    expect(city.json().error.field).toBe('regionCode');
  });

  it('checks the file by its content, type and size', async () => {
    const text = await submit(ctx, orgForm(), { name: '授权书.pdf', data: Buffer.from('not a pdf at all') });
    expect(text.statusCode).toBe(400);
    expect(text.json().error.field).toBe('file');
    const exe = await submit(ctx, orgForm(), { name: 'setup.exe', data: Buffer.from('MZ\x90\x00') });
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.field).toBe('file');
    const docx = await submit(ctx, orgForm(), {
      name: '授权书.doc',
      data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
    });
    expect(docx.statusCode).toBe(400);
    expect(docx.json().error.field).toBe('file');
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024 + 1)]);
    const tooBig = await submit(ctx, orgForm(), { name: '授权书.pdf', data: big });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.field).toBe('file');
    const none = await submit(ctx, orgForm(), null);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.field).toBe('file');
    const png = await submit(ctx, orgForm(), {
      name: '营业执照.png',
      data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
    });
    expect(png.statusCode, png.body).toBe(201);
  });

  it('flags a name that differs from the registry and attaches to the existing record', async () => {
    const org = await makeOrgRow(ctx, '350582');
    const fields = orgForm({ uscc: org.uscc, orgName: `${org.name}（新名称）` });
    const res = await submit(ctx, fields);
    expect(res.statusCode, res.body).toBe(201);
    const county = await signedIn(ctx, 'county', { regionCode: '350582' });
    const id = await idOf(ctx, county.cookie, res.json().trackingNo);
    const detail = await call(ctx.app, { url: `${API}/registrations/${id}`, cookie: county.cookie });
    expect(detail.json()).toMatchObject({ nameMismatch: true, existingOrg: true, existingOrgName: org.name });
    const ok = await call(ctx.app, {
      method: 'POST',
      url: `${API}/registrations/${id}/decision`,
      cookie: county.cookie,
      body: { decision: 'approve' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().orgId).toBe(org.id);
    const count = await ctx.database.db.select().from(organizations).where(eq(organizations.uscc, org.uscc));
    expect(count).toHaveLength(1);
  });

  it('returns with a reason; the registrant reads it, corrects and resubmits; a refusal is final', async () => {
    const fields = orgForm();
    const { trackingNo } = (await submit(ctx, fields)).json();
    const county = await signedIn(ctx, 'county', { regionCode: '350582' });
    const id = await idOf(ctx, county.cookie, trackingNo);
    const decide = (body: unknown) =>
      call(ctx.app, {
        method: 'POST',
        url: `${API}/registrations/${id}/decision`,
        cookie: county.cookie,
        body,
      });
    const noReason = await decide({ decision: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('note');
    expect((await decide({ decision: 'return', note: '授权书未盖章' })).statusCode).toBe(200);

    const seen = await call(ctx.app, {
      method: 'POST',
      url: `${PUBLIC}/registrations/lookup`,
      body: { trackingNo, contactMobile: fields.contactMobile },
    });
    expect(seen.json()).toMatchObject({ status: 'returned', reviewNote: '授权书未盖章' });
    expect(seen.json().form).toMatchObject({ uscc: fields.uscc, username: fields.username });
    expect(seen.json().form.password).toBeUndefined();

    const { kind: _k, password: _p, ...rest } = fields;
    const corrected = await submit(
      ctx,
      { ...rest, legalRep: '林更正', trackingNo, lookupMobile: fields.contactMobile },
      { name: '授权书-盖章.pdf', data: PDF },
      `${PUBLIC}/registrations/resubmit`,
    );
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().status).toBe('pending');
    const again = await submit(
      ctx,
      { ...rest, trackingNo, lookupMobile: fields.contactMobile },
      null,
      `${PUBLIC}/registrations/resubmit`,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.field).toBe('status');
    expect((await decide({ decision: 'refuse', note: '非本市企业' })).statusCode).toBe(200);
    expect(await audits(ctx, id)).toEqual([
      'registration.submit',
      'registration.return',
      'registration.resubmit',
      'registration.refuse',
    ]);
    // A refused request no longer holds the USCC.
    expect((await submit(ctx, orgForm({ uscc: fields.uscc }))).statusCode).toBe(201);
  });

  it('lets a unit administrator manage its own organisation only, never more', async () => {
    const fields = orgForm();
    const { trackingNo } = (await submit(ctx, fields)).json();
    const county = await signedIn(ctx, 'county', { regionCode: '350582' });
    const id = await idOf(ctx, county.cookie, trackingNo);
    await call(ctx.app, {
      method: 'POST',
      url: `${API}/registrations/${id}/decision`,
      cookie: county.cookie,
      body: { decision: 'approve' },
    });
    const admin = await login(ctx.app, fields.username, PASSWORD);
    const other = await makeOrgRow(ctx, '350582');
    const stranger = await signedIn(ctx, 'enterprise', { orgId: other.id });
    const otherAdmin = await signedIn(ctx, 'unit_admin', { orgId: other.id });
    const accounts = (url: string, method: 'GET' | 'POST' = 'GET', body?: unknown) =>
      call(ctx.app, { method, url: `/api/v1/org-accounts${url}`, cookie: admin, body });

    const fin = await accounts('', 'POST', {
      username: uniq('cw.').toLowerCase(),
      displayName: '财务甲',
      kind: 'finance',
    });
    expect(fin.statusCode, fin.body).toBe(201);
    const list = await accounts('');
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([fin.json().id]);
    expect(list.json().items[0].kind).toBe('finance');

    // Another organisation's account, its own, or a role beyond the two: refused.
    expect((await accounts(`/${stranger.user.id}/status`, 'POST', { status: 'disabled' })).statusCode).toBe(
      404,
    );
    expect((await accounts(`/${stranger.user.id}/password-reset`, 'POST')).statusCode).toBe(404);
    expect((await accounts(`/${otherAdmin.user.id}/status`, 'POST', { status: 'disabled' })).statusCode).toBe(
      404,
    );
    const me = await call(ctx.app, { url: '/api/v1/auth/me', cookie: admin });
    expect((await accounts(`/${me.json().id}/status`, 'POST', { status: 'disabled' })).statusCode).toBe(404);
    const higher = await accounts('', 'POST', {
      username: uniq('x.').toLowerCase(),
      displayName: 'x',
      kind: 'unit_admin',
    });
    expect(higher.statusCode).toBe(400);
    expect(higher.json().error.field).toBe('kind');
    const smuggled = await accounts('', 'POST', {
      username: uniq('y.').toLowerCase(),
      displayName: 'y',
      kind: 'applicant',
      orgId: other.id,
    });
    expect(smuggled.statusCode).toBe(400);
    // The unit administrator reaches no business list of other modules it lacks.
    expect((await call(ctx.app, { url: '/api/v1/onboarding/registrations', cookie: admin })).statusCode).toBe(
      403,
    );

    // Disable, enable, reset: each audited; a disabled account cannot sign in.
    const finId = fin.json().id;
    expect((await accounts(`/${finId}/status`, 'POST', { status: 'disabled' })).statusCode).toBe(200);
    const refused = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { username: fin.json().username, password: fin.json().initialPassword },
    });
    expect(refused.statusCode).not.toBe(200);
    expect((await accounts(`/${finId}/status`, 'POST', { status: 'active' })).statusCode).toBe(200);
    const reset = await accounts(`/${finId}/password-reset`, 'POST');
    expect(reset.statusCode).toBe(200);
    await login(ctx.app, fin.json().username, reset.json().initialPassword);
    expect((await audits(ctx, finId)).filter((a) => a.startsWith('org_account.'))).toEqual([
      'org_account.create',
      'org_account.disable',
      'org_account.enable',
      'org_account.reset_password',
    ]);
  });

  it('resets the unit administrator through its county (stamped request) or an e-mail link', async () => {
    const fields = orgForm();
    const { trackingNo } = (await submit(ctx, fields)).json();
    const county = await signedIn(ctx, 'county', { regionCode: '350582' });
    const nanan = await signedIn(ctx, 'county', { regionCode: '350583' });
    const id = await idOf(ctx, county.cookie, trackingNo);
    const approved = await call(ctx.app, {
      method: 'POST',
      url: `${API}/registrations/${id}/decision`,
      cookie: county.cookie,
      body: { decision: 'approve' },
    });
    const userId = approved.json().userId;
    const reset = (cookie: string, body: unknown) =>
      call(ctx.app, { method: 'POST', url: `${API}/registrations/${id}/admin-password`, cookie, body });
    expect((await reset(county.cookie, {})).json().error.field).toBe('stampedRequest');
    expect((await reset(nanan.cookie, { stampedRequest: '盖章申请 2026-12-01' })).statusCode).toBe(404);
    const done = await reset(county.cookie, {
      stampedRequest: '单位盖章申请函（2026-12-01，法定代表人签字）',
    });
    expect(done.statusCode, done.body).toBe(200);
    await login(ctx.app, fields.username, done.json().initialPassword);

    // By e-mail: a wrong address answers the same and sends nothing.
    const ask = (email: string) =>
      call(ctx.app, {
        method: 'POST',
        url: `${PUBLIC}/password-resets`,
        body: { username: fields.username, email },
      });
    expect((await ask('nobody@example.cn')).statusCode).toBe(200);
    const none = await ctx.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, 'nobody@example.cn'));
    expect(none).toHaveLength(0);
    expect((await ask(fields.contactEmail)).statusCode).toBe(200);
    const mails = await ctx.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, fields.contactEmail));
    // The approval was mailed first, then the link.
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [`科创平台：注册申请 ${trackingNo} 已通过`, '科创平台：重置单位管理员密码'].sort(),
    );
    const mail = mails.find((m) => m.subject.includes('重置'))!;
    expect(mail.status).toBe('stored');
    const token = /token=([\w-]+)/.exec(mail.body)![1];

    const sysadmin = await signedIn(ctx, 'sysadmin');
    const outbox = await call(ctx.app, {
      url: `${API}/outbox?q=${encodeURIComponent(fields.contactEmail)}`,
      cookie: sysadmin.cookie,
    });
    expect(outbox.statusCode).toBe(200);
    expect(outbox.json().items).toHaveLength(2);
    expect((await call(ctx.app, { url: `${API}/outbox`, cookie: county.cookie })).statusCode).toBe(403);

    const confirm = (body: unknown) =>
      call(ctx.app, { method: 'POST', url: `${PUBLIC}/password-resets/confirm`, body });
    const weak = await confirm({ token, newPassword: 'weak' });
    expect(weak.json().error.field).toBe('newPassword');
    expect((await confirm({ token, newPassword: 'New#Passw0rd2026' })).statusCode).toBe(200);
    await login(ctx.app, fields.username, 'New#Passw0rd2026');
    const twice = await confirm({ token, newPassword: 'Other#Passw0rd2026' });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.field).toBe('token');
    expect(await audits(ctx, userId)).toEqual(
      expect.arrayContaining([
        'unit_admin.reset_password',
        'password_reset.request',
        'password_reset.complete',
      ]),
    );
  });

  it('puts an approved expert in the expert pool with its declared conflicts; counties do not review experts', async () => {
    const employer = await makeOrgRow(ctx, '350582');
    const conflicted = await makeOrgRow(ctx, '350583');
    const fields = {
      kind: 'expert',
      title: '高级工程师',
      fields: '智能制造、数控技术',
      employerName: employer.name,
      employerUscc: employer.uscc,
      conflictUsccs: conflicted.uscc,
      regionCode: '350582',
      contactName: '郑专家',
      contactMobile: mobile(),
      contactEmail: `${uniq('e')}@example.cn`,
      username: uniq('zj.').toLowerCase(),
      password: PASSWORD,
    };
    const res = await submit(ctx, fields);
    expect(res.statusCode, res.body).toBe(201);
    const county = await signedIn(ctx, 'county', { regionCode: '350582' });
    expect(await idOf(ctx, county.cookie, res.json().trackingNo)).toBeUndefined();
    const staff = await signedIn(ctx, 'staff');
    const id = await idOf(ctx, staff.cookie, res.json().trackingNo);
    const ok = await call(ctx.app, {
      method: 'POST',
      url: `${API}/registrations/${id}/decision`,
      cookie: staff.cookie,
      body: { decision: 'approve' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const [expert] = await ctx.database.db.select().from(experts).where(eq(experts.userId, ok.json().userId));
    expect(expert).toMatchObject({ name: '郑专家', orgId: employer.id, fields: ['智能制造', '数控技术'] });
    const cookie = await login(ctx.app, fields.username, PASSWORD);
    expect((await call(ctx.app, { url: '/api/v1/auth/me', cookie })).json().role).toBe('expert');
  });

  it('counts pending requests on the reviewer’s workbench', async () => {
    const county = await signedIn(ctx, 'county', { regionCode: '350582' });
    const res = await call(ctx.app, { url: '/api/v1/workbench', cookie: county.cookie });
    expect(res.statusCode, res.body).toBe(200);
    const line = res.json().items.find((i: { key: string }) => i.key === 'toOnboard');
    expect(line.count).toBeGreaterThan(0);
  });
});

describe('onboarding rate limits', () => {
  it('answers 429 to a burst of registrations or look-ups from one address', async () => {
    const database = await openTestDatabase('pglite');
    const app = await buildApp({ database, loginAttemptsPerMinute: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await call(app, {
        method: 'POST',
        url: `${PUBLIC}/registrations/lookup`,
        body: { trackingNo: 'ZC20260101AAAAAA', contactMobile: '13900000000' },
      });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([404, 404, 404, 429]);
    const burst: number[] = [];
    for (let i = 0; i < 4; i++) {
      const { payload, contentType } = form(orgForm());
      const r = await app.inject({
        method: 'POST',
        url: `${PUBLIC}/registrations`,
        headers: { 'content-type': contentType, 'x-requested-with': 'kechuang' },
        payload,
      });
      burst.push(r.statusCode);
    }
    expect(burst[3]).toBe(429);
    await app.close();
    await database.close();
  });
});
