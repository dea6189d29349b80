/**
 * Every GET anyone may call without signing in, enumerated from the routes the app registered (all
 * modules), is called with data that holds private fields — contacts, mobiles, e-mails, ID numbers,
 * amounts not published — and must return none of them, and must be cacheable (public + ETag).
 * A public GET added without an example here fails the test: it has to be checked too.
 */

import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { marketAchievements, marketDemands, techContracts } from '../../db/schema';
import { CSRF_HEADER, CSRF_VALUE } from '../../platform/access';
import { clock } from '../../platform/clock';
import { registeredContract } from '../../test/contracts-fixtures';
import { createCall, makeOrg } from '../../test/factories';
import { call, describeEachDb, signedIn, uniq } from '../../test/harness';
import { docx, form, insertApplication, prepare } from '../../test/projects-fixtures';
import { addDays } from './service';

const MOBILE = '13905957788';
const EMAIL = 'informant@example.cn';
const ID_CARD = '350582198001011234';
const SECRET_NAME = uniq('举报人');
const UNPUBLISHED_AMOUNT = '987654.32';

/** Field names that never leave through a public answer. */
const PRIVATE_KEYS =
  /^(contact\w*|\w*phone\w*|\w*mobile\w*|\w*email\w*|idCard\w*|password\w*|\w*secret\w*|confidential|requestedAmount|approvedAmount|proposedAmount|budget|uscc|orgId|ownerOrgId|applicantUserId|createdBy|uploadedBy|answeredBy|setBy|evidence\w*)$/i;
/**
 * The bureau's own office lines, written by staff to be printed (a notice's 异议受理 office, a
 * guide's 咨询电话): published on purpose, never a person's or an organisation's contact.
 */
const BUREAU_FIELDS = new Set(['contactLine', 'contacts']);

function privateKeys(value: unknown, path: string[] = []): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => privateKeys(v, path));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => {
      const here = [...path, k];
      const allowed = BUREAU_FIELDS.has(k);
      return [...(PRIVATE_KEYS.test(k) && !allowed ? [here.join('.')] : []), ...privateKeys(v, here)];
    });
  return [];
}

describeEachDb('public answers carry only allow-listed fields', (ctx) => {
  it('every public GET of every module: no contacts, personal data, unpublished amounts or internal ids', async () => {
    await prepare(ctx);
    const db = ctx.database.db;
    const staff = await signedIn(ctx, 'staff');
    const org = await makeOrg(ctx, '350582');

    // A call with an approved application carrying amounts, and a guide file.
    const c = await createCall(ctx, staff.cookie);
    await insertApplication(ctx, {
      callId: c.id,
      orgId: org.id,
      regionCode: '350582',
      state: 'approved',
      requestedAmount: UNPUBLISHED_AMOUNT,
      approvedAmount: UNPUBLISHED_AMOUNT,
      summary: `联系人手机 ${MOBILE}`,
    });
    const file = form({}, { name: '申报指南.docx', data: await docx() });
    const up = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/portal/calls/${c.id}/guide-files`,
      headers: { cookie: staff.cookie, 'content-type': file.contentType, [CSRF_HEADER]: CSRF_VALUE },
      payload: file.payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json().id as string;

    // A 公示 generated from that call, published, with an objection holding personal data.
    const made = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/portal/notices/from-call',
      cookie: staff.cookie,
      body: { callId: c.id, windowStart: addDays(clock.today(), -1) },
    });
    expect(made.statusCode, made.body).toBe(201);
    const noticeId = made.json().id as string;
    await call(ctx.app, {
      method: 'POST',
      url: `/api/v1/portal/notices/${noticeId}/transition`,
      cookie: staff.cookie,
      body: { to: 'published' },
    });
    const lodged = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/public/objections',
      body: { noticeId, name: SECRET_NAME, contact: MOBILE, reason: `身份证 ${ID_CARD}，邮箱 ${EMAIL}` },
    });
    expect(lodged.statusCode, lodged.body).toBe(201);

    // Published statistics, a guide, a public policy, market listings with contacts and secrets.
    await call(ctx.app, {
      method: 'PUT',
      url: '/api/v1/portal/statistics',
      cookie: staff.cookie,
      body: { year: 2016, codes: ['hte_valid', 'patent_apps'] },
    });
    await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/portal/guides',
      cookie: staff.cookie,
      body: {
        code: `svc_${uniq('').slice(0, 8)}`,
        title: '专利资助',
        whoMayApply: '企业',
        materials: '证书',
        timeLimits: '20 个工作日',
        contacts: '0595-2228xxxx',
      },
    });
    const policy = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/policies',
      cookie: staff.cookie,
      body: {
        title: uniq('政策'),
        issuer: '泉州市科学技术局',
        regionCode: '350500',
        documentNo: `泉科〔2016〕${uniq('')}号`,
        isPublic: true,
        body: '全文',
      },
    });
    await call(ctx.app, {
      method: 'POST',
      url: `/api/v1/policies/${policy.json().id}/transition`,
      cookie: staff.cookie,
      body: { to: 'issued', on: '2016-06-01' },
    });
    const today = clock.today();
    await db.insert(marketAchievements).values({
      title: uniq('石墨烯导热膜'),
      ownerOrgId: org.id,
      regionCode: '350582',
      field: 'new-materials' as never,
      maturity: 'pilot',
      contactPerson: SECRET_NAME,
      contactPhone: MOBILE,
      status: 'published',
      publishedOn: today,
      abstract: '成果简介',
    });
    await db.insert(marketDemands).values({
      title: uniq('散热需求'),
      orgId: org.id,
      regionCode: '350582',
      field: 'new-materials' as never,
      problem: '散热不稳定',
      confidential: `保密 ${EMAIL}`,
      contactPerson: SECRET_NAME,
      contactPhone: MOBILE,
      status: 'published',
      publishedOn: today,
    });
    const contract = await registeredContract(ctx, {
      regionCode: '350582',
      registeredOn: today,
      amount: 123.45,
    });
    const registrationNo = `${today.slice(0, 4)}QZ${String(Date.now()).slice(-6)}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    await db.update(techContracts).set({ registrationNo }).where(eq(techContracts.id, contract.id));

    const examples: Record<string, string> = {
      '/api/v1/public/market/achievements': '/api/v1/public/market/achievements?pageSize=200',
      '/api/v1/public/market/demands': '/api/v1/public/market/demands?pageSize=200',
      '/api/v1/public/policies': '/api/v1/public/policies?pageSize=200',
      '/api/v1/public/projects/submissions/:sha256': `/api/v1/public/projects/submissions/${'ab'.repeat(32)}`,
      '/api/v1/public/contracts/verify/:registrationNo': `/api/v1/public/contracts/verify/${registrationNo}`,
      '/api/v1/public/calls': '/api/v1/public/calls?pageSize=200',
      '/api/v1/public/calls/:id': `/api/v1/public/calls/${c.id}`,
      '/api/v1/public/calls/:id/files/:fileId': `/api/v1/public/calls/${c.id}/files/${fileId}`,
      '/api/v1/public/notices': '/api/v1/public/notices?pageSize=200',
      '/api/v1/public/notices/:id': `/api/v1/public/notices/${noticeId}`,
      '/api/v1/public/statistics': '/api/v1/public/statistics?year=2016',
      '/api/v1/public/guides': '/api/v1/public/guides',
      '/api/v1/public/onboarding/regions': '/api/v1/public/onboarding/regions',
    };
    const publicGets = ctx.app.accessRules
      .filter((r) => r.access === 'public' && r.method === 'GET')
      .map((r) => r.url);
    expect(publicGets.length).toBeGreaterThan(10);
    expect(
      publicGets.filter((u) => !examples[u]),
      'public GETs without an example here',
    ).toEqual([]);

    for (const route of publicGets) {
      const url = examples[route];
      const res = await call(ctx.app, { url });
      expect([200, 404], `${url}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      const isFile = route.includes('/files/');
      if (res.statusCode === 200 && route.startsWith('/api/v1/public/')) {
        expect(res.headers['cache-control'], url).toMatch(/^public/);
        expect(res.headers.etag, url).toBeTruthy();
      }
      if (isFile) continue;
      const text = res.body;
      for (const secret of [MOBILE, EMAIL, ID_CARD, SECRET_NAME, UNPUBLISHED_AMOUNT, org.uscc])
        expect(text.includes(secret), `${url} returned ${secret}`).toBe(false);
      expect(text, url).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
      expect(text, url).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]{2,}/i);
      expect(text, url).not.toMatch(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/);
      expect(text.includes(org.id), `${url} returned an organisation id`).toBe(false);
      expect(privateKeys(JSON.parse(text)), url).toEqual([]);
    }
  });
});
