import type { carrierAnnual, carriers } from '../schema';
import { DEMO_FIGURES } from './figures';
import type { NameBook } from './names';
import type { OrgRow } from './orgs';
import { apportion, type Rng } from './rng';

export type CarrierRow = typeof carriers.$inferInsert;
export type CarrierAnnualRow = typeof carrierAnnual.$inferInsert;
type Kind = CarrierRow['kind'];
type Level = CarrierRow['level'];

interface Spec {
  kind: Kind;
  level: Level;
  /** Recognition years; each entry is one carrier. */
  years: number[];
  status?: 'revoked';
  counted: boolean;
}

const rep = (year: number, n: number) => Array<number>(n).fill(year);

/**
 * 市级以上众创空间及孵化器 on 2016-12-31: 30 incubators and 41 maker spaces (8 national), plus
 * what does not count: an incubator revoked in 2016, the 2017 newcomers, accelerators and 星创天地.
 */
const SPECS: Spec[] = [
  { kind: 'incubator', level: 'national', years: [2006, 2008, 2010, 2012], counted: true },
  {
    kind: 'incubator',
    level: 'provincial',
    years: [2006, 2008, 2008, 2010, 2012, 2013, 2013, 2014, 2015, 2016],
    counted: true,
  },
  {
    kind: 'incubator',
    level: 'municipal',
    years: [2010, 2010, 2010, 2012, 2012, 2012, 2013, 2013, 2014, 2014, 2014, 2015, 2015, 2015, 2016, 2016],
    counted: true,
  },
  { kind: 'maker_space', level: 'national', years: [2015, 2015, 2016, 2016], counted: true },
  { kind: 'maker_space', level: 'provincial', years: [...rep(2015, 6), ...rep(2016, 6)], counted: true },
  { kind: 'maker_space', level: 'municipal', years: [...rep(2015, 10), ...rep(2016, 15)], counted: true },
  { kind: 'incubator', level: 'municipal', years: [2010], status: 'revoked', counted: false },
  { kind: 'incubator', level: 'municipal', years: rep(2017, 4), counted: false },
  { kind: 'maker_space', level: 'municipal', years: rep(2017, 6), counted: false },
  { kind: 'accelerator', level: 'municipal', years: [2014, 2015, 2016], counted: false },
  { kind: 'star_space', level: 'national', years: rep(2016, 3), counted: false },
  { kind: 'star_space', level: 'provincial', years: rep(2016, 3), counted: false },
];

const MAKER_FLAVOURS = [
  '创客',
  '智造',
  '青年',
  '电商',
  '文创',
  '石墨烯',
  '鞋服设计',
  '芯片',
  '海丝',
  '互联网+',
];
const STAR_FLAVOURS = ['茶业', '特色农业', '花卉', '食用菌', '果蔬', '乡村电商'];

export interface CarrierPlan {
  carriers: CarrierRow[];
  annual: CarrierAnnualRow[];
}

/**
 * Carriers with their operators and yearly figures. `incubatorOps` (孵化管理公司, universities) run
 * incubators and accelerators; `makerOps` (universities, new R&D institutions, agencies,
 * enterprises) maker spaces; `agriOps` (agricultural enterprises) 星创天地. An operator always
 * existed before its carrier was recognised. The 2016 figures of the counted carriers add up to
 * the seed's 498 start-ups and 1028 teams exactly.
 */
export function buildCarriers(
  rng: Rng,
  book: NameBook,
  ops: { incubatorOps: OrgRow[]; makerOps: OrgRow[]; agriOps: OrgRow[] },
): CarrierPlan {
  const rows: (CarrierRow & { id: string; counted: boolean })[] = [];
  const cursor = { incubatorOps: 0, makerOps: 0, agriOps: 0 };
  // The next operator in turn that existed before the carrier's recognition year.
  const next = (key: keyof typeof cursor, year: number) => {
    const list = ops[key];
    for (let k = 0; k < list.length; k++) {
      const op = list[(cursor[key] + k) % list.length];
      if (op.foundedOn < `${year}-01-01`) {
        cursor[key] += k + 1;
        return op;
      }
    }
    throw new Error(`demo data: no operator founded before ${year}`);
  };
  for (const spec of SPECS) {
    for (const year of spec.years) {
      const key =
        spec.kind === 'maker_space' ? 'makerOps' : spec.kind === 'star_space' ? 'agriOps' : 'incubatorOps';
      const op = next(key, year);
      const name =
        spec.kind === 'incubator'
          ? book.named(rng.pick(['泉州{b}科技企业孵化器', '{b}创业园', '泉州{b}创新创业孵化基地'])).name
          : spec.kind === 'maker_space'
            ? book.named(`{b}${rng.pick(MAKER_FLAVOURS)}众创空间`).name
            : spec.kind === 'accelerator'
              ? book.named('泉州{b}产业加速器').name
              : book.named(`{b}${rng.pick(STAR_FLAVOURS)}星创天地`).name;
      const recognizedOn = `${year}-${rng.pick(['04', '07', '10', '12'])}-${rng.int(10, 28)}`;
      const prefix = spec.level === 'national' ? '国科发高' : spec.level === 'provincial' ? '闽科高' : '泉科';
      rows.push({
        id: rng.uuid(),
        operatorOrgId: op.id,
        regionCode: op.regionCode,
        kind: spec.kind,
        name,
        level: spec.level,
        recognizedOn,
        documentNo: `${prefix}〔${recognizedOn.slice(0, 4)}〕${rng.int(5, 150)}号`,
        status: spec.status ?? 'active',
        endedOn: spec.status ? rng.date('2016-05-01', '2016-09-30') : null,
        counted: spec.counted,
      });
    }
  }
  const counted = rows.filter((r) => r.counted);
  if (counted.length !== DEMO_FIGURES.incubators || counted.some((r) => r.recognizedOn > '2016-12-31')) {
    throw new Error('demo data: carrier plan does not give the incubator figure');
  }
  const isInc = (r: CarrierRow) => r.kind === 'incubator';
  const startups = apportion(
    DEMO_FIGURES.startups_served,
    counted.map((r) => (isInc(r) ? rng.uniform(2, 4) : rng.uniform(0.4, 1.2))),
  );
  const teams = apportion(
    DEMO_FIGURES.teams_served,
    counted.map((r) => (isInc(r) ? rng.uniform(0.3, 1) : rng.uniform(1.5, 3))),
  );
  const figures2016 = new Map(counted.map((r, i) => [r.id, { s: startups[i], t: teams[i] }]));

  const annual: CarrierAnnualRow[] = [];
  for (const r of rows) {
    const area =
      r.kind === 'incubator'
        ? r.level === 'national'
          ? rng.int(12_000, 40_000)
          : rng.int(3_000, 15_000)
        : r.kind === 'accelerator'
          ? rng.int(20_000, 50_000)
          : rng.int(500, 3_000);
    const f16 = figures2016.get(r.id) ?? { s: rng.int(3, 15), t: rng.int(4, 20) };
    const year = (y: number, s: number, t: number): CarrierAnnualRow => ({
      carrierId: r.id,
      year: y,
      regionCode: r.regionCode,
      startupsServed: s,
      teamsServed: t,
      areaM2: area,
      incubatees: isInc(r) ? s + rng.int(5, 30) : s,
      graduates: isInc(r) ? rng.int(1, 12) : rng.int(0, 3),
    });
    if (r.recognizedOn <= '2015-12-31') {
      annual.push(
        year(2015, Math.round(f16.s * rng.uniform(0.7, 0.95)), Math.round(f16.t * rng.uniform(0.7, 0.95))),
      );
    }
    if (r.recognizedOn <= '2016-12-31' && r.status === 'active') annual.push(year(2016, f16.s, f16.t));
  }
  return { carriers: rows.map(({ counted: _, ...r }) => r), annual };
}
