import { describe, expect, it } from 'vitest';
import {
  blockedOrgs,
  type DrawApplication,
  type DrawExpert,
  drawExperts,
  employmentCutoff,
  hasConflict,
  seededRandom,
} from './expert-draw';

const TODAY = '2026-06-15';

function expert(id: string, extra: Partial<DrawExpert> = {}): DrawExpert {
  return { id, orgId: `org-of-${id}`, fields: ['electronic-info'], conflicts: [], ...extra };
}

function app(id: string, orgId: string, field: string | null = 'electronic-info'): DrawApplication {
  return { id, orgId, field };
}

function draw(
  applications: DrawApplication[],
  experts: DrawExpert[],
  perApplication = 1,
  seed: number | string = 7,
) {
  return drawExperts({ applications, experts, perApplication, today: TODAY, seed });
}

const expertsOf = (r: ReturnType<typeof draw>, appId: string) =>
  r.assignments.filter((a) => a.applicationId === appId).map((a) => a.expertId);

function loads(r: ReturnType<typeof draw>, experts: DrawExpert[]) {
  const m = new Map(experts.map((e) => [e.id, e.load ?? 0]));
  for (const a of r.assignments) m.set(a.expertId, m.get(a.expertId)! + 1);
  return [...m.values()];
}

describe('conflicts of interest', () => {
  it('never gives an expert an application of their own organisation', () => {
    const r = draw([app('a1', 'acme')], [expert('own', { orgId: 'acme' }), expert('other')], 2);
    expect(expertsOf(r, 'a1')).toEqual(['other']);
    expect(r.shortfalls).toEqual([
      { applicationId: 'a1', wanted: 2, drawn: 1, reason: 'conflicts', conflicted: 1 },
    ]);
  });

  it('avoids declared interests and collaborations whenever they were', () => {
    const experts = [
      expert('declared', { conflicts: [{ orgId: 'acme', reason: 'declared', endedOn: null }] }),
      expert('collab', { conflicts: [{ orgId: 'acme', reason: 'collaboration', endedOn: '2001-01-01' }] }),
      expert('free'),
    ];
    expect(expertsOf(draw([app('a1', 'acme')], experts, 3), 'a1')).toEqual(['free']);
  });

  it('avoids a former employer for three years after the employment ended', () => {
    const employed = (endedOn: string | null) => [{ orgId: 'acme', reason: 'employment' as const, endedOn }];
    const experts = [
      expert('current', { conflicts: employed(null) }),
      expert('recent', { conflicts: employed('2023-06-15') }),
      expert('long-ago', { conflicts: employed('2023-06-14') }),
    ];
    expect(employmentCutoff(TODAY)).toBe('2023-06-15');
    expect(expertsOf(draw([app('a1', 'acme')], experts, 3), 'a1')).toEqual(['long-ago']);
    expect(hasConflict(experts[1], 'acme', '2026-06-16')).toBe(false);
    expect(hasConflict(experts[1], 'other', TODAY)).toBe(false);
    expect([...blockedOrgs(experts[0], TODAY)].sort()).toEqual(['acme', 'org-of-current']);
  });

  it('never puts the same expert twice on an application, nor one already on it', () => {
    const experts = [expert('e1'), expert('e2'), expert('e3')];
    const r = drawExperts({
      applications: [{ ...app('a1', 'acme'), need: 2, exclude: ['e1'] }],
      experts,
      perApplication: 5,
      today: TODAY,
      seed: 1,
    });
    expect(expertsOf(r, 'a1').sort()).toEqual(['e2', 'e3']);
    const r2 = draw([app('a2', 'acme')], experts, 5);
    expect(new Set(expertsOf(r2, 'a2')).size).toBe(3);
    expect(r2.shortfalls[0]).toMatchObject({ wanted: 5, drawn: 3, reason: 'pool' });
  });
});

describe('fields and balance', () => {
  it('prefers experts of the field and flags a fallback to another field', () => {
    const experts = [
      expert('bio1', { fields: ['bio-medicine'] }),
      expert('bio2', { fields: ['bio-medicine', 'new-materials'] }),
      expert('ele1'),
      expert('ele2'),
    ];
    const r = draw([app('a1', 'acme', 'bio-medicine')], experts, 2);
    expect(expertsOf(r, 'a1').sort()).toEqual(['bio1', 'bio2']);
    expect(r.assignments.every((a) => !a.outOfField)).toBe(true);
    const r3 = draw([app('a1', 'acme', 'bio-medicine')], experts, 3);
    expect(r3.assignments.filter((a) => a.outOfField)).toHaveLength(1);
    expect(r3.shortfalls).toEqual([]);
  });

  it('does not let a fallback take a field expert before that field is served', () => {
    const experts = [expert('bio1', { fields: ['bio-medicine'] }), expert('ele1')];
    // a1 (electronic) needs 2 and will fall back; a2 (bio) must still get its bio expert.
    const r = draw([app('a1', 'x'), app('a2', 'y', 'bio-medicine')], experts, 2);
    expect(expertsOf(r, 'a2')).toContain('bio1');
    expect(expertsOf(r, 'a2').indexOf('bio1')).toBe(0);
  });

  it('spreads the load: least-loaded first, counting reviews already in hand', () => {
    const experts = Array.from({ length: 7 }, (_, i) => expert(`e${i}`, { load: i === 0 ? 3 : 0 }));
    const apps = Array.from({ length: 9 }, (_, i) => app(`a${i}`, `org${i}`));
    const r = draw(apps, experts, 2);
    const l = loads(r, experts);
    expect(Math.max(...l) - Math.min(...l)).toBeLessThanOrEqual(1);
    expect(l.reduce((s, v) => s + v, 0)).toBe(3 + 18);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const experts = Array.from({ length: 40 }, (_, i) => expert(`e${i}`));
    const apps = Array.from({ length: 10 }, (_, i) => app(`a${i}`, `org${i}`));
    expect(draw(apps, experts, 3, 42)).toEqual(draw(apps, experts, 3, 42));
    expect(draw(apps, experts, 3, 42)).not.toEqual(draw(apps, experts, 3, 43));
    const r = seededRandom('x');
    expect(r()).toBeGreaterThanOrEqual(0);
  });

  it('draws from anyone when the application names no field', () => {
    const r = draw([app('a1', 'acme', null)], [expert('e1', { fields: [] }), expert('e2')], 2);
    expect(expertsOf(r, 'a1').sort()).toEqual(['e1', 'e2']);
    expect(r.assignments.every((a) => !a.outOfField)).toBe(true);
  });
});

describe('at scale', () => {
  it('draws 2,000 applications × 5 from 5,000 experts with every rule kept', () => {
    const rnd = seededRandom('scale');
    const fields = ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8'];
    const orgs = Array.from({ length: 800 }, (_, i) => `org${i}`);
    const pickOf = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
    const experts: DrawExpert[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `e${i}`,
      orgId: pickOf(orgs),
      fields: rnd() < 0.3 ? [pickOf(fields), pickOf(fields)] : [pickOf(fields)],
      conflicts: Array.from({ length: Math.floor(rnd() * 4) }, () => ({
        orgId: pickOf(orgs),
        reason: pickOf(['declared', 'employment', 'collaboration'] as const),
        endedOn: rnd() < 0.5 ? null : `20${10 + Math.floor(rnd() * 16)}-01-01`,
      })),
    }));
    const apps = Array.from({ length: 2000 }, (_, i) => app(`a${i}`, pickOf(orgs), pickOf(fields)));
    const r = draw(apps, experts, 5, 'seed');
    expect(r.shortfalls).toEqual([]);
    expect(r.assignments).toHaveLength(10_000);
    const byId = new Map(experts.map((e) => [e.id, e]));
    const appById = new Map(apps.map((a) => [a.id, a]));
    const pairs = new Set(r.assignments.map((a) => `${a.applicationId}:${a.expertId}`));
    expect(pairs.size).toBe(10_000);
    const broken = r.assignments.filter((a) => {
      const e = byId.get(a.expertId)!;
      const ap = appById.get(a.applicationId)!;
      return hasConflict(e, ap.orgId, TODAY) || a.outOfField !== !e.fields.includes(ap.field!);
    });
    expect(broken).toEqual([]);
    expect(r.assignments.filter((a) => a.outOfField)).toHaveLength(0);
    const l = loads(r, experts);
    expect(Math.max(...l) - Math.min(...l)).toBeLessThanOrEqual(1);
  });
});
