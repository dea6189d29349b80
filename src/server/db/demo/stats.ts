import { type CriterionResult, hteCriteria } from '../../../domain/registry';
import type { orgAnnualStats } from '../schema';
import type { Enterprise, Institution } from './orgs';
import type { Rng } from './rng';

export type StatsRow = typeof orgAnnualStats.$inferInsert;

/** 万元 held as integer hundredths, printed with two decimals (numeric(18,2)). */
export function money(hundredths: number): string {
  const c = Math.max(0, Math.round(hundredths));
  return `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
}

type Outcome = 'pass' | 'fail';
type Profile = Record<CriterionResult['code'], Outcome> | 'ordinary' | 'none';

interface Figures {
  revenue: number;
  rd: number;
  staff: number;
  st: number;
  hitech: number;
}

function profileOf(e: Enterprise): Profile {
  if (e.hte || e.pool === 'meet')
    return { rd_intensity: 'pass', st_staff_share: 'pass', hitech_revenue_share: 'pass' };
  if (e.pool) {
    const p: Record<CriterionResult['code'], Outcome> = {
      rd_intensity: 'pass',
      st_staff_share: 'pass',
      hitech_revenue_share: 'pass',
    };
    p[e.pool] = 'fail';
    return p;
  }
  return e.rd16 ? 'ordinary' : 'none';
}

function revenue16(rng: Rng, e: Enterprise): number {
  switch (e.cohort) {
    case 'new16':
      return rng.uniform(2050, 6500);
    case 'drop':
      return rng.uniform(1200, 1990);
    case 'small':
      return e.hte ? rng.uniform(300, 1990) : rng.logNormal(450, 0.9, 60, 1990);
    default:
      return e.hte ? rng.logNormal(32000, 1.0, 2100, 2_500_000) : rng.logNormal(15000, 1.1, 2050, 3_000_000);
  }
}

/** Shares in percent for each criterion, chosen to pass, narrowly fail, or clearly fail. */
function draw(rng: Rng, e: Enterprise, profile: Profile): Figures {
  const revenueWan = revenue16(rng, e);
  const above = e.cohort !== 'small' && e.cohort !== 'drop';
  const staff = Math.max(above ? 40 : 5, Math.round(revenueWan / rng.logNormal(45, 0.4, 15, 200)));
  const required = revenueWan <= 5000 ? 5 : revenueWan <= 20000 ? 4 : 3;
  let rdPct: number;
  let stPct: number;
  let hitechPct: number;
  if (profile === 'ordinary') {
    rdPct = rng.uniform(0.3, 2.4);
    stPct = rng.uniform(3, 9);
    hitechPct = rng.uniform(0, 40);
  } else if (profile === 'none') {
    rdPct = 0;
    stPct = rng.uniform(0.5, 4);
    hitechPct = rng.chance(0.6) ? 0 : rng.uniform(0, 10);
  } else {
    rdPct =
      profile.rd_intensity === 'pass' ? required + rng.uniform(0.3, 2.5) : required - rng.uniform(0.2, 0.9);
    stPct = profile.st_staff_share === 'pass' ? rng.uniform(11, 30) : rng.uniform(8.2, 9.7);
    hitechPct = profile.hitech_revenue_share === 'pass' ? rng.uniform(62, 92) : rng.uniform(52, 59.3);
  }
  const revenue = Math.round(revenueWan * 100);
  return {
    revenue,
    rd: Math.round((revenue * rdPct) / 100),
    staff,
    st: Math.round((staff * stPct) / 100),
    hitech: Math.round((revenue * hitechPct) / 100),
  };
}

function asAnnual(f: Figures) {
  return {
    revenue: money(f.revenue),
    rdExpense: money(f.rd),
    staff: f.staff,
    stStaff: f.st,
    hitechRevenue: money(f.hitech),
  };
}

/** Whether the figures give the intended outcome on every HTE criterion (hteCriteria decides). */
function matches(f: Figures, profile: Profile): boolean {
  const results = hteCriteria(asAnnual(f));
  if (profile === 'ordinary' || profile === 'none') return results.some((r) => !r.pass);
  return results.every((r) => (r.pass ? 'pass' : 'fail') === profile[r.code]);
}

/** 2016 and 2015 statistics of a generated enterprise; sets `revenue16`. */
export function enterpriseStats(rng: Rng, e: Enterprise): StatsRow[] {
  const profile = profileOf(e);
  let f = draw(rng, e, profile);
  for (let i = 0; !matches(f, profile); i++) {
    if (i > 50) throw new Error(`demo data: cannot draw figures for ${e.org.name}`);
    f = draw(rng, e, profile);
  }
  e.revenue16 = f.revenue;
  const base = { orgId: e.org.id, regionCode: e.org.regionCode };
  const rows: StatsRow[] = [
    {
      ...base,
      year: 2016,
      ...asAnnual(f),
      aboveSize: e.cohort === 'above' || e.cohort === 'new16',
      hasRdActivity: e.rd16,
      ownsCoreTech: e.core16,
    },
  ];
  if (e.org.foundedOn > '2015-12-31') return rows;

  let revenue = f.revenue / (1 + rng.uniform(-0.04, 0.18));
  if (e.cohort === 'above') revenue = Math.max(revenue, 205_000);
  if (e.cohort === 'new16') revenue = rng.uniform(130_000, 199_000);
  if (e.cohort === 'drop') revenue = rng.uniform(205_000, 380_000);
  if (e.cohort === 'small') revenue = Math.min(revenue, 199_000);
  const hasRd = e.rd16 ? rng.chance(0.92) : rng.chance(0.004);
  const rdShare = !hasRd
    ? 0
    : e.rd16 && f.revenue > 0
      ? (f.rd / f.revenue) * rng.uniform(0.85, 1.05)
      : rng.uniform(0.003, 0.015);
  const staff = Math.max(3, Math.round(f.staff * rng.uniform(0.92, 1.03)));
  const f15: Figures = {
    revenue,
    rd: revenue * rdShare,
    staff,
    st: Math.min(staff - 1, Math.round(f.st * rng.uniform(0.88, 1.0))),
    hitech: Math.min(revenue, revenue * (f.hitech / Math.max(f.revenue, 1)) * rng.uniform(0.9, 1.02)),
  };
  rows.push({
    ...base,
    year: 2015,
    ...asAnnual(f15),
    aboveSize: e.cohort === 'above' || e.cohort === 'drop',
    hasRdActivity: hasRd,
    ownsCoreTech: e.core16 && hasRd && rng.chance(0.85),
  });
  return rows;
}

/** A new-type R&D institution reports R&D spending and staff; it is never 规上 industry. */
export function institutionStats(rng: Rng, inst: Institution): StatsRow[] {
  const rows: StatsRow[] = [];
  for (const year of [2015, 2016]) {
    if (inst.org.foundedOn > `${year}-12-31`) continue;
    const revenue = rng.uniform(200, 3000) * 100;
    const staff = rng.int(15, 120);
    rows.push({
      orgId: inst.org.id,
      year,
      regionCode: inst.org.regionCode,
      revenue: money(revenue),
      rdExpense: money(revenue * rng.uniform(0.2, 0.6)),
      staff,
      stStaff: Math.round(staff * rng.uniform(0.5, 0.85)),
      hitechRevenue: money(0),
      aboveSize: false,
      hasRdActivity: true,
      ownsCoreTech: rng.chance(0.4),
    });
  }
  return rows;
}

/** The accounts' demo enterprise: 规上, R&D active, just short of the HTE R&D intensity (4%). */
export function demoEnterpriseStats(orgId: string, regionCode: string): StatsRow[] {
  const common = { orgId, regionCode, aboveSize: true, hasRdActivity: true, ownsCoreTech: false };
  return [
    {
      ...common,
      year: 2015,
      revenue: '11650.00',
      rdExpense: '402.00',
      staff: 305,
      stStaff: 36,
      hitechRevenue: '7100.00',
    },
    {
      ...common,
      year: 2016,
      revenue: '12800.00',
      rdExpense: '480.00',
      staff: 320,
      stStaff: 41,
      hitechRevenue: '8200.00',
    },
  ];
}
