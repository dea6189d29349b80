import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { idCardCheckChar } from '../../../domain/identifiers';
import type { RoleCode } from '../../../domain/roles';
import { agriCommissioners, auditLog } from '../../db/schema';
import { type FreshRegion, freshRegion, makeOrg } from '../../test/factories';
import { call, describeEachDb, signedIn, type TestContext, uniq } from '../../test/harness';
import { demoPhoto } from './demo-build';

const API = '/api/v1/agri';
type Opts = Parameters<typeof signedIn>[2];

async function client(ctx: TestContext, role: RoleCode, opts: Opts = {}) {
  const { cookie, user } = await signedIn(ctx, role, opts);
  const send = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown) => {
    const res = await call(ctx.app, { method, url: `${API}${url}`, cookie, body });
    return { status: res.statusCode, text: res.body, json: () => res.json(), raw: res.rawPayload };
  };
  const upload = async (url: string, content: Buffer, fileName = '现场.png') => {
    const boundary = `----kc${uniq('')}`;
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await call(ctx.app, {
      method: 'POST',
      url: `${API}${url}`,
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
    patch: (url: string, body: unknown) => send('PATCH', url, body),
    upload,
  };
}

function idNumber(): string {
  const first17 = `350582198${String(Math.floor(Math.random() * 10))}0612${String(Math.floor(100 + Math.random() * 899))}`;
  return first17 + idCardCheckChar(first17);
}

async function auditActions(ctx: TestContext, id: string) {
  const rows = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, id));
  return rows.sort((a, b) => Number(a.id - b.id)).map((r) => r.action);
}

/** A county with a commissioner (own account), a cooperative (own account) and a dispatch for this year. */
async function station(ctx: TestContext, region: FreshRegion, staff: Awaited<ReturnType<typeof client>>) {
  const county = await client(ctx, 'county', { regionCode: region.county });
  const commissioner = await client(ctx, 'commissioner');
  const coopOrg = await makeOrg(ctx, region.county);
  const coop = await client(ctx, 'enterprise', { orgId: coopOrg.id });
  const person = await staff.post('/commissioners', {
    name: uniq('特派员'),
    expertise: '茶树栽培',
    employer: '泉州市农业科学研究所',
    regionCode: region.county,
    mobile: '13905951234',
    idNumber: idNumber(),
    username: commissioner.user.username,
  });
  expect(person.status, person.text).toBe(201);
  const dispatch = await county.post('/dispatches', {
    commissionerId: person.json().id,
    servedKind: 'cooperative',
    servedName: coopOrg.name,
    servedOrgId: coopOrg.id,
    regionCode: region.county,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    agreementNo: uniq('协议'),
  });
  expect(dispatch.status, dispatch.text).toBe(201);
  return { county, commissioner, coop, coopOrg, person: person.json(), dispatch: dispatch.json() };
}

const visit = (dispatchId: string, over: Record<string, unknown> = {}) => ({
  dispatchId,
  servedAt: '2026-03-10T09:00:00+08:00',
  place: '茶园',
  lat: 25.06,
  lng: 118.19,
  content: '指导茶园病虫害绿色防控',
  ...over,
});

describeEachDb('agri: commissioners, service logs and their checks', (ctx) => {
  it('asks for a session and a permission', async () => {
    expect((await call(ctx.app, { url: `${API}/parks` })).statusCode).toBe(401);
    const enterprise = await client(ctx, 'enterprise');
    expect((await enterprise.get('/parks')).status).toBe(403);
    const commissioner = await client(ctx, 'commissioner');
    expect((await commissioner.post('/commissioners', {})).status).toBe(403);
    expect((await commissioner.get('/service-logs')).json()).toEqual({ items: [], total: 0 });
  });

  it('keeps the ID number sealed and shows it masked; a bad one is refused naming the field', async () => {
    const staff = await client(ctx, 'staff');
    const body = { name: uniq('林'), expertise: '蔬菜', employer: '农科所', regionCode: '350582' };
    const bad = await staff.post('/commissioners', { ...body, idNumber: '350582199001011234' });
    expect([bad.status, bad.json().error.field]).toEqual([400, 'idNumber']);
    const id = idNumber();
    const made = await staff.post('/commissioners', { ...body, idNumber: id, mobile: '13812345678' });
    expect(made.status, made.text).toBe(201);
    expect(made.json()).toMatchObject({
      idNumber: `${id.slice(0, 6)}********${id.slice(-4)}`,
      mobile: '138****5678',
    });
    const [row] = await ctx.database.db
      .select()
      .from(agriCommissioners)
      .where(eq(agriCommissioners.id, made.json().id));
    expect(row.idNumberSealed).not.toContain(id.slice(6, 14));
    expect(row.idNumberSealed).toMatch(/^(aes|sm4):/);
    const list = await staff.get(`/commissioners?q=${encodeURIComponent(body.name)}`);
    expect(list.json().items[0].idNumber).toContain('*');
    expect(list.text).not.toContain(id);
    expect(await auditActions(ctx, made.json().id)).toEqual(['agri.commissioner.create']);
    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, made.json().id));
    expect(JSON.stringify(audit, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(id);
  });

  it('lets the commissioner log a visit, the cooperative confirm it, and keeps each party to its own', async () => {
    const staff = await client(ctx, 'staff');
    const a = await station(ctx, await freshRegion(ctx), staff);
    const b = await station(ctx, await freshRegion(ctx), staff);

    // Only the commissioner dispatched logs under a dispatch.
    expect((await a.commissioner.post('/service-logs', visit(b.dispatch.id))).json().error.field).toBe(
      'dispatchId',
    );
    const bad = await a.commissioner.post('/service-logs', visit(a.dispatch.id, { place: ' ' }));
    expect([bad.status, bad.json().error.field]).toEqual([400, 'place']);
    const made = await a.commissioner.post('/service-logs', visit(a.dispatch.id));
    expect(made.status, made.text).toBe(201);
    const log = made.json().log;
    expect(log).toMatchObject({ status: 'submitted', flags: [], regionCode: a.dispatch.regionCode });
    const theirs = await b.commissioner.post('/service-logs', visit(b.dispatch.id));
    expect(theirs.status).toBe(201);
    const other = theirs.json().log.id;

    // Scope: the commissioner its own, the county its region, the cooperative what is addressed to it.
    expect((await a.commissioner.get('/service-logs')).json().items.map((x: { id: string }) => x.id)).toEqual(
      [log.id],
    );
    expect((await a.commissioner.get(`/service-logs/${other}`)).status).toBe(404);
    expect((await a.county.get(`/service-logs/${log.id}`)).status).toBe(200);
    expect((await a.county.get(`/service-logs/${other}`)).status).toBe(404);
    expect((await a.county.get('/service-logs')).json().total).toBe(1);
    expect((await a.coop.get('/service-logs')).json().items.map((x: { id: string }) => x.id)).toEqual([
      log.id,
    ]);
    expect((await a.coop.get(`/service-logs/${other}`)).status).toBe(404);
    expect((await a.coop.get('/dispatches')).json().total).toBe(1);
    expect((await a.commissioner.get('/commissioners')).status).toBe(403);

    // Deciding: not the commissioner, not another party; the cooperative once.
    expect(
      (await a.commissioner.post(`/service-logs/${log.id}/actions/confirm`, { satisfaction: 5 })).status,
    ).toBe(403);
    expect((await b.coop.post(`/service-logs/${log.id}/actions/confirm`, { satisfaction: 5 })).status).toBe(
      404,
    );
    const detail = await a.coop.get(`/service-logs/${log.id}`);
    expect(detail.json().abilities).toEqual({ addPhoto: false, confirm: true });
    const low = await a.coop.post(`/service-logs/${log.id}/actions/confirm`, { satisfaction: 9 });
    expect([low.status, low.json().error.field]).toEqual([400, 'satisfaction']);
    const ok = await a.coop.post(`/service-logs/${log.id}/actions/confirm`, { satisfaction: 4 });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json().log).toMatchObject({ status: 'confirmed', satisfaction: 4 });
    const again = await a.coop.post(`/service-logs/${log.id}/actions/confirm`, { satisfaction: 4 });
    expect([again.status, again.json().error.field]).toEqual([409, 'status']);
    const r = await b.coop.post(`/service-logs/${other}/actions/reject`, { reason: '当天未到场' });
    expect(r.json().log).toMatchObject({ status: 'rejected', rejectReason: '当天未到场' });
    expect(await auditActions(ctx, log.id)).toEqual(['agri.service_log.create', 'agri.service_log.confirm']);

    // The county grades the year; another county may not.
    const grade = await a.county.put(`/appraisals/${a.person.id}/2026`, { countyGrade: 'excellent' });
    expect(grade.status, grade.text).toBe(200);
    expect((await b.county.put(`/appraisals/${a.person.id}/2026`, { countyGrade: 'fail' })).status).toBe(404);
    const appraisal = (await a.county.get('/appraisals?year=2026')).json().items[0];
    expect(appraisal).toMatchObject({
      logs: 1,
      confirmed: 1,
      anomalies: 0,
      satisfaction: 4,
      countyGrade: 'excellent',
    });
  });

  it('flags a reused photo, impossible travel and a visit outside the dispatch period', async () => {
    const staff = await client(ctx, 'staff');
    const a = await station(ctx, await freshRegion(ctx), staff);
    const photo = demoPhoto(uniq('photo'), [10, 200, 30]);
    const first = (await a.commissioner.post('/service-logs', visit(a.dispatch.id))).json().log;
    const up = await a.commissioner.upload(`/service-logs/${first.id}/photos`, photo);
    expect(up.status).toBe(200);
    expect(up.json().log).toMatchObject({ photos: 1, flags: [] });
    const notPng = await a.commissioner.upload(
      `/service-logs/${first.id}/photos`,
      Buffer.from('hello'),
      'x.txt',
    );
    expect([notPng.status, notPng.json().error.field]).toEqual([400, 'file']);

    const second = (
      await a.commissioner.post(
        '/service-logs',
        visit(a.dispatch.id, { servedAt: '2026-03-12T09:00:00+08:00' }),
      )
    ).json().log;
    const reused = await a.commissioner.upload(`/service-logs/${second.id}/photos`, photo);
    expect(reused.json().log.flags).toEqual(['photo_reuse']);

    // 泉港 a quarter of an hour after a visit in 安溪: about 75 km in 15 minutes.
    const far = await a.commissioner.post(
      '/service-logs',
      visit(a.dispatch.id, { servedAt: '2026-03-12T09:15:00+08:00', lat: 25.12, lng: 118.92, place: '泉港' }),
    );
    expect(far.json().log.flags).toEqual(['impossible_travel']);

    const outside = await a.commissioner.post(
      '/service-logs',
      visit(a.dispatch.id, { servedAt: '2025-12-20T09:00:00+08:00', lat: null, lng: null }),
    );
    expect(outside.json().log.flags).toEqual(['outside_period']);

    const flagged = await a.county.get('/service-logs?flag=any');
    expect(flagged.json().total).toBe(3);
    expect((await a.county.get('/service-logs?flag=photo_reuse')).json().items[0].id).toBe(second.id);
    // A photo is read by whoever sees its log.
    const detail = (await a.county.get(`/service-logs/${second.id}`)).json();
    const res = await call(ctx.app, { url: `${API}/photos/${detail.photos[0].id}` });
    expect(res.statusCode).toBe(401);
    expect((await a.coop.get(`/photos/${detail.photos[0].id}`)).status).toBe(200);
    const stranger = await client(ctx, 'enterprise');
    expect((await stranger.get(`/photos/${detail.photos[0].id}`)).status).toBe(404);
    const sheet = await a.county.get('/service-logs/export.xlsx?flag=any');
    expect(sheet.status).toBe(200);
  });

  it('keeps carriers and trainings to the county, and computes nothing for a region not its own', async () => {
    const region = await freshRegion(ctx);
    const county = await client(ctx, 'county', { regionCode: region.county });
    const base = {
      kind: 'tech_coop',
      level: 'municipal',
      name: uniq('合作社'),
      regionCode: region.county,
      recognisedOn: '2026-02-01',
    };
    const wrong = await county.post('/cooperatives', { ...base, kind: 'park' });
    expect([wrong.status, wrong.json().error.field]).toEqual([400, 'kind']);
    const outside = await county.post('/cooperatives', { ...base, regionCode: '350583' });
    expect([outside.status, outside.json().error.field]).toEqual([400, 'regionCode']);
    const made = await county.post('/cooperatives', base);
    expect(made.status, made.text).toBe(201);
    const ended = await county.patch(`/units/${made.json().id}`, { endedOn: '2026-01-01' });
    expect([ended.status, ended.json().error.field]).toEqual([400, 'endedOn']);
    expect((await county.get(`/cooperatives?asOf=2026-01-15`)).json().total).toBe(0);
    expect((await county.get(`/cooperatives?asOf=2026-03-01`)).json().total).toBe(1);
    const other = await client(ctx, 'county', { regionCode: '350583' });
    expect((await other.get(`/units/${made.json().id}`)).status).toBe(404);
    const t = await county.post('/trainings', {
      kind: 'onsite',
      title: uniq('培训'),
      regionCode: region.zone,
      heldOn: '2026-04-01',
      attendances: 88,
    });
    expect(t.status, t.text).toBe(201);
    expect(
      (await county.get('/trainings')).json().items.map((x: { attendances: number }) => x.attendances),
    ).toEqual([88]);
  });
});
