/**
 * The demo calls and applications as rows: each application's history (the transitions the real
 * flow makes, by the demo accounts where they are the actors), its amounts, panel and payments.
 * Pure: every choice comes from the seeded generator and the context the loader read.
 */
import { type ActionCode, TRANSITIONS } from '../../../../domain/projects';
import type { applicationEvents, applications, calls, payments } from '../../schema';
import type { Rng } from '../rng';
import { type CallSpec, DEMO_CALLS, type Target } from './calls';
import { chinaDate, officeHours, pathTo, REASONS, replay, timeline } from './paths';

const DAY = 86_400_000;
const FUNDED = new Set(['proposed', 'approved', 'publicity', 'established', 'in_progress', 'rectifying']);
const TRANCHES: Record<string, number[]> = {
  in_progress: [60],
  rectifying: [60],
  terminated: [50],
  acceptance_pending: [60, 20],
  closed: [60, 20, 20],
};
const COUNTY_ACCOUNTS: Record<string, string> = { '350582': 'county.jinjiang', '350583': 'county.nanan' };

export interface DemoOrg {
  id: string;
  name: string;
  uscc: string;
  kind: string;
  regionCode: string;
  address: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
}

export interface BuildContext {
  now: Date;
  counties: string[];
  countyOf: (region: string) => string | null;
  orgs: DemoOrg[];
  /** Organisations holding a 高企 certificate valid in spring 2017. */
  hteHolders: Set<string>;
  demoOrgs: { enterprise: string; institution: string };
  users: Map<string, string>;
}

export type AppRow = typeof applications.$inferInsert & {
  id: string;
  callId: string;
  orgId: string;
  state: string;
};
export type Plan = {
  spec: CallSpec;
  target: Target;
  app: AppRow;
  path: ActionCode[];
  at: Date[];
  q: number;
};

const wan = (n: number) => `${n}.00`;
const fromCents = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
const at0 = (iso: string, time: string) => new Date(`${iso}T${time}+08:00`);

function callRow(spec: CallSpec, ctx: BuildContext, rng: Rng): typeof calls.$inferInsert & { id: string } {
  const opensAt = spec.window ? at0(spec.window[0], '08:30:00') : new Date(ctx.now.getTime() - 30 * DAY);
  const closesAt = spec.window ? at0(spec.window[1], '17:30:00') : new Date(ctx.now.getTime() + 20 * DAY);
  return {
    id: rng.uuid(),
    programmeCode: spec.programme,
    year: 2017,
    title: spec.title,
    opensAt,
    closesAt,
    budget: wan(spec.budget),
    fundingCap: wan(spec.cap),
    maxPerApplicant: spec.maxPerApplicant,
    eligibility: spec.eligibility(ctx.counties),
    requiredAttachments: spec.attachments,
    rubric: spec.rubric,
    expertsPerApplication: 5,
    reviewFields: spec.fields,
    publicityDays: 7,
    createdBy: 'staff',
    createdAt: new Date(opensAt.getTime() - 10 * DAY),
    updatedAt: new Date(opensAt.getTime() - 10 * DAY),
  };
}

/** An organisation for a target: the demo account's own, or one drawn that fits the call. */
function pickOrg(ctx: BuildContext, rng: Rng, spec: CallSpec, t: Target, used: Set<string>): DemoOrg {
  if (t.org) return ctx.orgs.find((o) => o.id === ctx.demoOrgs[t.org!])!;
  const demo = new Set(Object.values(ctx.demoOrgs));
  const fits = (o: DemoOrg, strict: boolean) =>
    !used.has(o.id) &&
    !demo.has(o.id) &&
    spec.kinds.includes(o.kind as never) &&
    (!t.region || ctx.countyOf(o.regionCode) === t.region) &&
    (spec.window !== null || ctx.countyOf(o.regionCode) !== null) &&
    (!strict || !spec.qualification || ctx.hteHolders.has(o.id));
  let list = ctx.orgs.filter((o) => fits(o, true));
  if (list.length === 0) list = ctx.orgs.filter((o) => fits(o, false));
  if (list.length === 0) throw new Error(`demo projects: no organisation fits ${spec.programme}`);
  return rng.pick(list);
}

function titleFor(rng: Rng, spec: CallSpec, t: Target, taken: Set<string>): string {
  let title = t.title ?? `${rng.pick(spec.subjects)}${rng.pick(spec.suffixes)}`;
  for (let i = 0; taken.has(title) && i < 30; i++)
    title = `${rng.pick(spec.subjects)}${rng.pick(spec.suffixes)}`;
  if (taken.has(title)) title = `${title}（二期）`;
  taken.add(title);
  return title;
}

/** Who took an action on an application (the demo accounts where they are the actor). */
function actorOf(ctx: BuildContext, action: ActionCode | 'create', org: DemoOrg) {
  const by = action === 'create' ? 'applicant' : TRANSITIONS[action].by;
  const as = (username: string, role: string) => ({
    actorId: ctx.users.get(username) ?? null,
    actorUsername: ctx.users.has(username) ? username : 'demo',
    actorRole: role,
  });
  if (by === 'applicant') {
    const role = org.kind === 'enterprise' ? 'enterprise' : 'institution';
    if (org.id === ctx.demoOrgs.enterprise) return as('enterprise.demo', role);
    if (org.id === ctx.demoOrgs.institution) return as('institution.demo', role);
    return { actorId: null, actorUsername: 'demo', actorRole: role };
  }
  if (by === 'county') return as(COUNTY_ACCOUNTS[ctx.countyOf(org.regionCode) ?? ''] ?? 'demo', 'county');
  return as(by, by);
}

function reasonFor(rng: Rng, action: ActionCode, path: ActionCode[]): string | null {
  if (!TRANSITIONS[action].reasonRequired) return null;
  if (action === 'reject')
    return path.includes('close_review') ? REASONS.reject[2] : rng.pick(REASONS.reject.slice(0, 2));
  return rng.pick(REASONS[action as keyof typeof REASONS]);
}

export function buildApplications(ctx: BuildContext, rng: Rng) {
  const callRows = DEMO_CALLS.map((spec) => callRow(spec, ctx, rng));
  const plans: Plan[] = [];
  const titles = new Set<string>();
  const events: (typeof applicationEvents.$inferInsert)[] = [];
  DEMO_CALLS.forEach((spec, ci) => {
    const call = callRows[ci];
    const used = new Set<string>();
    for (const target of spec.targets) {
      for (let k = 0; k < (target.n ?? 1); k++) {
        const org = pickOrg(ctx, rng, spec, target, used);
        if (spec.maxPerApplicant === 1 || !target.org) used.add(org.id);
        const path = pathTo(target, rng);
        const states = replay(path);
        const tl = timeline(path, call.opensAt, call.closesAt, 7, spec.window === null, rng);
        const title = titleFor(rng, spec, target, titles);
        const requested = rng.int(Math.ceil(spec.cap * 0.5), spec.cap);
        const proposed = Math.max(1, Math.round(requested * rng.pick([0.6, 0.8, 1])));
        const id = rng.uuid();
        const last = tl.at.length > 0 ? tl.at[tl.at.length - 1] : tl.createdAt;
        const submits = path.flatMap((a, i) => (a === 'submit' ? [tl.at[i]] : []));
        const signed = path.indexOf('sign_contract');
        const app: AppRow = {
          id,
          callId: call.id!,
          orgId: org.id,
          regionCode: org.regionCode,
          applicantUserId:
            org.id === ctx.demoOrgs.enterprise
              ? (ctx.users.get('enterprise.demo') ?? null)
              : org.id === ctx.demoOrgs.institution
                ? (ctx.users.get('institution.demo') ?? null)
                : null,
          title,
          summary: `项目围绕${title}开展研究，计划两年内完成关键技术攻关并实现示范应用，预期新增产值约 ${rng.int(5, 60) * 100} 万元。`,
          field: rng.pick(spec.fields),
          requestedAmount: wan(requested),
          form: {
            orgName: org.name,
            uscc: org.uscc,
            address: org.address,
            contactPerson: org.contactPerson,
            contactPhone: org.contactPhone,
          },
          state: states[states.length - 1],
          version: path.length + 1,
          proposedAmount: path.includes('propose') ? wan(proposed) : null,
          approvedAmount: path.includes('approve') ? wan(proposed) : null,
          publicityUntil: tl.publicityUntil,
          endsOn:
            signed >= 0
              ? `${Number(chinaDate(tl.at[signed]).slice(0, 4)) + 2}${chinaDate(tl.at[signed]).slice(4)}`
              : null,
          submittedAt: submits.length > 0 ? submits[submits.length - 1] : null,
          createdAt: tl.createdAt,
          updatedAt: last,
        };
        events.push({
          applicationId: id,
          action: 'create',
          fromState: null,
          toState: 'draft',
          ...actorOf(ctx, 'create', org),
          at: tl.createdAt,
        });
        for (const [i, action] of path.entries())
          events.push({
            applicationId: id,
            action,
            fromState: states[i],
            toState: states[i + 1],
            ...actorOf(ctx, action, org),
            reason: reasonFor(rng, action, path),
            at: tl.at[i],
          });
        const q =
          FUNDED.has(app.state) || ['acceptance_pending', 'closed', 'terminated'].includes(app.state)
            ? rng.uniform(0.8, 0.92)
            : rng.uniform(0.6, 0.76);
        plans.push({ spec, target, app, path, at: tl.at, q });
      }
    }
  });
  return { calls: callRows, plans, events };
}

/** Funding paid in tranches: on signing, after the mid-term check, after acceptance. */
export function buildPayments(rng: Rng, plans: Plan[]) {
  const rows: (typeof payments.$inferInsert)[] = [];
  for (const p of plans) {
    const shares = TRANCHES[p.app.state];
    if (!shares || !p.app.approvedAmount) continue;
    const approved = Math.round(Number(p.app.approvedAmount) * 100);
    const after = ['sign_contract', 'midterm_pass', 'accept_final'];
    let paid = 0;
    shares.forEach((pct, k) => {
      const amount = k === 2 ? approved - paid : Math.floor((approved * pct) / 100);
      paid += amount;
      const base = p.at[p.path.lastIndexOf(after[k] as ActionCode)];
      const day = chinaDate(new Date(base.getTime() + rng.int(10, 25) * DAY));
      rows.push({
        id: rng.uuid(),
        applicationId: p.app.id,
        amount: fromCents(amount),
        paidOn: day,
        note: ['首期拨款（任务书签订后）', '第二期拨款（中期检查通过后）', '尾款（验收通过后）'][k],
        recordedBy: 'staff',
        recordedAt: officeHours(day, rng),
      });
    });
  }
  return rows;
}
