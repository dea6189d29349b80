import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import type { RoleCode } from '../../../domain/roles';
import { auditLog } from '../../db/schema';
import { type FreshRegion, freshRegion, makeOrg, testUscc } from '../../test/factories';
import { call, describeEachDb, signedIn, type TestContext, uniq } from '../../test/harness';

const API = '/api/v1/contracts';
const J = '350582';
const N = '350583';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

type Opts = Parameters<typeof signedIn>[2];

/** A signed-in user's view of /api/v1/contracts: status, body and the field an error names. */
async function client(ctx: TestContext, role: RoleCode, opts: Opts = {}) {
  const { cookie, user } = await signedIn(ctx, role, opts);
  const send = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => {
    const res = await call(ctx.app, { method, url: `${API}${url}`, cookie, body });
    return { status: res.statusCode, text: res.body, json: () => res.json(), raw: res.rawPayload, res };
  };
  const upload = async (id: string, fileName = '合同.pdf', content = PDF) => {
    const boundary = `----kc${uniq('')}`;
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await call(ctx.app, {
      method: 'POST',
      url: `${API}/${id}/files`,
      cookie,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: payload,
    });
    return { status: res.statusCode, json: () => res.json() };
  };
  return {
    user,
    get: (url: string) => send('GET', url),
    post: (url: string, body: unknown) => send('POST', url, body),
    put: (url: string, body: unknown) => send('PUT', url, body),
    upload,
    /** An action at the contract's current version. */
    act: async (id: string, action: string, body: Record<string, unknown> = {}) => {
      const version = (await send('GET', `/${id}`)).json().contract?.version ?? 0;
      return send('POST', `/${id}/actions/${action}`, { version, ...body });
    },
  };
}

const draft = (over: Record<string, unknown> = {}) => ({
  title: uniq('智能制造工艺技术开发合同'),
  typeCode: 'development',
  subTypeCode: 'entrusted',
  buyerKind: 'domestic',
  buyerName: uniq('厦门示范科技有限公司'),
  contractAmount: '120',
  techAmount: '100',
  nontechCosts: [{ item: '设备费', amount: '20' }],
  paymentTerms: '分两期支付',
  signedOn: '2020-03-01',
  fieldCode: 'advanced-manufacturing',
  objectiveCode: 'industry',
  ...over,
});

/** A seller organisation in a region with one user, and a draft contract it submitted. */
async function seller(ctx: TestContext, regionCode: string) {
  const org = await makeOrg(ctx, regionCode);
  return { org, user: await client(ctx, 'enterprise', { orgId: org.id }) };
}

async function submitted(
  s: Awaited<ReturnType<typeof seller>>,
  over: Record<string, unknown> = {},
): Promise<string> {
  const created = await s.user.post('', draft(over));
  expect(created.status, created.text).toBe(201);
  const id = created.json().contract.id as string;
  expect((await s.user.upload(id)).status).toBe(201);
  const res = await s.user.act(id, 'submit');
  expect(res.status, res.text).toBe(200);
  return id;
}

async function auditActions(ctx: TestContext, id: string) {
  const rows = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, id));
  return rows.sort((a, b) => Number(a.id - b.id)).map((r) => r.action);
}

describeEachDb('contracts: 技术合同认定登记', (ctx) => {
  let fresh: FreshRegion;

  it('asks for a session and a permission, and refuses bad forms naming the field', async () => {
    fresh = await freshRegion(ctx);
    expect((await call(ctx.app, { url: API })).statusCode).toBe(401);
    expect((await (await client(ctx, 'park')).get('')).status).toBe(403);
    const county = await client(ctx, 'county', { regionCode: J });
    expect((await county.post('', draft())).status).toBe(403);

    const s = await seller(ctx, J);
    const cases: [Record<string, unknown>, string][] = [
      [{ techAmount: '130', nontechCosts: [] }, 'techAmount'],
      [{ nontechCosts: [{ item: '设备费', amount: '10' }] }, 'nontechCosts'],
      [{ subTypeCode: 'patent' }, 'subTypeCode'],
      [{ buyerKind: 'registry', buyerUscc: testUscc(J) }, 'buyerUscc'],
      [{ buyerKind: 'registry', buyerUscc: s.org.uscc }, 'buyerUscc'],
      [{ buyerKind: 'foreign', buyerName: 'Acme Inc.' }, 'buyerCountry'],
      [{ buyerKind: 'foreign', buyerName: 'Acme Inc.', buyerCountry: 'US', currency: 'USD' }, 'exchangeRate'],
      [{ effectiveOn: '2020-01-01' }, 'effectiveOn'],
      [{ fieldCode: 'no-such-field' }, 'fieldCode'],
      [{ contractAmount: '0', techAmount: '0', nontechCosts: [] }, 'contractAmount'],
    ];
    for (const [over, field] of cases) {
      const res = await s.user.post('', draft(over));
      expect([res.status, res.json().error?.field], JSON.stringify(over)).toEqual([400, field]);
    }
  });

  it('goes draft → submitted → returned → resubmitted → registered, refusing other moves with 409', async () => {
    const s = await seller(ctx, J);
    const created = await s.user.post('', draft());
    const id = created.json().contract.id as string;
    expect(created.json().abilities).toMatchObject({ edit: true, actions: ['submit'] });
    const noFile = await s.user.act(id, 'submit');
    expect([noFile.status, noFile.json().error.field]).toEqual([400, 'file']);
    const word = await s.user.upload(id, '合同.pdf', Buffer.from('not a pdf'));
    expect(word.status).toBe(400);
    expect((await s.user.upload(id)).status).toBe(201);
    expect((await s.user.act(id, 'register')).status).toBe(403);
    const sub = await s.user.act(id, 'submit');
    expect(sub.json().contract).toMatchObject({ status: 'submitted', registrationNo: null });
    expect(sub.json().contract.decisionDue).not.toBeNull();
    expect((await s.user.act(id, 'submit')).status).toBe(409);
    expect((await s.user.put(`/${id}`, { ...draft(), version: sub.json().contract.version })).status).toBe(
      409,
    );

    const nanan = await client(ctx, 'county', { regionCode: N });
    expect((await nanan.act(id, 'register')).status).toBe(404);
    const staff = await client(ctx, 'staff');
    expect((await staff.act(id, 'register')).status).toBe(403);
    const jinjiang = await client(ctx, 'county', { regionCode: J });
    expect((await jinjiang.get(`/${id}`)).json().abilities.actions).toEqual(['return', 'register', 'refuse']);
    const noReason = await jinjiang.act(id, 'return');
    expect([noReason.status, noReason.json().error.field]).toEqual([400, 'reasonCodes']);
    const stale = await jinjiang.post(`/${id}/actions/return`, { version: 0, reasonCodes: ['other'] });
    expect([stale.status, stale.json().error.field]).toEqual([409, 'version']);
    const returned = await jinjiang.act(id, 'return', {
      reasonCodes: ['missing_documents', 'unclear_price'],
      note: '请补充价款支付方式',
    });
    expect(returned.json().contract).toMatchObject({
      status: 'returned',
      reasonCodes: ['missing_documents', 'unclear_price'],
    });
    const early = await jinjiang.act(id, 'register');
    expect([early.status, early.json().error.field]).toEqual([409, 'action']);
    const edited = await s.user.put(`/${id}`, {
      ...draft({ paymentTerms: '合同签订后30日内一次性支付' }),
      version: returned.json().contract.version,
    });
    expect(edited.status, edited.text).toBe(200);
    expect((await s.user.act(id, 'resubmit')).json().contract.status).toBe('submitted');
    const registered = await jinjiang.act(id, 'register', { on: '2020-05-20' });
    expect(registered.status, registered.text).toBe(200);
    expect(registered.json().contract).toMatchObject({ status: 'registered', registeredOn: '2020-05-20' });
    expect(registered.json().contract.registrationNo).toMatch(/^2020350582\d{6}$/);
    expect((await jinjiang.act(id, 'register')).status).toBe(409);
    expect((await jinjiang.act(id, 'refuse', { reasonCodes: ['other'] })).status).toBe(409);

    const history = (await s.user.get(`/${id}`)).json();
    expect(history.events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'return',
      'resubmit',
      'register',
    ]);
    expect(await auditActions(ctx, id)).toEqual([
      'tech_contract.create',
      'tech_contract.submit',
      'tech_contract.return',
      'tech_contract.update',
      'tech_contract.resubmit',
      'tech_contract.register',
    ]);

    const cert = await s.user.get(`/${id}/certificate.docx`);
    expect(cert.status).toBe(200);
    expect(cert.res.headers['content-type']).toContain('wordprocessingml');
    expect((cert.raw as Buffer).subarray(0, 2).toString()).toBe('PK');
    const no = registered.json().contract.registrationNo;
    // The certificate's 核验地址 (and QR code) opens the public site's check of it.
    const xml = await (await JSZip.loadAsync(cert.raw as Buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain(`/public/verify/contract/${no}`);
    const pub = await call(ctx.app, { url: `/api/v1/public/contracts/verify/${no}` });
    expect(pub.statusCode).toBe(200);
    expect(Object.keys(pub.json()).sort()).toEqual(
      [
        'cancelledOn',
        'registeredOn',
        'registrarName',
        'registrationNo',
        'status',
        'subTypeCode',
        'typeCode',
      ].sort(),
    );
    expect(pub.json()).toMatchObject({
      status: 'registered',
      registeredOn: '2020-05-20',
      registrarName: '晋江市科学技术局',
    });
    expect(
      (await call(ctx.app, { url: `/api/v1/public/contracts/verify/2020350582999998` })).statusCode,
    ).toBe(404);
  });

  it('refuses with reasons, and a refused contract has no certificate', async () => {
    const s = await seller(ctx, J);
    const id = await submitted(s);
    const jinjiang = await client(ctx, 'county', { regionCode: J });
    const refused = await jinjiang.act(id, 'refuse', { reasonCodes: ['not_tech_contract'] });
    expect(refused.json().contract).toMatchObject({ status: 'refused', reasonCodes: ['not_tech_contract'] });
    expect(refused.json().abilities.actions).toEqual([]);
    expect((await s.user.get(`/${id}/certificate.docx`)).status).toBe(409);
    expect((await s.user.act(id, 'resubmit')).status).toBe(409);
  });

  it('numbers registrations per registrar region and year without gaps', async () => {
    const { county } = fresh;
    const s = await seller(ctx, fresh.zone);
    const registrar = await client(ctx, 'county', { regionCode: county });
    const ids = [await submitted(s), await submitted(s), await submitted(s)];
    const numbers = await Promise.all(
      ids.map(
        async (id) =>
          (await registrar.act(id, 'register', { on: '2021-04-01' })).json().contract.registrationNo,
      ),
    );
    const seqs = numbers.map((n: string) => Number(n.slice(-6))).sort((a, b) => a - b);
    expect(numbers.every((n: string) => n.startsWith(`2021${county}`))).toBe(true);
    expect(seqs).toEqual([1, 2, 3]);
    const next = await submitted(s);
    const other = (await registrar.act(next, 'register', { on: '2022-01-05' })).json().contract
      .registrationNo;
    expect(other).toBe(`2022${county}000001`);
  });

  it('shows a contract to its parties and the registrar of the seller’s county, nobody else', async () => {
    const s = await seller(ctx, J);
    const buyerOrg = await makeOrg(ctx, N);
    const buyer = await client(ctx, 'enterprise', { orgId: buyerOrg.id });
    const tag = uniq('范围');
    const created = await s.user.post(
      '',
      draft({ title: `${tag}合同`, buyerKind: 'registry', buyerUscc: buyerOrg.uscc, buyerName: null }),
    );
    expect(created.json().contract).toMatchObject({ buyerName: buyerOrg.name, buyerKind: 'registry' });
    const id = created.json().contract.id;
    expect((await buyer.get(`/${id}`)).status).toBe(404);
    await s.user.upload(id);
    await s.user.act(id, 'submit');
    expect((await buyer.get(`/${id}`)).json().abilities).toMatchObject({ edit: false, actions: [] });
    const stranger = await client(ctx, 'enterprise', { orgId: (await makeOrg(ctx, J)).id });
    expect((await stranger.get(`/${id}`)).status).toBe(404);
    expect((await stranger.get(`?q=${tag}`)).json().total).toBe(0);

    const jinjiang = await client(ctx, 'county', { regionCode: J });
    const nanan = await client(ctx, 'county', { regionCode: N });
    expect((await jinjiang.get(`?q=${tag}`)).json().items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await nanan.get(`?q=${tag}`)).json().total).toBe(0);
    expect((await nanan.get(`/${id}`)).status).toBe(404);
    expect((await nanan.get(`?regionCode=${J}&q=${tag}`)).json().total).toBe(0);
    const leader = await client(ctx, 'leader');
    expect((await leader.get(`?q=${tag}&status=submitted`)).json().total).toBe(1);
    expect((await leader.get(`/${id}`)).json().abilities.actions).toEqual([]);
    const xlsx = await jinjiang.get(`/export.xlsx?q=${tag}`);
    expect(xlsx.status).toBe(200);
  });

  it('keeps a foreign-currency contract in its currency and in 万元 at the recorded rate', async () => {
    const s = await seller(ctx, J);
    const res = await s.user.post(
      '',
      draft({
        typeCode: 'transfer',
        subTypeCode: 'know_how',
        buyerKind: 'foreign',
        buyerName: 'Acme Semiconductor Inc.',
        buyerCountry: 'US',
        currency: 'USD',
        exchangeRate: '6.8',
        contractAmount: '100.5',
        techAmount: '90.25',
        nontechCosts: [{ item: '设备及材料费', amount: '10.25' }],
      }),
    );
    expect(res.status, res.text).toBe(201);
    expect(res.json().contract).toMatchObject({
      currency: 'USD',
      exchangeRate: '6.800000',
      contractAmountOrig: '100.5000',
      techAmountOrig: '90.2500',
      contractAmount: '683.40',
      techAmount: '613.70',
      buyerCountry: 'US',
    });
  });

  it('counts registered amounts as of a date: amendments from their day, cancellations leave the figure', async () => {
    const { county } = fresh;
    const s = await seller(ctx, county);
    const leader = await client(ctx, 'leader');
    const registrar = await client(ctx, 'county', { regionCode: county });
    const id = await submitted(s, { signedOn: '2023-01-10' });
    const figures = async (asOf: string) => {
      const res = await call(ctx.app, {
        url: `/api/v1/plan/indicator-values?year=2023&region=${county}&asOf=${asOf}&codes=tech_contract_amount,tech_trade_amount,tech_contracts_registered`,
        cookie: (await signedIn(ctx, 'leader')).cookie,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((i: { value: number; kind: string }) => [i.value, i.kind]);
    };
    // Read once before the registration: a figure kept from then must not be served afterwards.
    expect((await figures('2023-05-01'))[0]).toEqual([0, 'computed']);
    await registrar.act(id, 'register', { on: '2023-03-10' });
    const noAmounts = await registrar.act(id, 'amend', { on: '2023-06-01', note: '补充协议' });
    expect([noAmounts.status, noAmounts.json().error.field]).toEqual([400, 'amounts']);
    const tooMuch = await registrar.act(id, 'amend', {
      note: '补充协议',
      amounts: { contractAmount: '150', techAmount: '160', nontechCosts: [] },
    });
    expect([tooMuch.status, tooMuch.json().error.field]).toEqual([400, 'techAmount']);
    const amended = await registrar.act(id, 'amend', {
      on: '2023-06-01',
      note: '补充协议增加金额',
      amounts: { contractAmount: '150', techAmount: '130', nontechCosts: [{ item: '设备费', amount: '20' }] },
    });
    expect(amended.status, amended.text).toBe(200);
    expect(amended.json().amounts.map((a: { contractAmount: string }) => a.contractAmount)).toEqual([
      '120.00',
      '150.00',
    ]);
    const noNote = await registrar.act(id, 'cancel', { on: '2023-09-01' });
    expect([noNote.status, noNote.json().error.field]).toEqual([400, 'note']);
    const cancelled = await registrar.act(id, 'cancel', { on: '2023-09-01', note: '双方解除合同' });
    expect(cancelled.json().contract).toMatchObject({ status: 'cancelled', cancelledOn: '2023-09-01' });

    expect(await figures('2023-02-01')).toEqual([
      [0, 'computed'],
      [0, 'computed'],
      [0, 'computed'],
    ]);
    expect(await figures('2023-05-01')).toEqual([
      [120, 'computed'],
      [100, 'computed'],
      [1, 'computed'],
    ]);
    expect(await figures('2023-07-01')).toEqual([
      [150, 'computed'],
      [130, 'computed'],
      [1, 'computed'],
    ]);
    expect(await figures('2023-12-31')).toEqual([
      [0, 'computed'],
      [0, 'computed'],
      [0, 'computed'],
    ]);
    const drill = await leader.get('');
    expect(drill.status).toBe(200);
    const records = await call(ctx.app, {
      url: `/api/v1/plan/indicators/tech_contract_amount/records?year=2023&region=${county}&asOf=2023-07-01`,
      cookie: (await signedIn(ctx, 'leader')).cookie,
    });
    expect(records.json().items).toEqual([
      expect.objectContaining({ recordId: id, orgId: s.org.id, amount: 150 }),
    ]);
  });
});
