import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { patentCheckChar } from '../../../domain/identifiers';
import { auditLog } from '../../db/schema';
import { makeOrg, world } from '../../test/factories';
import { call, describeEachDb, signedIn, type TestContext, uniq } from '../../test/harness';

const API = '/api/v1/market';

function client(ctx: TestContext, cookie: string) {
  const send = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => {
    const res = await call(ctx.app, { method, url: `${API}${url}`, cookie, body });
    return { status: res.statusCode, text: res.body, json: () => res.json() };
  };
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, body: unknown = {}) => send('POST', url, body),
    patch: (url: string, body: unknown) => send('PATCH', url, body),
  };
}

async function parties(ctx: TestContext, region = '350582') {
  const w = await world(ctx, region);
  const lab = await makeOrg(ctx, '350503', 'institute');
  const institution = await signedIn(ctx, 'institution', { orgId: lab.id });
  return {
    ...w,
    lab,
    ent: client(ctx, w.enterprise.cookie),
    inst: client(ctx, institution.cookie),
    staffApi: client(ctx, w.staff.cookie),
    countyApi: client(ctx, w.county.cookie),
  };
}

/** A topic of Han characters only, so segmentation and search treat it as words. */
const tag = () =>
  `钛合金${[...uniq('')].map((c) => '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳'[Number.parseInt(c, 16)]).join('')}`;
const body12 = '201610123456';
const goodPatent = `${body12}.${patentCheckChar(body12)}`;
const badPatent = `${body12}.${patentCheckChar(body12) === '1' ? '2' : '1'}`;

function achievement(topic: string, over: Record<string, unknown> = {}) {
  return {
    title: `${topic}精密铸造工艺`,
    field: 'advanced-manufacturing',
    maturity: 'pilot',
    transferModes: ['transfer', 'license'],
    price: '120.50',
    patentNos: [goodPatent],
    abstract: `${topic}精密铸造，面向阀门与水暖卫浴。`,
    keywords: [topic, '精密铸造', '阀门'],
    contactPerson: '林工',
    contactPhone: '13800000000',
    ...over,
  };
}

function demand(topic: string, over: Record<string, unknown> = {}) {
  return {
    title: `寻求${topic}精密铸造技术`,
    field: 'advanced-manufacturing',
    problem: `我们做阀门，${topic}精密铸造良品率低。`,
    expectedOutcome: `${topic}铸件良品率提升`,
    budgetMin: '50',
    budgetMax: '200',
    confidential: '年产值约八千万元，机密',
    contactPerson: '王经理',
    contactPhone: '13900000000',
    ...over,
  };
}

async function audits(ctx: TestContext, id: string) {
  const rows = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, id));
  return rows.sort((a, b) => Number(a.id - b.id)).map((r) => r.action);
}

async function publishedPair(p: Awaited<ReturnType<typeof parties>>, topic: string) {
  const a = await p.inst.post('/achievements', achievement(topic, { patentNos: [] }));
  expect(a.status, a.text).toBe(201);
  const d = await p.ent.post('/demands', demand(topic));
  expect(d.status, d.text).toBe(201);
  for (const [api, path] of [
    [p.inst, `/achievements/${a.json().id}`],
    [p.ent, `/demands/${d.json().id}`],
  ] as const) {
    expect((await api.post(`${path}/actions`, { action: 'submit' })).status).toBe(200);
    const pub = await p.staffApi.post(`${path}/actions`, { action: 'publish' });
    expect(pub.status, pub.text).toBe(200);
  }
  return { achievementId: a.json().id as string, demandId: d.json().id as string };
}

describeEachDb('market: achievements, demands and matching', (ctx) => {
  it('asks for a session and the right permission', async () => {
    expect((await call(ctx.app, { url: `${API}/achievements` })).statusCode).toBe(401);
    const expert = await signedIn(ctx, 'expert');
    expect((await client(ctx, expert.cookie).get('/achievements')).status).toBe(403);
    const p = await parties(ctx);
    expect((await p.countyApi.post('/achievements', achievement('某'))).status).toBe(403);
    expect((await p.ent.post('/calls', {})).status).toBe(403);
  });

  it('refuses a bad body naming the field', async () => {
    const p = await parties(ctx);
    const patent = await p.inst.post('/achievements', achievement(tag(), { patentNos: [badPatent] }));
    expect(patent.status).toBe(400);
    expect(patent.json().error.field).toBe('patentNos');
    const modes = await p.inst.post('/achievements', achievement(tag(), { transferModes: [] }));
    expect(modes.status).toBe(400);
    expect(modes.json().error.field).toBe('transferModes');
    const budget = await p.ent.post('/demands', demand(tag(), { budgetMin: '300', budgetMax: '100' }));
    expect(budget.status).toBe(400);
    expect(budget.json().error.field).toBe('budgetMax');
    const other = await p.ent.post('/demands', demand(tag(), { orgId: p.lab.id }));
    expect(other.status).toBe(400);
    expect(other.json().error.field).toBe('orgId');
  });

  it('submits, publishes, versions edits after publication, and refuses other moves', async () => {
    const p = await parties(ctx);
    const created = await p.inst.post('/achievements', achievement(tag()));
    expect(created.status, created.text).toBe(201);
    expect(created.json().status).toBe('draft');
    const a = created.json().id;
    // A draft is the owner's alone: staff do not see it until it is submitted.
    expect((await p.staffApi.post(`/achievements/${a}/actions`, { action: 'publish' })).status).toBe(404);
    const early = await p.inst.post(`/achievements/${a}/actions`, { action: 'withdraw' });
    expect(early.status).toBe(409);
    expect(early.json().error.field).toBe('action');
    expect((await p.inst.post(`/achievements/${a}/actions`, { action: 'submit' })).json().status).toBe(
      'submitted',
    );
    expect((await p.inst.post(`/achievements/${a}/actions`, { action: 'publish' })).status).toBe(403);
    const noReason = await p.staffApi.post(`/achievements/${a}/actions`, { action: 'return' });
    expect(noReason.json().error.field).toBe('comment');
    expect((await p.staffApi.post(`/achievements/${a}/actions`, { action: 'publish' })).json().status).toBe(
      'published',
    );
    const edited = await p.inst.patch(`/achievements/${a}`, { title: '改进后的精密铸造工艺' });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json().version).toBe(2);
    const detail = (await p.inst.get(`/achievements/${a}`)).json();
    expect(detail.versions).toEqual([expect.objectContaining({ version: 1 })]);
    expect((await p.inst.post(`/achievements/${a}/actions`, { action: 'withdraw' })).json().status).toBe(
      'withdrawn',
    );
    expect((await p.inst.patch(`/achievements/${a}`, { title: 'x' })).status).toBe(403);
    expect(await audits(ctx, a)).toEqual([
      'market.achievement.create',
      'market.achievement.submit',
      'market.achievement.publish',
      'market.achievement.update',
      'market.achievement.withdraw',
    ]);
  });

  it('keeps a county to its own records and an organisation to its own drafts', async () => {
    const jinjiang = await parties(ctx, '350582');
    const nanan = await parties(ctx, '350583');
    const d = (await jinjiang.ent.post('/demands', demand(tag()))).json().id;
    await jinjiang.ent.post(`/demands/${d}/actions`, { action: 'submit' });
    expect((await jinjiang.countyApi.get(`/demands/${d}`)).status).toBe(200);
    expect((await nanan.countyApi.get(`/demands/${d}`)).status).toBe(404);
    expect((await nanan.ent.get(`/demands/${d}`)).status).toBe(404);
    const list = (await nanan.countyApi.get('/demands?pageSize=200')).json();
    expect(list.items.every((x: { regionCode: string }) => x.regionCode === '350583')).toBe(true);
    const draft = (await jinjiang.ent.post('/demands', demand(tag()))).json().id;
    expect((await jinjiang.staffApi.get(`/demands/${draft}`)).status).toBe(404);
  });

  it('hides the confidential part and contacts from others and from the public', async () => {
    const p = await parties(ctx);
    const topic = tag();
    const { demandId } = await publishedPair(p, topic);
    const own = (await p.ent.get(`/demands/${demandId}`)).json().demand;
    expect(own.confidential).toContain('机密');
    expect((await p.staffApi.get(`/demands/${demandId}`)).json().demand.confidential).toContain('机密');
    const outsider = (await p.inst.get(`/demands/${demandId}`)).json();
    expect(outsider.demand.confidential).toBeNull();
    expect(outsider.demand.contactPhone).toBeNull();
    expect(outsider.abilities.interest).toBe(true);
    const interested = await p.inst.post(`/demands/${demandId}/interest`, { note: '可提供方案' });
    expect(interested.status, interested.text).toBe(200);
    expect(interested.json().demand.contactPhone).toBe('13900000000');
    expect(interested.json().demand.confidential).toBeNull();
    const ownerView = (await p.ent.get(`/demands/${demandId}`)).json();
    expect(ownerView.interests.map((i: { orgId: string }) => i.orgId)).toEqual([p.lab.id]);
    const pub = await call(ctx.app, { url: `/api/v1/public/market/demands?q=${encodeURIComponent(topic)}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().total).toBe(1);
    expect(pub.body).not.toContain('机密');
    expect(pub.body).not.toContain('13900000000');
    const pubA = await call(ctx.app, {
      url: `/api/v1/public/market/achievements?q=${encodeURIComponent(topic)}`,
    });
    expect(pubA.json().items).toHaveLength(1);
    expect(pubA.body).not.toContain('13800000000');
  });

  it('ranks the counterpart with its reasons and moves the match, audited', async () => {
    const p = await parties(ctx);
    const topic = tag();
    const { achievementId, demandId } = await publishedPair(p, topic);
    expect((await p.inst.get(`/demands/${demandId}/matches`)).status).toBe(403);
    const ranked = await p.ent.get(`/demands/${demandId}/matches`);
    expect(ranked.status, ranked.text).toBe(200);
    const hit = ranked.json().items.find((r: { id: string }) => r.id === achievementId);
    expect(hit).toBeDefined();
    expect(hit.reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['terms', 'field', 'maturity']),
    );
    expect(hit.reasons[0].detail).toMatch(/铸造|钛合金/);
    const reverse = (await p.inst.get(`/achievements/${achievementId}/matches`)).json();
    expect(reverse.items.map((r: { id: string }) => r.id)).toContain(demandId);
    const m = await p.ent.post(`/demands/${demandId}/matches`, { counterpartId: achievementId });
    expect(m.status, m.text).toBe(201);
    expect(m.json().status).toBe('contacted');
    const mid = m.json().id;
    const twice = await p.ent.post(`/demands/${demandId}/matches`, { counterpartId: achievementId });
    expect(twice.status).toBe(409);
    const jump = await p.inst.post(`/matches/${mid}/transition`, { to: 'contracted' });
    expect(jump.status).toBe(409);
    expect(jump.json().error.field).toBe('to');
    expect((await p.inst.post(`/matches/${mid}/transition`, { to: 'negotiating' })).json().status).toBe(
      'negotiating',
    );
    const noReason = await p.ent.post(`/matches/${mid}/transition`, { to: 'dropped' });
    expect(noReason.json().error.field).toBe('reason');
    expect(
      (await p.ent.post(`/matches/${mid}/transition`, { to: 'dropped', reason: 'price' })).json(),
    ).toMatchObject({
      status: 'dropped',
      dropReason: 'price',
    });
    const nanan = await parties(ctx, '350583');
    expect((await nanan.countyApi.post(`/matches/${mid}/transition`, { to: 'contacted' })).status).toBe(404);
    expect(await audits(ctx, mid)).toEqual([
      'market.match.create',
      'market.match.negotiating',
      'market.match.dropped',
    ]);
    const listed = (await p.ent.get(`/matches?demandId=${demandId}`)).json();
    expect(listed.items.map((x: { id: string }) => x.id)).toEqual([mid]);
  });

  it('runs a solution call: proposals, shortlist, the demander picks', async () => {
    const p = await parties(ctx);
    const { achievementId, demandId } = await publishedPair(p, tag());
    const created = await p.staffApi.post('/calls', {
      demandId,
      kind: 'jiebang',
      title: '揭榜：精密铸造',
      closesOn: '2099-12-31',
    });
    expect(created.status, created.text).toBe(201);
    const callId = created.json().call.id;
    expect((await p.ent.post(`/calls/${callId}/proposals`, { summary: '自荐' })).status).toBe(403);
    const proposed = await p.inst.post(`/calls/${callId}/proposals`, {
      summary: '以成果为基础的方案',
      achievementId,
    });
    expect(proposed.status, proposed.text).toBe(201);
    const pid = proposed.json().proposals[0].id;
    expect((await p.ent.get(`/calls/${callId}`)).json().proposals).toEqual([]);
    expect((await p.ent.post(`/calls/${callId}/proposals/${pid}/pick`)).status).toBe(409);
    expect((await p.staffApi.post(`/calls/${callId}/proposals/${pid}/shortlist`)).status).toBe(200);
    const picked = await p.ent.post(`/calls/${callId}/proposals/${pid}/pick`);
    expect(picked.status, picked.text).toBe(200);
    expect(picked.json().call.status).toBe('awarded');
    expect(picked.json().proposals[0].status).toBe('picked');
    expect(await audits(ctx, callId)).toEqual([
      'market.call.create',
      'market.proposal.create',
      'market.proposal.shortlist',
      'market.proposal.pick',
    ]);
  });

  it('records a 推介会 with the achievements presented and the contacts it led to', async () => {
    const p = await parties(ctx);
    const { achievementId, demandId } = await publishedPair(p, tag());
    const bad = await p.staffApi.post('/events', {
      title: '推介会',
      heldOn: '2016-04-22',
      regionCode: '350500',
      attendees: 100,
      achievementIds: [demandId],
    });
    expect(bad.status).toBe(400);
    expect(bad.json().error.field).toBe('achievementIds');
    const ev = await p.staffApi.post('/events', {
      title: uniq('推介会'),
      heldOn: '2016-04-22',
      regionCode: '350500',
      attendees: 100,
      achievementIds: [achievementId],
    });
    expect(ev.status, ev.text).toBe(201);
    const eventId = ev.json().event.id;
    await p.ent.post(`/demands/${demandId}/matches`, { counterpartId: achievementId, eventId });
    const detail = (await p.countyApi.get(`/events/${eventId}`)).json();
    expect(detail.event).toMatchObject({ presented: 1, contacts: 1, attendees: 100 });
    expect(detail.achievements.map((a: { id: string }) => a.id)).toEqual([achievementId]);
  });
});
