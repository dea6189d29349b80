import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { RoleCode } from '../../../domain/roles';
import { auditLog } from '../../db/schema';
import { type FreshCity, freshCity } from '../../test/factories';
import { call, describeEachDb, signedIn, type TestContext, uniq } from '../../test/harness';

const API = '/api/v1/ip/cases';

async function client(ctx: TestContext, role: RoleCode, regionCode?: string) {
  const { cookie, user } = await signedIn(ctx, role, regionCode ? { regionCode } : {});
  const send = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => {
    const res = await call(ctx.app, { method, url: `${API}${url}`, cookie, body });
    return { status: res.statusCode, json: () => res.json(), field: () => res.json().error?.field };
  };
  return {
    user,
    cookie,
    get: (url: string) => send('GET', url),
    post: (url: string, body: unknown) => send('POST', url, body),
    patch: (url: string, body: unknown) => send('PATCH', url, body),
    /** A move at the case's current version. */
    act: async (id: string, action: string, body: Record<string, unknown> = {}) => {
      const version = (await send('GET', `/${id}`)).json().case?.version ?? 1;
      return send('POST', `/${id}/actions/${action}`, { version, ...body });
    },
  };
}

describeEachDb('ip: enforcement cases', (ctx) => {
  let c: FreshCity;
  beforeAll(async () => {
    c = await freshCity(ctx);
  });
  const body = (over: Record<string, unknown> = {}) => ({
    kind: 'infringement',
    title: uniq('某公司诉某厂侵犯专利权纠纷'),
    requester: '泉州某实业有限公司',
    respondent: '某制品厂',
    regionCode: c.counties[0],
    receivedOn: '2023-03-01',
    ...over,
  });

  it('refuses strangers and wrong roles, and names the field of a bad case', async () => {
    expect((await call(ctx.app, { method: 'GET', url: API })).statusCode).toBe(401);
    const firm = await client(ctx, 'enterprise');
    expect((await firm.get('')).status).toBe(403);
    const leader = await client(ctx, 'leader');
    expect((await leader.get('')).status).toBe(200);
    expect((await leader.post('', body())).status).toBe(403);
    const county = await client(ctx, 'county', c.counties[0]);
    for (const [over, field] of [
      [{ regionCode: c.counties[1] }, 'regionCode'],
      [{ regionCode: c.city }, 'regionCode'],
      [{ patentAppNo: '201610000000.1' }, 'patentAppNo'],
      [{ receivedOn: '2999-01-01' }, 'receivedOn'],
      [{ kind: 'theft' }, 'kind'],
      [{ title: '' }, 'title'],
    ] as const) {
      const res = await county.post('', body(over));
      expect([res.status, res.field()]).toEqual([400, field]);
    }
  });

  it('takes a dispute from receipt to 结案 within its deadline, numbering it at 立案, every move audited', async () => {
    const county = await client(ctx, 'county', c.counties[0]);
    const created = await county.post('', body());
    expect(created.status).toBe(201);
    const id = created.json().case.id as string;
    expect(created.json()).toMatchObject({ case: { status: 'received', caseNo: null, deadline: null } });
    expect(created.json().actions).toEqual(['file', 'decline']);

    const filed = await county.act(id, 'file', { on: '2023-03-10' });
    expect(filed.status).toBe(200);
    expect(filed.json().case).toMatchObject({
      status: 'filed',
      filedOn: '2023-03-10',
      deadline: '2023-06-10',
      caseNo: `2023${c.counties[0]}0001`,
    });
    expect((await county.act(id, 'close')).status).toBe(409);
    expect((await county.act(id, 'investigate', { on: '2023-03-12' })).json().case.status).toBe(
      'investigating',
    );
    expect((await county.act(id, 'extend')).field()).toBe('note');
    const extended = await county.act(id, 'extend', { note: '案情复杂，局长批准延长一个月' });
    expect(extended.json().case).toMatchObject({
      status: 'investigating',
      extended: true,
      deadline: '2023-07-10',
    });
    expect((await county.act(id, 'extend', { note: '再延' })).status).toBe(409);
    expect((await county.act(id, 'hear', { on: '2023-06-01' })).json().case.status).toBe('hearing');
    expect(
      (await county.act(id, 'decide', { on: '2023-06-20', note: '责令停止侵权' })).json().case,
    ).toMatchObject({
      status: 'decided',
      endedOn: '2023-06-20',
    });
    expect((await county.act(id, 'close', { on: '2023-06-25' })).json().case.status).toBe('closed');
    expect((await county.patch(`/${id}`, { version: 99, title: '改' })).status).toBe(409);

    const detail = (await county.get(`/${id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual([
      'close',
      'decide',
      'hear',
      'extend',
      'investigate',
      'file',
    ]);
    expect(detail.actions).toEqual([]);
    const audited = await ctx.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, id));
    expect(audited.map((a) => a.action).sort()).toEqual(
      [
        'ip.case.create',
        'ip.case.file',
        'ip.case.investigate',
        'ip.case.extend',
        'ip.case.hear',
        'ip.case.decide',
        'ip.case.close',
      ].sort(),
    );
  });

  it('keeps hearings and mediation to disputes, and refuses a stale version', async () => {
    const county = await client(ctx, 'county', c.counties[0]);
    const id = (await county.post('', body({ kind: 'counterfeit' }))).json().case.id as string;
    const filed = await county.act(id, 'file', { on: '2023-04-30' });
    expect(filed.json().case.deadline).toBe('2023-05-30');
    expect((await county.act(id, 'hear')).status).toBe(409);
    expect((await county.act(id, 'mediate', { note: '调解' })).status).toBe(409);
    expect((await county.act(id, 'extend', { note: '批准' })).json().case.deadline).toBe('2023-06-14');
    const stale = await county.post(`/${id}/actions/decide`, { version: 1, note: '罚款' });
    expect([stale.status, stale.field()]).toEqual([409, 'version']);
  });

  it('lets the city bureau take a case arising in a county, numbered by the city', async () => {
    const staff = await client(ctx, 'staff');
    const made = (await staff.post('', body({ regionCode: c.zone }))).json().case;
    expect(made).toMatchObject({ bureauCode: c.city, regionCode: c.zone });
    expect((await staff.act(made.id, 'file', { on: '2023-05-04' })).json().case.caseNo).toMatch(
      new RegExp(`^2023${c.city}\\d{4}$`),
    );
    const county = await client(ctx, 'county', c.counties[1]);
    expect((await county.get(`/${made.id}`)).status).toBe(404);
  });

  it('shows a case only to its bureau and the city', async () => {
    const mine = await client(ctx, 'county', c.counties[0]);
    const other = await client(ctx, 'county', c.counties[1]);
    const staff = await client(ctx, 'staff');
    const id = (await mine.post('', body())).json().case.id as string;
    expect((await other.get(`/${id}`)).status).toBe(404);
    expect((await other.act(id, 'file')).status).toBe(404);
    expect((await other.get('')).json().items.map((x: { id: string }) => x.id)).not.toContain(id);
    expect((await staff.get(`/${id}`)).status).toBe(200);
    expect((await mine.get(`?q=${encodeURIComponent('某制品厂')}`)).json().total).toBeGreaterThan(0);
  });

  it('counts ip_cases by 立案 in the year where the case arises, as of a date, and warns of deadlines', async () => {
    const county = await client(ctx, 'county', c.counties[1]);
    const make = async (filedOn: string | null) => {
      const id = (await county.post('', body({ regionCode: c.counties[1], receivedOn: '2022-12-20' }))).json()
        .case.id as string;
      if (filedOn) await county.act(id, 'file', { on: filedOn });
      return id;
    };
    await make('2022-12-28');
    await make('2023-01-05');
    await make('2023-08-01');
    await make(null);
    const leader = await client(ctx, 'leader');
    const value = async (asOf: string) => {
      const res = await call(ctx.app, {
        method: 'GET',
        url: `/api/v1/plan/indicator-values?year=2023&region=${c.counties[1]}&asOf=${asOf}&codes=ip_cases`,
        cookie: leader.cookie,
      });
      return res.json().items[0];
    };
    // Its own two filed in 2023, and the city bureau's case arising in its zone (filed 4 May).
    expect(await value('2023-12-31')).toMatchObject({ value: 3, kind: 'computed' });
    expect((await value('2023-04-30')).value).toBe(1);
    expect((await value('2023-06-30')).value).toBe(2);
    // Filed in 2023 and still running today: long past their deadlines.
    const overdue = (await county.get('?deadline=overdue')).json();
    expect(overdue.total).toBe(3);
    expect((await county.get('?deadline=due_soon')).json().total).toBe(0);
  });
});
