import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ActionCode,
  APPLICATION_STATE_CODES,
  panelScore,
  TRANSITIONS,
} from '../../../../domain/projects';
import { evaluateEligibility } from '../../../modules/projects/applications/eligibility';
import { getCall } from '../../../modules/projects/calls/calls-repo';
import { RegionTree } from '../../../platform/region-tree';
import { type Database, openDatabase } from '../../client';
import {
  applicationEvents,
  applications,
  calls,
  expertConflicts,
  experts,
  notifications,
  organizations,
  payments,
  reviewAssignments,
  users,
} from '../../schema';
import { seedDemoAccounts } from '../../seed/demo-accounts';
import { loadReferenceData } from '../../seed/reference';
import { generateDemoData } from '..';
import { loadDemoProjects } from './index';

let database: Database;
let loaded: boolean;

beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory' });
  await loadReferenceData(database.db, 'quanzhou');
  await generateDemoData(database.db);
  await seedDemoAccounts(database.db, 'Demo#2017pass');
  loaded = await loadDemoProjects(database.db, await RegionTree.load(database.db));
}, 240_000);

afterAll(async () => {
  await database?.close();
});

const userId = async (username: string) =>
  (
    await database.db
      .select({ id: users.id, orgId: users.orgId })
      .from(users)
      .where(eq(users.username, username))
  )[0];

describe('demo projects', () => {
  it('has a call of each programme and applications in every state', async () => {
    expect(loaded).toBe(true);
    const callRows = await database.db.select().from(calls);
    expect(new Set(callRows.map((c) => c.programmeCode)).size).toBe(7);
    const apps = await database.db.select({ state: applications.state }).from(applications);
    const states = new Set(apps.map((a) => a.state));
    for (const s of APPLICATION_STATE_CODES) expect(states, s).toContain(s);
  });

  it('has exactly one call open now, opened 30 days ago and closing in 20', async () => {
    const now = Date.now();
    const open = (await database.db.select().from(calls)).filter(
      (c) => c.opensAt.getTime() <= now && now < c.closesAt.getTime(),
    );
    expect(open).toHaveLength(1);
    expect(Math.round((now - open[0].opensAt.getTime()) / 86_400_000)).toBe(30);
    expect(Math.round((open[0].closesAt.getTime() - now) / 86_400_000)).toBe(20);
  });

  it('replays every history through the transition table to the current state', async () => {
    const apps = await database.db.select().from(applications);
    const events = await database.db.select().from(applicationEvents).orderBy(applicationEvents.id);
    for (const app of apps) {
      const mine = events.filter((e) => e.applicationId === app.id);
      expect(mine[0]).toMatchObject({ action: 'create', fromState: null, toState: 'draft' });
      let state = 'draft';
      let at = mine[0].at.getTime();
      for (const e of mine.slice(1)) {
        const t = TRANSITIONS[e.action as ActionCode];
        expect(t, e.action).toBeDefined();
        expect(e.fromState).toBe(state);
        expect(t.from as readonly string[]).toContain(state);
        expect(e.toState).toBe(t.to);
        if (t.reasonRequired) expect(e.reason, e.action).toBeTruthy();
        expect(e.at.getTime()).toBeGreaterThan(at);
        expect(e.at.getTime()).toBeLessThanOrEqual(Date.now());
        at = e.at.getTime();
        state = t.to;
      }
      expect(state, app.title).toBe(app.state);
    }
  });

  it('gives the demo accounts something to do', async () => {
    const ent = await userId('enterprise.demo');
    const mine = await database.db.select().from(applications).where(eq(applications.orgId, ent.orgId!));
    const openCall = (await database.db.select().from(calls)).find((c) => c.closesAt.getTime() > Date.now())!;
    expect(mine.some((a) => a.state === 'draft' && a.callId === openCall.id)).toBe(true);
    expect(mine.some((a) => a.state === 'in_progress')).toBe(true);
    const returned = mine.find((a) => a.state === 'returned')!;
    const [ret] = await database.db
      .select()
      .from(applicationEvents)
      .where(
        sql`${applicationEvents.applicationId} = ${returned.id} and ${applicationEvents.action} = 'county_return'`,
      );
    expect(ret.reason).toBeTruthy();
    expect(ret.actorUsername).toBe('county.jinjiang');
    // The open call's rules pass for the demo enterprise today; its returned one can be resubmitted.
    const regions = await RegionTree.load(database.db);
    for (const app of mine.filter((a) => a.callId === openCall.id)) {
      const e = await database.db.transaction(async (tx) =>
        evaluateEligibility(tx, regions, (await getCall(tx, openCall.id))!, ent.orgId!, app.id),
      );
      expect(e.rules.every((r) => r.pass)).toBe(true);
      if (app.state === 'returned') expect(e.missingAttachments).toEqual([]);
    }
    const [{ n }] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(applications)
      .where(sql`${applications.state} = 'submitted' and ${applications.regionCode} like '350582%'`);
    expect(n).toBeGreaterThan(0);
    for (const s of ['recommended', 'expert_review', 'proposed'])
      expect(
        (await database.db.select().from(applications).where(eq(applications.state, s))).length,
      ).toBeGreaterThan(0);
    for (const u of ['enterprise.demo', 'county.jinjiang', 'staff', 'leader', 'expert.demo']) {
      const { id } = await userId(u);
      const notes = await database.db.select().from(notifications).where(eq(notifications.userId, id));
      expect(notes.length, u).toBeGreaterThan(0);
    }
  });

  it('gives the demo expert pending reviews and shows an avoided conflict', async () => {
    const { id } = await userId('expert.demo');
    const [me] = await database.db.select().from(experts).where(eq(experts.userId, id));
    const mine = await database.db
      .select()
      .from(reviewAssignments)
      .where(eq(reviewAssignments.expertId, me.id));
    const pending = mine.filter((r) => r.status === 'assigned');
    expect(pending.length).toBeGreaterThanOrEqual(2);
    expect(pending.length).toBeLessThanOrEqual(3);
    const [conflict] = await database.db
      .select()
      .from(expertConflicts)
      .where(eq(expertConflicts.expertId, me.id));
    const apps = await database.db.select().from(applications).where(eq(applications.state, 'expert_review'));
    const avoided = apps.find((a) => a.orgId === conflict.orgId)!;
    expect(avoided).toBeDefined();
    expect(mine.some((r) => r.applicationId === avoided.id)).toBe(false);
    for (const r of pending) expect(apps.find((a) => a.id === r.applicationId)?.callId).toBe(avoided.callId);
  });

  it('never assigns an expert with a conflict, and scores panels by the trimmed mean', async () => {
    const pool = await database.db.select().from(experts);
    expect(pool.length).toBeGreaterThanOrEqual(55);
    const conflicts = await database.db.select().from(expertConflicts);
    expect(new Set(conflicts.map((c) => c.reason)).size).toBeGreaterThanOrEqual(2);
    const apps = new Map((await database.db.select().from(applications)).map((a) => [a.id, a]));
    const rows = await database.db.select().from(reviewAssignments);
    for (const r of rows) {
      const app = apps.get(r.applicationId)!;
      const x = pool.find((e) => e.id === r.expertId)!;
      expect(x.orgId).not.toBe(app.orgId);
      expect(conflicts.some((c) => c.expertId === x.id && c.orgId === app.orgId)).toBe(false);
    }
    const callRubric = new Map(
      (await database.db.select().from(calls)).map((c) => [
        c.id,
        c.rubric as { code: string; max: number }[],
      ]),
    );
    for (const app of apps.values()) {
      const mine = rows.filter((r) => r.applicationId === app.id);
      const submitted = mine.filter((r) => r.status === 'submitted');
      for (const r of submitted) {
        const rubric = callRubric.get(app.callId)!;
        const scores = r.scores as Record<string, number>;
        for (const c of rubric) expect(scores[c.code]).toBeLessThanOrEqual(c.max);
        expect(Number(r.total)).toBe(rubric.reduce((s, c) => s + scores[c.code], 0));
      }
      if (mine.length === 0) continue;
      const closed = !['expert_review'].includes(app.state);
      if (closed)
        expect(mine.filter((r) => r.status !== 'declined' && r.status !== 'replaced')).toHaveLength(5);
      if (closed) expect(submitted).toHaveLength(5);
      const score = panelScore(submitted.map((r) => Number(r.total)));
      expect(app.panelScore === null ? null : Number(app.panelScore)).toBe(score);
    }
  });

  it('keeps amounts within caps, budgets and approvals', async () => {
    const callRows = new Map((await database.db.select().from(calls)).map((c) => [c.id, c]));
    const apps = await database.db.select().from(applications);
    const paid = await database.db.select().from(payments);
    for (const a of apps) {
      const call = callRows.get(a.callId)!;
      if (a.proposedAmount) expect(Number(a.proposedAmount)).toBeLessThanOrEqual(Number(call.fundingCap));
      if (a.approvedAmount) expect(a.approvedAmount).toBe(a.proposedAmount);
      const sum = paid
        .filter((p) => p.applicationId === a.id)
        .reduce((s, p) => s + Math.round(Number(p.amount) * 100), 0);
      expect(sum).toBeLessThanOrEqual(Math.round(Number(a.approvedAmount ?? 0) * 100));
      if (['in_progress', 'closed', 'acceptance_pending'].includes(a.state)) expect(sum).toBeGreaterThan(0);
      if (a.state === 'closed') expect(sum).toBe(Math.round(Number(a.approvedAmount) * 100));
      if (a.state === 'publicity') expect(a.publicityUntil).toBeTruthy();
    }
    for (const call of callRows.values()) {
      const committed = apps
        .filter((a) => a.callId === call.id && a.approvedAmount)
        .reduce((s, a) => s + Number(a.approvedAmount), 0);
      expect(committed).toBeLessThanOrEqual(Number(call.budget));
    }
  });

  it('copies the region from the applicant organisation', async () => {
    const rows = await database.db
      .select({ app: applications.regionCode, org: organizations.regionCode })
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.orgId));
    for (const r of rows) expect(r.app).toBe(r.org);
  });

  it('adds nothing a second time', async () => {
    const count = async () =>
      (await database.db.select({ n: sql<number>`count(*)::int` }).from(applications))[0].n;
    const before = await count();
    expect(await loadDemoProjects(database.db, await RegionTree.load(database.db))).toBe(false);
    expect(await count()).toBe(before);
  });
});
