import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditLog, qualifications } from '../../db/schema';
import { sheetRows } from '../../test/exports';
import { createCall, type FreshRegion, freshRegion, makeOrg, PROJECTS_API } from '../../test/factories';
import { call, describeEachDb, signedIn, type TestContext, uniq } from '../../test/harness';

const API = '/api/v1/policies';

async function as(ctx: TestContext, cookie: string) {
  const send = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => {
    const res = await call(ctx.app, { method, url: `${API}${url}`, cookie, body });
    return { status: res.statusCode, text: res.body, json: () => res.json(), res };
  };
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, body: unknown = {}) => send('POST', url, body),
    patch: (url: string, body: unknown) => send('PATCH', url, body),
  };
}

async function hte(ctx: TestContext, orgId: string, regionCode: string, issuedOn: string) {
  await ctx.database.db.insert(qualifications).values({ orgId, regionCode, typeCode: 'hte', issuedOn });
}

async function actions(ctx: TestContext, id: string) {
  const rows = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, id));
  return rows.map((r) => r.action);
}

describeEachDb('policies: items, 免申即享 and payments', (ctx) => {
  let region: FreshRegion;
  let documentId: string;
  const orgs: Record<string, { id: string }> = {};

  beforeAll(async () => {
    region = await freshRegion(ctx);
    // A and A2: first recognised in 2016; B: re-recognised (held it since 2013); C: new in 2016 but
    // under a credit record; D: only 2015.
    for (const k of ['A', 'A2', 'B', 'C', 'D'])
      orgs[k] = await makeOrg(ctx, k === 'A2' ? region.zone : region.county);
    await hte(ctx, orgs.A.id, region.county, '2016-11-30');
    await hte(ctx, orgs.A2.id, region.zone, '2016-03-01');
    await hte(ctx, orgs.B.id, region.county, '2013-12-01');
    await hte(ctx, orgs.B.id, region.county, '2016-12-01');
    await hte(ctx, orgs.C.id, region.county, '2016-06-01');
    await hte(ctx, orgs.D.id, region.county, '2015-06-01');
    const { cookie } = await signedIn(ctx, 'staff');
    const staff = await as(ctx, cookie);
    const credit = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/credit/records',
      cookie,
      body: {
        subjectKind: 'org',
        subjectId: orgs.C.id,
        reason: '虚报项目材料',
        sourceDocument: '泉科〔2016〕99号',
        severity: 'serious',
        validFrom: '2016-01-01',
      },
    });
    expect(credit.statusCode, credit.body).toBe(201);
    const doc = await staff.post('', {
      title: uniq('若干意见'),
      issuer: '泉州市人民政府',
      regionCode: '350500',
      documentNo: uniq('泉政文'),
    });
    documentId = doc.json().id;
    await staff.post(`/${documentId}/transition`, { to: 'issued', on: '2016-05-20' });
  });

  const rule = (over: Record<string, unknown> = {}) => ({
    orgKinds: ['enterprise'],
    regionCodes: [region.county],
    qualification: { typeCode: 'hte', issuedFrom: '2016-01-01', issuedTo: '2016-12-31', firstTime: false },
    ...over,
  });
  const item = (over: Record<string, unknown> = {}) => ({
    documentId,
    title: uniq('新认定高新技术企业奖励'),
    year: 2016,
    benefitKind: 'fixed',
    amount: '10',
    noApplication: true,
    rule: rule(),
    ...over,
  });

  it('asks for a session and a permission, and names the field of a bad item', async () => {
    expect((await call(ctx.app, { url: `${API}/items` })).statusCode).toBe(401);
    const enterprise = await as(ctx, (await signedIn(ctx, 'enterprise')).cookie);
    expect((await enterprise.get('/items')).status).toBe(403);
    const county = await as(ctx, (await signedIn(ctx, 'county', { regionCode: region.county })).cookie);
    expect((await county.post('/items', item())).status).toBe(403);

    const staff = await as(ctx, (await signedIn(ctx, 'staff')).cookie);
    const noAmount = await staff.post('/items', item({ amount: null }));
    expect(noAmount.status).toBe(400);
    expect(noAmount.json().error.field).toBe('amount');
    const badRegion = await staff.post('/items', item({ rule: rule({ regionCodes: ['999999'] }) }));
    expect(badRegion.status).toBe(400);
    expect(badRegion.json().error.field).toBe('rule.regionCodes');
    const badDoc = await staff.post('/items', item({ documentId: '00000000-0000-4000-8000-000000000000' }));
    expect(badDoc.json().error.field).toBe('documentId');
  });

  it('previews and versions a rule, lists the eligible, confirms, is answered and pays', async () => {
    const { cookie } = await signedIn(ctx, 'staff');
    const staff = await as(ctx, cookie);
    const created = await staff.post('/items', item());
    expect(created.status, created.text).toBe(201);
    const id = created.json().item.id as string;
    expect(created.json().item.ruleVersion).toBe(1);

    // The re-recognised B counts until the rule asks for first recognitions; C is kept out by credit.
    const loose = (await staff.post(`/items/${id}/preview`, {})).json();
    expect(loose.rows.map((r: { id: string }) => r.id).sort()).toEqual(
      [orgs.A.id, orgs.A2.id, orgs.B.id].sort(),
    );
    expect(loose.excluded).toEqual([expect.objectContaining({ id: orgs.C.id, reason: '虚报项目材料' })]);
    const strict = rule({
      qualification: { typeCode: 'hte', issuedFrom: '2016-01-01', issuedTo: '2016-12-31', firstTime: true },
    });
    const preview = (await staff.post(`/items/${id}/preview`, { rule: strict })).json();
    expect(preview.total).toBe(2);

    const saved = await staff.patch(`/items/${id}`, { rule: strict });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json().item.ruleVersion).toBe(2);
    expect(saved.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // Saving the same rule again makes no new version.
    expect((await staff.patch(`/items/${id}`, { rule: strict })).json().item.ruleVersion).toBe(2);

    const eligible = await staff.get(`/items/${id}/eligible`);
    expect(eligible.status, eligible.text).toBe(200);
    // A list under a record checks the record's id like any other route (400, not a database error).
    for (const bad of ['x', `${id}'`]) expect((await staff.get(`/items/${bad}/eligible`)).status).toBe(400);
    expect(eligible.json().total).toBe(2);
    const sheet = await staff.get(`/items/${id}/eligible/export.xlsx`);
    expect(sheet.status).toBe(200);
    const rows = await sheetRows(sheet.res.rawPayload);
    expect(rows.length).toBe(3);

    const confirmed = await staff.post(`/items/${id}/confirm`);
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.json().item).toMatchObject({ listRuleVersion: 2, beneficiaries: 2 });
    expect((await staff.post(`/items/${id}/confirm`)).status).toBe(409);

    // The enterprise sees its notice on the workbench and answers it.
    const ent = await signedIn(ctx, 'enterprise', { orgId: orgs.A.id });
    const a = await as(ctx, ent.cookie);
    const bench = await call(ctx.app, { url: '/api/v1/workbench', cookie: ent.cookie });
    expect(bench.json().items ?? bench.json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'toConfirmBenefit', count: 1 })]),
    );
    const mine = (await a.get('/benefits')).json();
    expect(mine.total).toBe(1);
    const notice = mine.items[0];
    expect(notice).toMatchObject({ status: 'notified', ruleVersion: 2, amount: '10.00' });
    const list = (await staff.get(`/items/${id}/beneficiaries?pending=true`)).json();
    const other = list.items.find((r: { orgId: string }) => r.orgId === orgs.A2.id);
    expect((await a.post(`/benefits/${other.id}/respond`, { accept: false, reason: '不需要' })).status).toBe(
      404,
    );
    const bad = await a.post(`/benefits/${notice.id}/respond`, {
      accept: true,
      bankName: '泉州银行',
      bankAccount: '12',
      accountName: 'A',
    });
    expect(bad.status).toBe(400);
    const ok = await a.post(`/benefits/${notice.id}/respond`, {
      accept: true,
      bankName: '泉州银行晋江支行',
      bankAccount: '6222 0213 0000 1234',
      accountName: '测试单位',
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'accepted', bankAccount: '****1234' });

    // A2 has not answered: it cannot be paid yet; A can, once.
    const early = await staff.post(`/items/${id}/batches`, {
      paidOn: '2016-12-20',
      payments: [
        { orgId: orgs.A.id, amount: '10' },
        { orgId: orgs.A2.id, amount: '10' },
      ],
    });
    expect(early.status).toBe(409);
    expect(early.json().error.field).toBe('payments');
    const tooMuch = await staff.post(`/items/${id}/batches`, {
      paidOn: '2016-12-20',
      payments: [{ orgId: orgs.A.id, amount: '11' }],
    });
    expect(tooMuch.json().error.field).toBe('payments');
    const batch = await staff.post(`/items/${id}/batches`, {
      paidOn: '2016-12-20',
      payments: [{ orgId: orgs.A.id, amount: '10' }],
    });
    expect(batch.status, batch.text).toBe(201);
    expect(batch.json()).toMatchObject({ payments: 1, total: '10.00' });
    const twice = await staff.post(`/items/${id}/batches`, {
      paidOn: '2016-12-21',
      payments: [{ orgId: orgs.A.id, amount: '1' }],
    });
    expect(twice.status).toBe(409);
    expect((await staff.get(`/items/${id}/batches`)).json().total).toBe(1);

    // The one left to chase.
    const pending = (await staff.get(`/items/${id}/beneficiaries?pending=true`)).json();
    expect(pending.items.map((r: { orgId: string }) => r.orgId)).toEqual([orgs.A2.id]);
    expect((await staff.post(`/items/${id}/remind`)).json()).toMatchObject({ organisations: 1 });
    expect(await actions(ctx, id)).toEqual(
      expect.arrayContaining([
        'policy-item.create',
        'policy-item.update',
        'policy-item.confirm',
        'policy-item.batch',
        'policy-item.remind',
      ]),
    );
    const rowsAudit = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, notice.id), eq(auditLog.action, 'policy-benefit.accept')));
    expect(JSON.stringify(rowsAudit[0].after)).not.toContain('0000 1234');
  });

  it('lets a county read the items of the city but only its own organisations', async () => {
    const { cookie } = await signedIn(ctx, 'staff');
    const staff = await as(ctx, cookie);
    const id = (await staff.post('/items', item())).json().item.id;
    const other = await as(ctx, (await signedIn(ctx, 'county', { regionCode: '350583' })).cookie);
    expect((await other.get(`/items/${id}`)).status).toBe(200);
    expect((await other.get(`/items/${id}/eligible`)).json().total).toBe(0);
    const own = await as(ctx, (await signedIn(ctx, 'county', { regionCode: region.county })).cookie);
    expect((await own.get(`/items/${id}/eligible`)).json().total).toBe(3);
    expect((await own.post(`/items/${id}/confirm`)).status).toBe(403);
  });

  it('refuses an application from an organisation under a credit record, with the reason', async () => {
    const staff = await signedIn(ctx, 'staff');
    const open = await createCall(ctx, staff.cookie);
    const blocked = await signedIn(ctx, 'enterprise', { orgId: orgs.C.id });
    const res = await call(ctx.app, {
      method: 'POST',
      url: `${PROJECTS_API}/applications`,
      cookie: blocked.cookie,
      body: { callId: open.id },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.field).toBe('credit');
    expect(res.json().error.message).toContain('虚报项目材料');
    const fine = await signedIn(ctx, 'enterprise', { orgId: orgs.D.id });
    const ok = await call(ctx.app, {
      method: 'POST',
      url: `${PROJECTS_API}/applications`,
      cookie: fine.cookie,
      body: { callId: open.id },
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });
});
