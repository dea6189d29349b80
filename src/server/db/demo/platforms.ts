import type { rdPlatforms } from '../schema';
import type { Enterprise, Institution, OrgRow } from './orgs';
import { INDUSTRY_FIELDS } from './regions';
import type { Rng } from './rng';
import { weightedTake } from './roles';

export type PlatformRow = typeof rdPlatforms.$inferInsert;
type Kind = PlatformRow['kind'];
type Level = PlatformRow['level'];

/**
 * How many platforms of a kind were recognised each year and still count on 2016-12-31, plus the
 * history that must not count: ended in 2016 or before, recognised in 2017. One counted platform
 * of the larger kinds was revoked in 2017 (ended_on after the date, so it still counts).
 */
interface Plan {
  kind: Kind;
  counted: Record<number, number>;
  endedBy2016: number;
  endedIn2017: number;
  recognised2017: number;
}

const PLANS: Plan[] = [
  {
    kind: 'muni_eng_center',
    counted: { 2009: 12, 2010: 15, 2011: 20, 2012: 22, 2013: 26, 2014: 28, 2015: 32, 2016: 34 },
    endedBy2016: 3,
    endedIn2017: 1,
    recognised2017: 14,
  },
  {
    kind: 'ind_tech_center',
    counted: { 2009: 10, 2010: 14, 2011: 18, 2012: 20, 2013: 22, 2014: 24, 2015: 26, 2016: 30 },
    endedBy2016: 2,
    endedIn2017: 1,
    recognised2017: 10,
  },
  {
    kind: 'prov_key_lab',
    counted: { 2012: 2, 2013: 2, 2014: 2, 2015: 3, 2016: 3 },
    endedBy2016: 0,
    endedIn2017: 0,
    recognised2017: 1,
  },
  {
    kind: 'national_platform',
    counted: { 2011: 1, 2014: 1, 2016: 1 },
    endedBy2016: 0,
    endedIn2017: 0,
    recognised2017: 1,
  },
];

const LEVEL: Record<Kind, Level> = {
  muni_eng_center: 'municipal',
  ind_tech_center: 'municipal',
  prov_key_lab: 'provincial',
  national_platform: 'national',
  new_rd_inst: 'provincial',
};

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

function platformName(rng: Rng, kind: Kind, host: Enterprise): string {
  const field = INDUSTRY_FIELDS[host.org.industryCode ?? ''] ?? '产业技术';
  switch (kind) {
    case 'muni_eng_center':
      return `泉州市${host.brand}${field}企业工程技术研究中心`;
    case 'ind_tech_center':
      return `泉州市${field}行业技术开发中心（${host.brand}）`;
    case 'prov_key_lab':
      return `福建省${field}企业重点实验室（${host.brand}）`;
    default:
      return rng.pick([
        `国家企业技术中心（${host.org.name}）`,
        `${field}国家地方联合工程研究中心（${host.brand}）`,
      ]);
  }
}

function docNo(rng: Rng, level: Level, year: number): string {
  const prefix = level === 'national' ? '发改高技' : level === 'provincial' ? '闽科计' : '泉科';
  return `${prefix}〔${year}〕${rng.int(10, 160)}号`;
}

/**
 * 市级企业工程技术研究中心, 行业技术开发中心, 省级企业重点实验室 and "国家队" platforms, hosted by
 * R&D-active enterprises (HTE holders most often). A platform is never recognised within a year
 * of its host's founding.
 */
export function enterprisePlatforms(rng: Rng, rdActive: Enterprise[]): PlatformRow[] {
  const rows: PlatformRow[] = [];
  const weight = (e: Enterprise) => (e.hte ? 3 : e.pool ? 2 : 1);
  const biggest = [...rdActive].filter((e) => e.hte).sort((a, b) => b.revenue16 - a.revenue16);
  for (const plan of PLANS) {
    const years = Object.entries(plan.counted).flatMap(([y, n]) => Array<number>(n).fill(Number(y)));
    const total = years.length + plan.endedBy2016 + plan.recognised2017;
    const hosts =
      plan.kind === 'national_platform'
        ? biggest.slice(0, total)
        : weightedTake(rng, [...rdActive], total, weight);
    const add = (
      host: Enterprise,
      date: string,
      status: PlatformRow['status'] = 'active',
      endedOn?: string,
    ) => {
      const recognizedOn = laterOf(date, addDays(host.org.foundedOn, 365));
      rows.push({
        id: rng.uuid(),
        hostOrgId: host.org.id,
        regionCode: host.org.regionCode,
        kind: plan.kind,
        name: platformName(rng, plan.kind, host),
        level: LEVEL[plan.kind],
        recognizedOn,
        documentNo: docNo(rng, LEVEL[plan.kind], Number(recognizedOn.slice(0, 4))),
        status,
        endedOn: endedOn ?? null,
      });
    };
    const batch = (year: number) => `${year}-${rng.pick(['06', '12'])}-${rng.int(10, 28)}`;
    years.forEach((year, i) => {
      // The first counted one lost its status in 2017: it still counts on 2016-12-31.
      if (i < plan.endedIn2017) add(hosts[i], batch(year), 'revoked', rng.date('2017-03-01', '2017-09-30'));
      else add(hosts[i], batch(year));
    });
    let h = years.length;
    for (let k = 0; k < plan.endedBy2016; k++, h++) {
      // Revoked at the 2016 review (or closed in 2015 when merged into its parent).
      const closed = k === 2;
      const ended = closed ? rng.date('2015-03-01', '2015-11-30') : rng.date('2016-03-01', '2016-11-30');
      add(hosts[h], batch(rng.int(2009, 2011)), closed ? 'closed' : 'revoked', ended);
    }
    for (let k = 0; k < plan.recognised2017; k++, h++) add(hosts[h], batch(2017));
  }
  return rows;
}

/**
 * 新型研发机构: each institution is its own platform. The first 36 were recognised 2014–2016 and
 * count; one recognised in 2015 closed in 2016; the last three were recognised in 2017.
 */
export function newRdPlatforms(rng: Rng, institutions: Institution[], counted: number): PlatformRow[] {
  const settled = institutions
    .slice(0, counted + 1)
    .sort((a, b) => a.org.foundedOn.localeCompare(b.org.foundedOn));
  const years = [
    ...Array<number>(6).fill(2014),
    ...Array<number>(12).fill(2015),
    ...Array<number>(18).fill(2016),
  ];
  const row = (org: OrgRow, recognizedOn: string, status: PlatformRow['status'], endedOn: string | null) => {
    const level: Level = rng.chance(0.35) ? 'provincial' : 'municipal';
    return {
      id: rng.uuid(),
      hostOrgId: org.id,
      regionCode: org.regionCode,
      kind: 'new_rd_inst' as const,
      name: org.name,
      level,
      recognizedOn,
      documentNo: docNo(rng, level, Number(recognizedOn.slice(0, 4))),
      status,
      endedOn,
    };
  };
  const rows: PlatformRow[] = [];
  // The earliest founded one is the one that closed: recognised 2015, merged into its founder in 2016.
  rows.push(
    row(settled[0].org, laterOf('2015-09-30', addDays(settled[0].org.foundedOn, 90)), 'closed', '2016-07-31'),
  );
  settled.slice(1).forEach((inst, i) => {
    const date = `${years[i]}-${rng.pick(['03', '09', '11'])}-${rng.int(10, 28)}`;
    rows.push(row(inst.org, laterOf(date, addDays(inst.org.foundedOn, 90)), 'active', null));
  });
  for (const inst of institutions.slice(counted + 1))
    rows.push(row(inst.org, rng.date('2017-03-01', '2017-10-31'), 'active', null));
  return rows;
}
