import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import type { RoleCode } from '../../../domain/roles';
import { auditLog } from '../../db/schema';
import { call, describeEachDb, signedIn, type TestContext, uniq } from '../../test/harness';

/** A signed-in user's view of /api/v1/policies: status, body, the field an error names. */
async function client(ctx: TestContext, role: RoleCode, opts: Parameters<typeof signedIn>[2] = {}) {
  const { cookie } = await signedIn(ctx, role, opts);
  const send = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => {
    const res = await call(ctx.app, { method, url: `/api/v1/policies${url}`, cookie, body });
    return { status: res.statusCode, text: res.body, raw: res.rawPayload, json: () => res.json(), res };
  };
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, body: unknown) => send('POST', url, body),
    patch: (url: string, body: unknown) => send('PATCH', url, body),
  };
}

const draft = (over: Record<string, unknown> = {}) => ({
  title: uniq('泉州市科技计划项目管理办法'),
  issuer: '泉州市科学技术局',
  regionCode: '350500',
  body: '第一条 ……',
  ...over,
});

async function auditActions(ctx: TestContext, id: string) {
  const rows = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, id));
  return rows.sort((a, b) => Number(a.id - b.id)).map((r) => r.action);
}

describeEachDb('policies: the policy-document library', (ctx) => {
  it('asks for a session, and a permission, before anything', async () => {
    const res = await call(ctx.app, { url: '/api/v1/policies' });
    expect(res.statusCode).toBe(401);
    const enterprise = await client(ctx, 'enterprise');
    expect((await enterprise.get('')).status).toBe(403);
    const county = await client(ctx, 'county', { regionCode: '350582' });
    expect((await county.post('', draft({ regionCode: '350582' }))).status).toBe(403);
  });

  it('refuses a bad draft naming the field, and a 文号 used twice', async () => {
    const staff = await client(ctx, 'staff');
    const empty = await staff.post('', draft({ title: '  ' }));
    expect(empty.status).toBe(400);
    expect(empty.json().error.field).toBe('title');
    const region = await staff.post('', draft({ regionCode: '999999' }));
    expect(region.status).toBe(400);
    expect(region.json().error.field).toBe('regionCode');
    const no = `泉科〔2016〕${uniq('')}号`;
    expect((await staff.post('', draft({ documentNo: no }))).status).toBe(201);
    const twice = await staff.post('', draft({ documentNo: no }));
    expect(twice.status).toBe(409);
    expect(twice.json().error.field).toBe('documentNo');
  });

  it('drafts, issues and repeals, refusing other moves, and audits each step', async () => {
    const staff = await client(ctx, 'staff');
    const created = await staff.post('', draft());
    expect(created.status, created.text).toBe(201);
    const id = created.json().id as string;
    expect(created.json().status).toBe('drafting');

    const noNumber = await staff.post(`/${id}/transition`, { to: 'issued', on: '2016-07-12' });
    expect(noNumber.status).toBe(400);
    expect(noNumber.json().error.field).toBe('documentNo');
    const skip = await staff.post(`/${id}/transition`, { to: 'repealed' });
    expect(skip.status).toBe(409);
    expect(skip.json().error.field).toBe('to');

    const no = `泉科〔2016〕${uniq('')}号`;
    expect((await staff.patch(`/${id}`, { documentNo: no, isPublic: true })).status).toBe(200);
    const issued = await staff.post(`/${id}/transition`, { to: 'issued', on: '2016-07-12' });
    expect(issued.status, issued.text).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'issued', issuedOn: '2016-07-12', documentNo: no });

    const edit = await staff.patch(`/${id}`, { title: '改名' });
    expect(edit.status).toBe(409);
    const early = await staff.post(`/${id}/transition`, { to: 'repealed', on: '2016-01-01' });
    expect(early.status).toBe(400);
    expect(early.json().error.field).toBe('on');
    const repealed = await staff.post(`/${id}/transition`, { to: 'repealed', on: '2016-09-30' });
    expect(repealed.json()).toMatchObject({ status: 'repealed', repealedOn: '2016-09-30' });
    expect((await staff.post(`/${id}/transition`, { to: 'issued' })).status).toBe(409);

    expect(await auditActions(ctx, id)).toEqual([
      'policy.create',
      'policy.update',
      'policy.issue',
      'policy.repeal',
    ]);
    const detail = await staff.get(`/${id}`);
    expect(detail.json().abilities).toEqual({ edit: false, transitions: [] });
  });

  it("shows a county its own documents and the city's issued ones, nothing else", async () => {
    const staff = await client(ctx, 'staff');
    const tag = uniq('政策');
    const cityDraft = (await staff.post('', draft({ title: `${tag}市草稿` }))).json().id;
    const cityIssued = (
      await staff.post('', draft({ title: `${tag}市印发`, documentNo: uniq('泉科') }))
    ).json().id;
    await staff.post(`/${cityIssued}/transition`, { to: 'issued' });
    const jinjiang = (await staff.post('', draft({ title: `${tag}晋江`, regionCode: '350582' }))).json().id;
    const nanan = (await staff.post('', draft({ title: `${tag}南安`, regionCode: '350583' }))).json().id;

    const county = await client(ctx, 'county', { regionCode: '350582' });
    const list = await county.get(`?q=${tag}`);
    expect(list.status).toBe(200);
    expect(
      list
        .json()
        .items.map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual([cityIssued, jinjiang].sort());
    expect((await county.get(`/${nanan}`)).status).toBe(404);
    expect((await county.get(`/${cityDraft}`)).status).toBe(404);
    expect((await county.get(`/${cityIssued}`)).json().abilities).toEqual({ edit: false, transitions: [] });
    const staffView = await staff.get(`/${cityDraft}`);
    expect(staffView.json().abilities).toEqual({ edit: true, transitions: ['issued'] });
  });

  it('exports the filtered list, and shows the public only issued public documents', async () => {
    const staff = await client(ctx, 'staff');
    const tag = uniq('公开');
    const open = (
      await staff.post('', draft({ title: `${tag}甲`, documentNo: uniq('泉科'), isPublic: true }))
    ).json().id;
    const closed = (await staff.post('', draft({ title: `${tag}乙`, documentNo: uniq('泉科') }))).json().id;
    await staff.post('', draft({ title: `${tag}丙`, isPublic: true }));
    for (const id of [open, closed]) await staff.post(`/${id}/transition`, { to: 'issued' });

    const res = await staff.get(`/export.xlsx?q=${tag}&status=issued`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const titles: unknown[] = [];
    wb.worksheets[0].eachRow((row) => {
      titles.push(row.getCell(1).value);
    });
    expect(titles[0]).toBe('文件名称');
    expect(titles.slice(1).sort()).toEqual([`${tag}乙`, `${tag}甲`]);

    const pub = await call(ctx.app, { url: '/api/v1/public/policies?pageSize=200' });
    expect(pub.statusCode).toBe(200);
    const items = pub.json().items as Record<string, unknown>[];
    const mine = items.filter((p) => String(p.title).startsWith(tag));
    expect(mine.map((p) => p.id)).toEqual([open]);
    expect(Object.keys(mine[0]).sort()).toEqual(
      ['body', 'documentNo', 'id', 'indexNo', 'issuedOn', 'issuer', 'title'].sort(),
    );
  });
});
