import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { auditLog, organizationNames, organizations } from '../../db/schema';
import { CSRF_HEADER, CSRF_VALUE } from '../../platform/access';
import { freshRegion, makeOrg } from '../../test/factories';
import { call, describeEachDb, signedIn, type TestContext } from '../../test/harness';
import { testPatentNumber } from '../../test/ip-fixtures';
import { form } from '../registry/import/test-helpers';

const HEAD = [
  '申请号',
  '专利类型',
  '名称',
  '申请人',
  '发明人',
  '申请日',
  '授权公告日',
  '法律状态',
  'IPC主分类号',
  '申请人地址',
];

async function xlsx(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专利');
  ws.addRow(['某专利数据库导出']);
  ws.addRow(HEAD);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function importFile(ctx: TestContext, cookie: string, data: Buffer) {
  const body = form({}, { name: '专利导出.xlsx', data });
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/ip/imports',
    headers: { cookie, 'content-type': body.contentType, [CSRF_HEADER]: CSRF_VALUE },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().id;
  for (let i = 0; i < 300; i++) {
    const job = (await call(ctx.app, { url: `/api/v1/ip/imports/${id}`, cookie })).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

const get = (ctx: TestContext, cookie: string, url: string) =>
  call(ctx.app, { url: `/api/v1/ip${url}`, cookie });

describeEachDb('ip: patents, import and applicant matching', (ctx) => {
  it('asks for a session and the permission', async () => {
    expect((await call(ctx.app, { url: '/api/v1/ip/patents' })).statusCode).toBe(401);
    const expert = await signedIn(ctx, 'expert');
    expect((await get(ctx, expert.cookie, '/patents')).statusCode).toBe(403);
    const county = await signedIn(ctx, 'county', { regionCode: '350582' });
    expect((await get(ctx, county.cookie, '/imports')).statusCode).toBe(403);
    expect((await get(ctx, county.cookie, '/applicant-reviews')).statusCode).toBe(403);
  });

  it('imports an export: matches by name and former name, reviews the rest, lists row errors, updates on re-import', async () => {
    const { county, name: countyName } = await freshRegion(ctx);
    const staff = await signedIn(ctx, 'staff');
    const tag = randomBytes(3).toString('hex');
    // Registered as 有限公司 with full-width brackets; the export writes 有限责任公司 and half-width.
    const current = await makeOrg(ctx, county);
    const orgName = `泉州（${tag}）鞋业有限公司`;
    await ctx.database.db
      .update(organizations)
      .set({ name: orgName })
      .where(eq(organizations.id, current.id));
    const renamed = await makeOrg(ctx, county);
    const formerName = `旧名${tag}纺织有限公司`;
    await ctx.database.db.insert(organizationNames).values({ orgId: renamed.id, name: formerName });
    const stranger = `外地${tag}科技有限公司`;
    const [a, b, c, d] = [1, 2, 3, 4].map(() => testPatentNumber(2016, 'invention'));
    const bad = testPatentNumber(2016, 'utility').replace(/.$/, (x) => (x === '0' ? '1' : '0'));
    const rows = [
      [
        a,
        '发明',
        `一种${tag}运动鞋底`,
        `泉州(${tag})鞋业有限责任公司`,
        '陈明；林华',
        '2016-03-01',
        '2018-05-02',
        '有效',
        'A43B13/04',
        '福建省泉州市',
      ],
      [b, '发明', `一种${tag}针织面料`, formerName, '王强', '2016-04-01', '', '实质审查', 'D04B1/00', ''],
      [
        c,
        '发明',
        `一种${tag}阀门`,
        `${stranger}；张三`,
        '张三',
        '2016-05-01',
        '',
        '实质审查',
        'F16K1/00',
        `福建省泉州市${countyName}某路1号`,
      ],
      [d, '实用新型', `一种${tag}花洒`, '李四', '李四', '2016-06-01', '', '', '', ''],
      [bad, '实用新型', '校验位错误', '李四', '李四', '2016-06-01', '', '', '', ''],
    ];
    const first = await importFile(ctx, staff.cookie, await xlsx(rows));
    expect(first).toMatchObject({ status: 'done', rowsRead: 5, inserted: 3 });
    // The kind disagreeing with the number's type digit, and the wrong check digit, each name 申请号.
    expect(first.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [6, '申请号'],
      [7, '申请号'],
    ]);

    const pa = (await get(ctx, staff.cookie, `/patents/${a}`)).json();
    expect(pa.patent.applicants[0]).toMatchObject({ orgId: current.id, orgName });
    expect(pa.patent.regionCode).toBe(county);
    const pb = (await get(ctx, staff.cookie, `/patents/ZL${b.replace('.', '')}`)).json();
    expect(pb.patent.applicants[0].orgId).toBe(renamed.id);
    // No registry applicant: the region comes from the address.
    const pc = (await get(ctx, staff.cookie, `/patents/${c}`)).json();
    expect(pc.patent).toMatchObject({ regionCode: county, status: 'pending' });

    const reviews = (
      await get(ctx, staff.cookie, `/applicant-reviews?status=open&q=${encodeURIComponent(stranger)}`)
    ).json();
    expect(reviews.items).toHaveLength(1);
    expect(reviews.items[0]).toMatchObject({ name: stranger, reason: 'unmatched', patents: 1 });
    const decided = await call(ctx.app, {
      method: 'POST',
      url: `/api/v1/ip/applicant-reviews/${reviews.items[0].id}/decision`,
      cookie: staff.cookie,
      body: { orgId: current.id },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'matched', orgName });
    const again = await call(ctx.app, {
      method: 'POST',
      url: `/api/v1/ip/applicant-reviews/${reviews.items[0].id}/decision`,
      cookie: staff.cookie,
      body: { notInRegistry: true },
    });
    expect(again.statusCode).toBe(409);
    const mine = (await get(ctx, staff.cookie, `/patents?orgId=${current.id}`)).json();
    expect(mine.items.map((p: { appNo: string }) => p.appNo).sort()).toEqual([a, c].sort());

    // Re-import: the status moved, so the patent is updated and a dated legal event appended.
    const lapse = [
      [
        a,
        '发明',
        `一种${tag}运动鞋底`,
        `泉州(${tag})鞋业有限责任公司`,
        '陈明；林华',
        '2016-03-01',
        '2018-05-02',
        '未缴年费专利权终止',
        'A43B13/04',
        '',
      ],
    ];
    const second = await importFile(ctx, staff.cookie, await xlsx(lapse));
    expect(second).toMatchObject({ status: 'done', inserted: 0, updated: 1, events: 1 });
    const after = (await get(ctx, staff.cookie, `/patents/${a}`)).json();
    expect(after.patent.status).toBe('lapsed');
    expect(after.timeline.map((t: { label: string }) => t.label)).toEqual([
      '申请',
      '授权公告',
      '未缴年费终止',
    ]);

    const audit = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, reviews.items[0].id));
    expect(audit.map((x) => x.action)).toEqual(['ip.applicant.decide']);
  });

  it('refuses a file without the required columns, naming the file', async () => {
    const staff = await signedIn(ctx, 'staff');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['申请号', '名称']);
    const body = form({}, { name: 'x.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/ip/imports',
      headers: { cookie: staff.cookie, 'content-type': body.contentType, [CSRF_HEADER]: CSRF_VALUE },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('file');
  });

  it('lets every business role search patents (public information), by number, title, kind and county', async () => {
    const { county } = await freshRegion(ctx);
    const staff = await signedIn(ctx, 'staff');
    const tag = randomBytes(3).toString('hex');
    const n = testPatentNumber(2017, 'utility');
    const file = await xlsx([
      [
        n,
        '实用新型',
        `一种${tag}茶具`,
        '王五',
        '王五',
        '2017-01-05',
        '2017-08-01',
        '授权',
        'A47G19/14',
        `福建省泉州市`,
      ],
    ]);
    await importFile(ctx, staff.cookie, file);
    const enterprise = await signedIn(ctx, 'enterprise', { orgId: (await makeOrg(ctx, '350582')).id });
    const byTitle = (
      await get(ctx, enterprise.cookie, `/patents?q=${encodeURIComponent(`${tag} 茶具`)}`)
    ).json();
    expect(byTitle.items.map((p: { appNo: string }) => p.appNo)).toEqual([n]);
    const byNumber = (await get(ctx, enterprise.cookie, `/patents?q=${n.slice(0, 10)}&kind=utility`)).json();
    expect(byNumber.items.map((p: { appNo: string }) => p.appNo)).toContain(n);
    const other = (await get(ctx, enterprise.cookie, `/patents?q=${n}&regionCode=${county}`)).json();
    expect(other.total).toBe(0);
    expect((await get(ctx, enterprise.cookie, '/patents/201710601862.3')).statusCode).toBe(404);
  });
});
