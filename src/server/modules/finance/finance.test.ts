import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { RoleCode } from '../../../domain/roles';
import { auditLog, ipPatents, organizations } from '../../db/schema';
import { exportJobRows, sheetRows } from '../../test/exports';
import { type FreshRegion, freshRegion, makeOrg, testUscc } from '../../test/factories';
import { call, describeEachDb, signedIn, type TestContext, uniq } from '../../test/harness';
import { form, xlsx } from '../registry/import/test-helpers';
import { IMPORT_COLUMNS } from './import';

const API = '/api/v1/finance';

async function client(ctx: TestContext, role: RoleCode, opts: Parameters<typeof signedIn>[2] = {}) {
  const { cookie } = await signedIn(ctx, role, opts);
  const send = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => {
    const res = await call(ctx.app, { method, url: `${API}${url}`, cookie, body });
    return { status: res.statusCode, text: res.body, json: () => res.json(), res };
  };
  return {
    cookie,
    get: (url: string) => send('GET', url),
    post: (url: string, body: unknown) => send('POST', url, body),
    patch: (url: string, body: unknown) => send('PATCH', url, body),
    del: (url: string) => send('DELETE', url),
  };
}

/** A registry organisation of kind 金融机构. */
async function financialOrg(ctx: TestContext, regionCode = '350503') {
  const [org] = await ctx.database.db
    .insert(organizations)
    .values({ uscc: testUscc(regionCode), name: uniq('测试银行'), kind: 'financial_institution', regionCode })
    .returning();
  return org;
}

async function auditActions(ctx: TestContext, id: string) {
  const rows = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, id));
  return rows.sort((a, b) => Number(a.id - b.id)).map((r) => r.action);
}

const workbook = (rows: unknown[][]) => xlsx([...IMPORT_COLUMNS], rows);

async function upload(ctx: TestContext, cookie: string, file: Buffer, query = '') {
  const body = form({}, { name: '授信记录.xlsx', data: file });
  return call(ctx.app, {
    method: 'POST',
    url: `${API}/records/import${query}`,
    cookie,
    headers: { 'content-type': body.contentType },
    body: body.payload,
  });
}

describeEachDb('finance: 科技金融 records, institutions and scope', (ctx) => {
  let r: FreshRegion;
  let other: FreshRegion;
  let staff: Awaited<ReturnType<typeof client>>;
  let bankA: { id: string; uscc: string };
  let bankB: { id: string; uscc: string };
  let fund: { id: string; uscc: string };
  let ent: { id: string; uscc: string };
  let entOther: { id: string; uscc: string };

  beforeAll(async () => {
    r = await freshRegion(ctx);
    other = await freshRegion(ctx);
    staff = await client(ctx, 'staff');
    bankA = await financialOrg(ctx);
    bankB = await financialOrg(ctx);
    fund = await financialOrg(ctx);
    for (const [org, type] of [
      [bankA, 'bank'],
      [bankB, 'bank'],
      [fund, 'fund'],
    ] as const) {
      const res = await staff.post('/institutions', { uscc: org.uscc, type });
      expect(res.status, res.text).toBe(201);
    }
    ent = await makeOrg(ctx, r.county);
    entOther = await makeOrg(ctx, other.zone);
  });

  const credit = (over: Record<string, unknown> = {}) => ({
    kind: 'credit',
    enterpriseUscc: ent.uscc,
    startOn: '2016-05-10',
    instrument: 'hte_fund',
    amount: '800.00',
    termMonths: 12,
    guaranteeFree: true,
    refNo: uniq('XQ-'),
    ...over,
  });

  it('asks for a session and a permission', async () => {
    expect((await call(ctx.app, { url: `${API}/records` })).statusCode).toBe(401);
    expect((await (await client(ctx, 'park')).get('/records')).status).toBe(403);
    const enterprise = await client(ctx, 'enterprise', { orgId: ent.id });
    expect((await enterprise.post('/records', credit())).status).toBe(403);
    const county = await client(ctx, 'county', { regionCode: r.county });
    expect((await county.post('/institutions', { uscc: bankA.uscc, type: 'bank' })).status).toBe(403);
  });

  it('lists an institution once, only a registry 金融机构', async () => {
    const twice = await staff.post('/institutions', { uscc: bankA.uscc, type: 'bank' });
    expect(twice.status).toBe(409);
    expect(twice.json().error.field).toBe('uscc');
    const notBank = await staff.post('/institutions', { uscc: ent.uscc, type: 'bank' });
    expect(notBank.status).toBe(400);
    expect(notBank.json().error.field).toBe('uscc');
    const list = await staff.get(`/institutions?q=${bankA.uscc}`);
    expect(list.json().items).toMatchObject([{ id: bankA.id, type: 'bank' }]);
  });

  it('refuses a bad record naming the field', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ amount: null }, 400, 'amount'],
      [{ amount: '-5' }, 400, 'amount'],
      [{ startOn: '2999-01-01' }, 400, 'startOn'],
      [{ institutionId: undefined }, 400, 'institutionId'],
      [{ institutionId: fund.id }, 400, 'institutionId'],
      [{ enterpriseUscc: testUscc() }, 400, 'enterpriseUscc'],
      [{ enterpriseUscc: bankB.uscc }, 400, 'enterpriseUscc'],
      [{ instrument: null }, 400, 'instrument'],
    ];
    for (const [over, status, field] of cases) {
      const res = await staff.post('/records', credit({ institutionId: bankA.id, ...over }));
      expect(res.status, JSON.stringify(over)).toBe(status);
      expect(res.json().error.field, JSON.stringify(over)).toBe(field);
    }
    const listing = await staff.post('/records', {
      kind: 'listing',
      institutionId: bankA.id,
      enterpriseUscc: ent.uscc,
      startOn: '2016-03-01',
    });
    expect(listing.json().error.field).toBe('institutionId');
    const refNo = uniq('DUP-');
    expect((await staff.post('/records', credit({ institutionId: bankA.id, refNo }))).status).toBe(201);
    const dup = await staff.post('/records', credit({ institutionId: bankA.id, refNo }));
    expect(dup.status).toBe(409);
    expect(dup.json().error.field).toBe('refNo');
  });

  it('lets a bank user enter and see only its own institution’s records', async () => {
    const bank = await client(ctx, 'financier', { orgId: bankA.id });
    const mine = await bank.post('/records', credit({ refNo: uniq('OWN-') }));
    expect(mine.status, mine.text).toBe(201);
    expect(mine.json()).toMatchObject({ institutionId: bankA.id, regionCode: r.county, amount: '800.00' });
    const foreign = await bank.post('/records', credit({ institutionId: bankB.id }));
    expect(foreign.status).toBe(400);
    expect(foreign.json().error.field).toBe('institutionId');
    const theirs = await staff.post('/records', credit({ institutionId: bankB.id, refNo: uniq('B-') }));
    expect(theirs.status).toBe(201);

    const list = await bank.get('/records?kind=credit&pageSize=200');
    const ids = list.json().items.map((x: { institutionId: string }) => x.institutionId);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set([bankA.id]));
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(mine.json().id);
    expect((await bank.get(`/records/${theirs.json().id}`)).status).toBe(404);
    expect((await bank.patch(`/records/${theirs.json().id}`, { amount: '1.00' })).status).toBe(404);
    expect((await bank.del(`/records/${theirs.json().id}`)).status).toBe(404);
    expect((await bank.get('/my-institution')).json().institution).toMatchObject({
      id: bankA.id,
      type: 'bank',
    });

    // The spreadsheet and the background export show the same rows.
    const xlsx = await call(ctx.app, { url: `${API}/records/export.xlsx?kind=credit`, cookie: bank.cookie });
    expect(xlsx.statusCode).toBe(200);
    const rows = await sheetRows(xlsx.rawPayload);
    const institutions = new Set(rows.slice(1).map((x) => x[1]));
    expect(institutions.size).toBe(1);
    const job = await exportJobRows(ctx, bank.cookie, `${API}/records`, 'kind=credit');
    expect(job.rows.length).toBe(rows.length);
  });

  it('scopes a county to its region and an enterprise to its own records', async () => {
    const a = await staff.post('/records', credit({ institutionId: bankA.id, refNo: uniq('R-') }));
    const b = await staff.post(
      '/records',
      credit({ institutionId: bankA.id, enterpriseUscc: entOther.uscc, refNo: uniq('O-') }),
    );
    expect(b.json().regionCode).toBe(other.zone);
    const county = await client(ctx, 'county', { regionCode: r.county });
    const seen = (await county.get('/records?pageSize=200')).json().items.map((x: { id: string }) => x.id);
    expect(seen).toContain(a.json().id);
    expect(seen).not.toContain(b.json().id);
    expect((await county.get(`/records/${b.json().id}`)).status).toBe(404);
    const otherCounty = await client(ctx, 'county', { regionCode: other.county });
    expect((await otherCounty.get(`/records/${b.json().id}`)).status).toBe(200);
    const enterprise = await client(ctx, 'enterprise', { orgId: entOther.id });
    const own = (await enterprise.get('/records')).json();
    expect(own.items.map((x: { enterpriseId: string }) => x.enterpriseId)).toEqual([entOther.id]);
    expect((await enterprise.get(`/records/${a.json().id}`)).status).toBe(404);
  });

  it('edits and removes a record, auditing each write', async () => {
    const bank = await client(ctx, 'financier', { orgId: bankA.id });
    const created = await bank.post('/records', credit({ refNo: uniq('E-') }));
    const id = created.json().id as string;
    const edited = await bank.patch(`/records/${id}`, { amount: '950.50', termMonths: 24 });
    expect(edited.status, edited.text).toBe(200);
    // Fields left out stay as they were (免担保 among them).
    expect(edited.json()).toMatchObject({ amount: '950.50', termMonths: 24, guaranteeFree: true });
    const bad = await bank.patch(`/records/${id}`, { endOn: '2010-01-01' });
    expect(bad.status).toBe(200);
    expect(bad.json().endOn).toBeNull();
    expect((await bank.get(`/records/${id}`)).json().abilities.edit).toBe(true);
    expect((await staff.get(`/records/${id}`)).json().abilities.edit).toBe(true);
    const leader = await client(ctx, 'leader');
    expect((await leader.get(`/records/${id}`)).json().abilities.edit).toBe(false);
    expect((await bank.del(`/records/${id}`)).status).toBe(200);
    expect((await bank.get(`/records/${id}`)).status).toBe(404);
    expect(await auditActions(ctx, id)).toEqual([
      'finance.record.create',
      'finance.record.update',
      'finance.record.update',
      'finance.record.delete',
    ]);
  });

  it('pledges a granted patent of the pledgor, once at a time', async () => {
    const appNo = `2015${String(Date.now()).slice(-8)}.${Math.floor(Math.random() * 10)}`;
    await ctx.database.db.insert(ipPatents).values({
      appNo,
      kind: 'invention',
      title: uniq('一种鞋底材料'),
      applicants: [],
      applicantNames: ent.uscc,
      applicantKeys: [],
      orgIds: [ent.id],
      filedOn: '2015-01-10',
      grantedOn: '2016-02-01',
      status: 'granted',
      regionCode: r.county,
    });
    const pledge = (over: Record<string, unknown> = {}) => ({
      kind: 'pledge',
      institutionId: bankA.id,
      appNo,
      amount: '1500',
      startOn: '2016-06-01',
      ...over,
    });
    const unknown = await staff.post('/records', pledge({ appNo: '201599999999.9' }));
    expect(unknown.json().error.field).toBe('appNo');
    const early = await staff.post('/records', pledge({ startOn: '2016-01-15' }));
    expect(early.json().error.field).toBe('appNo');
    const notHolder = await staff.post('/records', pledge({ enterpriseUscc: entOther.uscc }));
    expect(notHolder.json().error.field).toBe('enterpriseUscc');
    const ok = await staff.post('/records', pledge());
    expect(ok.status, ok.text).toBe(201);
    expect(ok.json()).toMatchObject({ enterpriseId: ent.id, appNo, regionCode: r.county });
    const again = await staff.post('/records', pledge({ startOn: '2016-09-01', institutionId: bankB.id }));
    expect(again.status).toBe(409);
    expect(again.json().error.field).toBe('appNo');
    // Released, the patent may be pledged again.
    expect((await staff.patch(`/records/${ok.json().id}`, { endOn: '2016-08-31' })).status).toBe(200);
    expect(
      (await staff.post('/records', pledge({ startOn: '2016-09-01', institutionId: bankB.id }))).status,
    ).toBe(201);
  });

  it('imports a bank’s credit lines: nothing written while a row is wrong, unless the valid rows are asked for', async () => {
    const bank = await client(ctx, 'financier', { orgId: bankA.id });
    const template = await call(ctx.app, { url: `${API}/records/import/template.xlsx`, cookie: bank.cookie });
    expect(template.statusCode).toBe(200);
    const good1 = uniq('IMP-');
    const good2 = uniq('IMP-');
    const file = await workbook([
      ['', good1, ent.uscc, '', '高新技术企业发展基金', '600', '2016-04-01', 12, '是', ''],
      ['', good2, entOther.uscc, '', '', '1,200.5', '2016/7/1', '', '否', '续贷'],
      ['', uniq('IMP-'), testUscc(), '', '', '100', '2016-07-01', '', '', ''],
      ['', uniq('IMP-'), ent.uscc, '', '未知工具', 'abc', '2016-07-01', '', '', ''],
      [bankB.uscc, uniq('IMP-'), ent.uscc, '', '', '100', '2016-07-01', '', '', ''],
    ]);
    const checked = await upload(ctx, bank.cookie, file);
    expect(checked.statusCode, checked.body).toBe(200);
    const result = checked.json();
    expect(result).toMatchObject({ totalRows: 5, validRows: 2, inserted: 0 });
    expect(result.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '4:企业统一社会信用代码',
      '5:增信工具',
      '6:金融机构统一社会信用代码',
    ]);
    expect((await bank.get(`/records?q=${good1}`)).json().total).toBe(0);
    const written = await upload(ctx, bank.cookie, file, '?validOnly=true');
    expect(written.json()).toMatchObject({ inserted: 2 });
    const listed = (await bank.get(`/records?q=${good2}`)).json().items;
    expect(listed).toMatchObject([
      { amount: '1200.50', source: 'import', guaranteeFree: false, instrument: 'hte_fund' },
    ]);
    const notWorkbook = await upload(ctx, bank.cookie, Buffer.from('not a workbook'));
    expect(notWorkbook.json().error.field).toBe('file');
  });
});
