import { DEMO_FIGURES, POPULATION } from './figures';
import type { Enterprise, PoolKind } from './orgs';
import { type Rng, take } from './rng';

/** Industries where high-tech enterprises cluster get more weight when drawing HTE holders. */
const TECH_WEIGHT: Record<string, number> = {
  39: 4,
  38: 3,
  35: 3,
  34: 2.5,
  40: 3,
  27: 3,
  26: 2,
  28: 1.5,
  65: 4,
  64: 3,
  74: 2,
  75: 2,
};

export function techWeight(e: Enterprise): number {
  return TECH_WEIGHT[e.org.industryCode ?? ''] ?? 1;
}

/**
 * `n` distinct items drawn with probability proportional to weight (Efraimidis–Spirakis keys),
 * removed from the pool.
 */
export function weightedTake<T>(rng: Rng, pool: T[], n: number, weight: (t: T) => number): T[] {
  if (pool.length < n) throw new Error(`demo data: pool of ${pool.length} cannot supply ${n}`);
  const keyed = pool.map((item, i) => ({
    item,
    i,
    key: Math.log(1 - rng.next()) / Math.max(weight(item), 1e-9),
  }));
  keyed.sort((a, b) => b.key - a.key || a.i - b.i);
  const chosen = new Set(keyed.slice(0, n).map((k) => k.i));
  const out = keyed.slice(0, n).map((k) => k.item);
  const rest = pool.filter((_, i) => !chosen.has(i));
  pool.length = 0;
  pool.push(...rest);
  return out;
}

export interface Roles {
  hteAbove: Enterprise[];
  hteSmall: Enterprise[];
  pool: Enterprise[];
  /** 规上 in 2016, R&D active, neither HTE nor pool. */
  rdOther: Enterprise[];
}

/**
 * Decides who is what on 2016-12-31: HTE holders (mostly 规上), the cultivation pool, R&D-active
 * and core-technology enterprises. The demo enterprise (R&D active, not HTE) counts in rd_active.
 */
export function assignRoles(rng: Rng, enterprises: Enterprise[], demoCounts: { rd: number }): Roles {
  const above = rng.shuffle(enterprises.filter((e) => e.cohort === 'above' || e.cohort === 'new16'));
  const matureAbove = above.filter((e) => e.org.foundedOn <= '2011-12-31');
  const small = rng.shuffle(
    enterprises.filter((e) => e.cohort === 'small' && e.org.foundedOn <= '2011-12-31'),
  );

  const hteAbove = weightedTake(rng, matureAbove, DEMO_FIGURES.hte_valid - POPULATION.smallHte, techWeight);
  const hteSmall = weightedTake(rng, small, POPULATION.smallHte, techWeight);
  for (const e of [...hteAbove, ...hteSmall]) e.hte = true;

  const candidates = above.filter((e) => !e.hte && e.org.foundedOn <= '2014-12-31');
  const pool = weightedTake(rng, candidates, POPULATION.poolMeet + POPULATION.poolMiss, techWeight);
  const missKinds: PoolKind[] = ['rd_intensity', 'st_staff_share', 'hitech_revenue_share'];
  pool.forEach((e, i) => {
    e.pool = i < POPULATION.poolMeet ? 'meet' : missKinds[i % 3];
  });

  const rdOtherCount = DEMO_FIGURES.rd_active_ent - demoCounts.rd - hteAbove.length - pool.length;
  const rdOther = weightedTake(rng, candidates, rdOtherCount, techWeight);
  for (const e of [...hteAbove, ...pool, ...rdOther]) e.rd16 = true;
  // Small HTE holders do R&D too; it does not count, since they are not 规上.
  for (const e of hteSmall) e.rd16 = true;

  const coreHte = take(rng.shuffle([...hteAbove]), POPULATION.coreHte);
  const corePool = take(rng.shuffle([...pool]), DEMO_FIGURES.core_tech_ent - POPULATION.coreHte);
  for (const e of [...coreHte, ...corePool]) e.core16 = true;
  return { hteAbove, hteSmall, pool, rdOther };
}
