/**
 * The demo expert pool (about 60 experts of the registry's universities, institutes and
 * enterprises, some with declared interests or a former employer), and the panels drawn for the
 * demo applications with the pool's own rules (`drawExperts`), scored per the call's rubric.
 */
import { drawExperts } from '../../../../domain/expert-draw';
import { panelScore } from '../../../../domain/projects';
import type { expertConflicts, experts, reviewAssignments } from '../../schema';
import type { Rng } from '../rng';
import type { Plan } from './build';
import type { Criterion } from './calls';
import { COMMENTS, chinaDate, officeHours } from './paths';

const DAY = 86_400_000;

export const HITECH_FIELDS = [
  'electronic-info',
  'bio-medicine',
  'aerospace',
  'new-materials',
  'hitech-services',
  'new-energy-saving',
  'resources-environment',
  'advanced-manufacturing',
];
const SURNAMES = '陈林黄张吴王李刘蔡郑许洪杨苏庄施何谢曾柯傅';
const GIVEN = '志明建华晓伟国强丽娟文斌海燕雪梅振宇少峰秀英智勇一鸣桂芳永康清源';
const TITLES = {
  university: ['教授', '副教授', '教授、博士生导师'],
  institute: ['研究员', '副研究员', '高级工程师'],
  enterprise: ['高级工程师', '教授级高级工程师', '技术总监（高级工程师）'],
} as const;

export type PoolOrg = { id: string; kind: string };
export type ExpertRow = typeof experts.$inferInsert & { id: string; orgId: string | null; fields: string[] };
export type ConflictRow = typeof expertConflicts.$inferInsert & { expertId: string; orgId: string };

function names(rng: Rng, n: number): string[] {
  const out = new Set<string>();
  const ch = () => GIVEN[rng.int(0, GIVEN.length - 1)];
  while (out.size < n)
    out.add(`${SURNAMES[rng.int(0, SURNAMES.length - 1)]}${ch()}${rng.chance(0.3) ? '' : ch()}`);
  return [...out];
}

/**
 * The pool: the demo expert first (bound to the `expert.demo` account, employed by a university,
 * in the CNC call's fields), then experts whose employers are drawn from the registry.
 * `applicants` are the organisations with demo applications: declared interests and former
 * employments point at them, so avoidance shows.
 */
export function buildExperts(
  rng: Rng,
  pool: { university: PoolOrg[]; institute: PoolOrg[]; enterprise: PoolOrg[] },
  applicants: string[],
  demo: { userId: string | null; conflictOrg: string | null; fields: string[] },
) {
  const kinds = [
    ...Array(20).fill('university'),
    ...Array(16).fill('institute'),
    ...Array(24).fill('enterprise'),
  ];
  const all = names(rng, kinds.length + 1);
  const employer = (k: keyof typeof pool) => {
    const list = pool[k].length > 0 ? pool[k] : [...pool.university, ...pool.institute, ...pool.enterprise];
    return list.length > 0 ? rng.pick(list).id : null;
  };
  const rows: ExpertRow[] = [
    {
      id: rng.uuid(),
      userId: demo.userId,
      name: `${all[0]}（演示专家）`,
      orgId: employer('university'),
      title: '教授',
      fields: demo.fields,
    },
  ];
  kinds.forEach((k: keyof typeof pool, i) => {
    const first = HITECH_FIELDS[i % HITECH_FIELDS.length];
    const second = rng.chance(0.5) ? rng.pick(HITECH_FIELDS) : first;
    rows.push({
      id: rng.uuid(),
      name: all[i + 1],
      orgId: employer(k),
      title: rng.pick(TITLES[k]),
      fields: [...new Set([first, second])],
      active: rng.chance(0.95),
    });
  });
  const conflicts: ConflictRow[] = [];
  if (demo.conflictOrg)
    conflicts.push({ id: rng.uuid(), expertId: rows[0].id, orgId: demo.conflictOrg, reason: 'declared' });
  for (const x of rng.shuffle(rows.slice(1)).slice(0, 20)) {
    const reason = rng.weighted({ declared: 10, employment: 7, collaboration: 3 });
    const orgId = rng.pick(applicants);
    if (orgId === x.orgId) continue;
    conflicts.push({
      id: rng.uuid(),
      expertId: x.id,
      orgId,
      reason,
      // Former employments ended within three years of the 2017 reviews: they are avoided.
      endedOn: reason === 'employment' ? rng.date('2015-01-01', '2016-12-31') : null,
    });
  }
  return { experts: rows, conflicts };
}

export interface PanelApp {
  id: string;
  orgId: string;
  field: string | null;
  /** Extra experts drawn beyond the panel (one declines). */
  extra?: number;
  /** Experts already on it (the demo expert's pending review). */
  preset?: string[];
}

/** Draws the panels of one call as of its review date; the preset experts count towards them. */
export function drawPanels(
  apps: PanelApp[],
  pool: { id: string; orgId: string | null; fields: string[]; active?: boolean | null }[],
  conflicts: ConflictRow[],
  perApplication: number,
  today: string,
  seed: number,
  leaveOut: string[] = [],
): Map<string, string[]> {
  const experts = pool
    .filter((x) => x.active !== false && !leaveOut.includes(x.id))
    .map((x) => ({
      id: x.id,
      orgId: x.orgId,
      fields: x.fields,
      conflicts: conflicts
        .filter((c) => c.expertId === x.id)
        .map((c) => ({ orgId: c.orgId, reason: c.reason, endedOn: c.endedOn ?? null })),
    }));
  const result = drawExperts({
    applications: apps.map((a) => ({
      id: a.id,
      orgId: a.orgId,
      field: a.field,
      need: perApplication + (a.extra ?? 0) - (a.preset?.length ?? 0),
      exclude: a.preset ?? [],
    })),
    experts,
    perApplication,
    today,
    seed,
  });
  const panels = new Map(apps.map((a) => [a.id, [...(a.preset ?? [])]]));
  for (const d of result.assignments) panels.get(d.applicationId)!.push(d.expertId);
  return panels;
}

/** One expert's scores for an application of quality `q` (0–1): per criterion, whole points. */
export function scoreSheet(rng: Rng, rubric: Criterion[], q: number) {
  const scores: Record<string, number> = {};
  let total = 0;
  for (const c of rubric) {
    const p = Math.min(c.max, Math.max(0, Math.round(c.max * (q + rng.normal() * 0.06))));
    scores[c.code] = p;
    total += p;
  }
  return { scores, total };
}

/** Panels of every application that went to expert review, with scores where submitted. */
export function buildReviews(
  rng: Rng,
  plans: Plan[],
  experts: ExpertRow[],
  conflicts: ConflictRow[],
  demoExpert: string,
) {
  const rows: (typeof reviewAssignments.$inferInsert)[] = [];
  const byCall = new Map<string, Plan[]>();
  for (const p of plans.filter((x) => x.path.includes('accept')))
    byCall.set(p.app.callId, [...(byCall.get(p.app.callId) ?? []), p]);
  for (const [callId, list] of byCall) {
    const acceptAt = (p: Plan) => p.at[p.path.indexOf('accept')];
    const today = chinaDate(acceptAt(list[0]));
    const withDemo = list.some((p) => p.target.demoExpert);
    const panels = drawPanels(
      list.map((p, i) => ({
        id: p.app.id,
        orgId: p.app.orgId,
        field: p.app.field ?? null,
        extra: i === 1 ? 1 : 0,
        preset: p.target.demoExpert === 'pending' ? [demoExpert] : [],
      })),
      experts,
      conflicts,
      5,
      today,
      Number.parseInt(callId.slice(0, 8), 16),
      withDemo ? [demoExpert] : [],
    );
    list.forEach((p, i) => {
      const done = p.path.includes('close_review');
      const start = acceptAt(p).getTime();
      const end = done ? p.at[p.path.indexOf('close_review')].getTime() : start + 25 * DAY;
      const totals: number[] = [];
      panels.get(p.app.id)!.forEach((expertId, j) => {
        const declined = i === 1 && j === (p.target.demoExpert === 'pending' ? 1 : 0);
        const status = declined
          ? 'declined'
          : done
            ? 'submitted'
            : expertId === demoExpert
              ? 'assigned'
              : rng.weighted({ submitted: 6, accepted: 2, assigned: 2 });
        const createdAt = new Date(start + 3_600_000);
        const submittedAt = officeHours(
          chinaDate(new Date(start + rng.uniform(0.2, 0.9) * (end - start))),
          rng,
        );
        const sheet = status === 'submitted' ? scoreSheet(rng, p.spec.rubric, p.q) : null;
        if (sheet) totals.push(sheet.total);
        rows.push({
          id: rng.uuid(),
          applicationId: p.app.id,
          expertId,
          status,
          scores: sheet?.scores ?? null,
          total: sheet ? sheet.total.toFixed(2) : null,
          comment: sheet ? rng.pick(COMMENTS) : null,
          noConflictDeclaredAt:
            status === 'submitted' || status === 'accepted' ? new Date(submittedAt.getTime() - DAY) : null,
          submittedAt: sheet ? submittedAt : null,
          replacedReason: declined ? '本人评审期间出差在外，无法按期完成评审' : null,
          version: { assigned: 1, accepted: 2, declined: 2, submitted: 3 }[status],
          createdAt,
        });
      });
      const score = panelScore(totals);
      p.app.panelScore = score === null ? null : score.toFixed(2);
    });
  }
  return rows;
}
