import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import {
  ACTION_CODES,
  APPLICATION_STATE_CODES,
  TRANSITIONS,
  type Transition,
  type TransitionActor,
} from '../../../../domain/projects';
import { applicationEvents, notifications } from '../../../db/schema';
import { createCall, freshRegion, world } from '../../../test/factories';
import { describeEachDb, signedIn } from '../../../test/harness';
import { act, insertApplication, prepare, stored } from '../../../test/projects-fixtures';

/** Every field any action might want, so only the state (or the role) can be what refuses it. */
const FULL_BODY = { reason: '理由', note: '备注', amount: '1', endsOn: '2031-01-01' };

describeEachDb('projects: the transition table', (ctx) => {
  let w: Awaited<ReturnType<typeof world>>;
  let callId: string;
  let cookieOf: Record<TransitionActor, string>;
  beforeAll(async () => {
    await prepare(ctx);
    const region = await freshRegion(ctx);
    w = await world(ctx, region.county);
    callId = (await createCall(ctx, w.staff.cookie, { maxPerApplicant: 100 })).id;
    cookieOf = {
      applicant: w.enterprise.cookie,
      county: w.county.cookie,
      staff: w.staff.cookie,
      leader: w.leader.cookie,
    };
  });
  const newApp = (state: string) =>
    insertApplication(ctx, { callId, orgId: w.org.id, regionCode: w.org.regionCode, state });

  it('refuses every action from every state outside its `from`, and changes nothing', {
    timeout: 120_000,
  }, async () => {
    let checked = 0;
    for (const state of APPLICATION_STATE_CODES) {
      const app = await newApp(state);
      for (const action of ACTION_CODES) {
        const t: Transition = TRANSITIONS[action];
        if (t.from.includes(state)) continue;
        const res = await act(ctx, cookieOf[t.by], app.id, action, { version: 1, ...FULL_BODY });
        expect(res.statusCode, `${action} from ${state}: ${res.body}`).toBe(409);
        expect(res.json().error.field).toBe('state');
        checked++;
      }
      const after = await stored(ctx, app.id);
      expect(after).toMatchObject({ state, version: 1 });
      const events = await ctx.database.db
        .select()
        .from(applicationEvents)
        .where(eq(applicationEvents.applicationId, app.id));
      expect(events).toHaveLength(0);
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('refuses every action to the roles it does not belong to (403), whatever the state', async () => {
    for (const action of ACTION_CODES) {
      const t: Transition = TRANSITIONS[action];
      const app = await newApp(t.from[0]);
      for (const [by, cookie] of Object.entries(cookieOf)) {
        if (by === t.by) continue;
        const res = await act(ctx, cookie, app.id, action, { version: 1, ...FULL_BODY });
        expect(res.statusCode, `${by} ${action}: ${res.body}`).toBe(403);
      }
      expect(await stored(ctx, app.id)).toMatchObject({ state: t.from[0], version: 1 });
    }
  });

  it('names the missing reason for returns, rejections and negative decisions', async () => {
    for (const action of ACTION_CODES.filter((a) => TRANSITIONS[a].reasonRequired)) {
      const t: Transition = TRANSITIONS[action];
      const app = await newApp(t.from[0]);
      const res = await act(ctx, cookieOf[t.by], app.id, action, { version: 1, reason: '  ' });
      expect(res.statusCode, action).toBe(400);
      expect(res.json().error.field).toBe('reason');
      expect((await stored(ctx, app.id)).state).toBe(t.from[0]);
    }
  });

  it('keeps applicants and counties to their own applications (404 elsewhere)', async () => {
    const app = await newApp('submitted');
    const other = await signedIn(ctx, 'enterprise');
    const otherCounty = await signedIn(ctx, 'county', { regionCode: '350583' });
    expect((await act(ctx, other.cookie, app.id, 'withdraw', { version: 1 })).statusCode).toBe(404);
    expect((await act(ctx, otherCounty.cookie, app.id, 'recommend', { version: 1 })).statusCode).toBe(404);
    const expert = await signedIn(ctx, 'expert');
    expect((await act(ctx, expert.cookie, app.id, 'recommend', { version: 1 })).statusCode).toBe(404);
    expect((await act(ctx, w.county.cookie, app.id, 'recommend', { version: 9 })).statusCode).toBe(409);
  });

  it('lets exactly one of two simultaneous identical actions through', async () => {
    for (const [action, state, cookie] of [
      ['recommend', 'submitted', () => w.county.cookie],
      ['county_return', 'submitted', () => w.county.cookie],
      ['approve', 'proposed', () => w.leader.cookie],
    ] as const) {
      const app = await newApp(state);
      const body = { version: 1, reason: '材料不全' };
      const results = await Promise.all([
        act(ctx, cookie(), app.id, action, body),
        act(ctx, cookie(), app.id, action, body),
      ]);
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes, results.map((r) => r.body).join('\n')).toEqual([200, 409]);
      const refused = results.find((r) => r.statusCode === 409)!;
      expect(refused.json().error.messages.zh).toBe('该申报已被他人处理，请刷新后重试');
      expect(await stored(ctx, app.id)).toMatchObject({ state: TRANSITIONS[action].to, version: 2 });
      const events = await ctx.database.db
        .select()
        .from(applicationEvents)
        .where(eq(applicationEvents.applicationId, app.id));
      expect(events).toHaveLength(1);
      const sent = await ctx.database.db
        .select()
        .from(notifications)
        .where(eq(notifications.link, `/projects/applications/${app.id}`));
      expect(sent).toHaveLength(1);
    }
  });
});
