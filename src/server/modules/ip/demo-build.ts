/**
 * The demo patents, built from a seeded generator so every start gives the same rows. The groups
 * below make the bureau's 2016 figures exact when counted by the computed definitions:
 * 2016 applications 54,010 (invention 5,871), grants 26,851 (invention 1,509); 2015 invention
 * applications 3,938 and grants 1,015 (the seed's growth rates); 3,948 valid invention patents on
 * 2016-12-31, which over the 2016 population setting (862.0 万人) is 4.58 per 10,000. Each group is
 * split over the counties by the registry's spread (晋江 and 南安 largest) with exact totals.
 * Titles, applicants and numbers are invented.
 */
import { patentCheckChar } from '../../../domain/identifiers';
import { ENDING_STATUSES, type PatentKind, type PatentStatus, termEnd } from '../../../domain/ip';
import { Rng } from '../../db/demo/rng';
import { apportion } from '../plan/targets-split';
import type { DemoPatent } from './demo-repo';

interface Group {
  n: number;
  kind: PatentKind;
  filed: [number, number];
  /** Grant year (a range for older ones), or none. */
  granted?: [number, number];
  /** An ending status and the years it took effect in. */
  ended?: { status: PatentStatus; years: [number, number] };
}

const inv = 'invention' as const;
const GROUPS: Group[] = [
  // Filed in 2016: 54,010.
  { n: 5_721, kind: inv, filed: [2016, 2016], granted: [2018, 2020] },
  { n: 150, kind: inv, filed: [2016, 2016], ended: { status: 'withdrawn', years: [2017, 2018] } },
  { n: 8_000, kind: 'utility', filed: [2016, 2016], granted: [2016, 2016] },
  { n: 21_000, kind: 'utility', filed: [2016, 2016], granted: [2017, 2017] },
  { n: 1_000, kind: 'utility', filed: [2016, 2016], ended: { status: 'rejected', years: [2017, 2017] } },
  { n: 4_000, kind: 'design', filed: [2016, 2016], granted: [2016, 2016] },
  { n: 13_639, kind: 'design', filed: [2016, 2016], granted: [2017, 2017] },
  { n: 500, kind: 'design', filed: [2016, 2016], ended: { status: 'rejected', years: [2017, 2017] } },
  // Filed in 2015: 42,000 (invention 3,938).
  { n: 300, kind: inv, filed: [2015, 2015], granted: [2016, 2016] },
  { n: 2_000, kind: inv, filed: [2015, 2015], granted: [2017, 2018] },
  { n: 1_638, kind: inv, filed: [2015, 2015], ended: { status: 'rejected', years: [2017, 2019] } },
  { n: 12_000, kind: 'utility', filed: [2015, 2015], granted: [2015, 2015] },
  { n: 8_342, kind: 'utility', filed: [2015, 2015], granted: [2016, 2016] },
  { n: 2_658, kind: 'utility', filed: [2015, 2015], ended: { status: 'withdrawn', years: [2016, 2016] } },
  { n: 8_000, kind: 'design', filed: [2015, 2015], granted: [2015, 2015] },
  { n: 5_000, kind: 'design', filed: [2015, 2015], granted: [2016, 2016] },
  { n: 2_062, kind: 'design', filed: [2015, 2015], ended: { status: 'rejected', years: [2016, 2016] } },
  // Inventions filed 2012–2014, granted in 2016 (1,209) and 2015 (1,015).
  { n: 1_209, kind: inv, filed: [2013, 2014], granted: [2016, 2016] },
  { n: 1_015, kind: inv, filed: [2012, 2014], granted: [2015, 2015] },
  // The older stock: 1,424 still valid at the end of 2016, 276 lapsed for unpaid fees before it.
  { n: 1_424, kind: inv, filed: [2004, 2010], granted: [2007, 2014] },
  {
    n: 276,
    kind: inv,
    filed: [2004, 2009],
    granted: [2007, 2012],
    ended: { status: 'lapsed', years: [2013, 2016] },
  },
  // Expired by term long before: numbers in the 8-digit form of before 2003.
  { n: 20, kind: inv, filed: [1994, 1996], granted: [1998, 2000] },
];

/** The counties in the demo plan's order and the registry's spread: 晋江 > 南安 > 石狮 > 丰泽 > …. */
const SPREAD: [string, number][] = [
  ['350502', 7.2],
  ['350503', 9],
  ['350504', 5],
  ['350505', 4],
  ['350581', 12],
  ['350582', 30],
  ['350583', 16],
  ['350521', 7.7],
  ['350524', 3.5],
  ['350525', 3],
  ['350526', 3.5],
];

const PRODUCTS: [string, string][] = [
  ['运动鞋', 'A43B'],
  ['鞋底', 'A43B'],
  ['针织面料', 'D04B'],
  ['纺织面料', 'D03D'],
  ['卫浴花洒', 'B05B'],
  ['水龙头', 'F16K'],
  ['阀门', 'F16K'],
  ['陶瓷茶具', 'A47G'],
  ['石材切割机', 'B28D'],
  ['茶叶揉捻机', 'A23F'],
  ['服装', 'A41D'],
  ['电子秤', 'G01G'],
  ['包装机', 'B65B'],
  ['食品烘干装置', 'F26B'],
  ['数控机床', 'B23Q'],
  ['光伏支架', 'H02S'],
  ['纸尿裤', 'A61F'],
  ['工艺瓷', 'C04B'],
  ['电机控制器', 'H02P'],
  ['LED灯具', 'F21V'],
];
const ADJ = [
  '轻量化',
  '防滑',
  '节能',
  '智能',
  '高强度',
  '环保',
  '可调节',
  '自动化',
  '耐磨',
  '一体式',
  '便携式',
  '多功能',
];
const SURNAMES = '陈林黄王吴张李蔡郑许洪庄苏施杨刘曾傅周谢'.split('');
const GIVEN = '建国明华志强文伟晓丽清泉海燕金水荣福美玲永辉雅琴家豪俊杰'.split('');
const TOWNS = ['经济开发区', '工业园区', '科技园', '城东街道', '城西街道', '高新区'];

export interface DemoOrg {
  id: string;
  name: string;
  regionCode: string;
}

const person = (rng: Rng) => rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : '');
const pad = (n: number) => String(n).padStart(2, '0');
const day = (rng: Rng, year: number, fromMonth = 1, toMonth = 12) =>
  `${year}-${pad(rng.int(fromMonth, toMonth))}-${pad(rng.int(1, 28))}`;
const addMonths = (d: string, m: number) => {
  const [y, mo, dd] = d.split('-').map(Number);
  const t = y * 12 + (mo - 1) + m;
  return `${Math.floor(t / 12)}-${pad((t % 12) + 1)}-${pad(dd)}`;
};

const TYPE_DIGIT: Record<PatentKind, string> = { invention: '1', utility: '2', design: '3' };

/** Every demo patent and the legal events of those that ended. */
export function buildDemoPatents(orgs: DemoOrg[], countyNames: Map<string, string>, today: string) {
  const rng = new Rng(20_161_231);
  const serial = new Map<string, number>();
  const number = (year: number, kind: PatentKind) => {
    const modern = year >= 2004;
    const head = modern ? `${year}${TYPE_DIGIT[kind]}` : `${String(year).slice(2)}${TYPE_DIGIT[kind]}`;
    const s = (serial.get(head) ?? 10_000) + rng.int(1, 40);
    serial.set(head, s);
    const body = `${head}${String(s).padStart(modern ? 7 : 5, '0')}`;
    return `${body}.${patentCheckChar(body)}`;
  };
  const orgsOf = new Map<string, DemoOrg[]>();
  for (const o of orgs) orgsOf.set(o.regionCode, [...(orgsOf.get(o.regionCode) ?? []), o]);
  const patents: DemoPatent[] = [];
  const events: { appNo: string; onDate: string; status: PatentStatus; label: string }[] = [];
  for (const g of GROUPS) {
    for (const [county, n] of apportion(g.n, SPREAD, 0)) {
      for (let i = 0; i < n; i++) {
        const filedYear = rng.int(g.filed[0], g.filed[1]);
        const grantYear = g.granted ? rng.int(g.granted[0], g.granted[1]) : null;
        // Granted in its filing year: filed in the first half, granted in the second.
        const sameYear = grantYear === filedYear;
        const filedOn = day(rng, filedYear, 1, sameYear ? 6 : 12);
        const grantedOn = grantYear ? day(rng, grantYear, sameYear ? 7 : 1, 12) : null;
        const [product, ipc] = rng.pick(PRODUCTS);
        const title =
          g.kind === 'design'
            ? `${product}（${rng.pick(['A', 'B', 'C', '一', '二'])}款）`
            : `一种${rng.pick(ADJ)}${product}`;
        const local = orgsOf.get(county) ?? [];
        const org = local.length > 0 && rng.chance(0.35) ? rng.pick(local) : null;
        const applicant = org ? org.name : person(rng);
        const inventors = Array.from({ length: rng.int(1, 3) }, () => person(rng)).join('；');
        const endedOn = g.ended ? day(rng, rng.int(g.ended.years[0], g.ended.years[1])) : null;
        const ending = g.ended && endedOn ? g.ended.status : null;
        const expired = grantedOn && !ending && termEnd(g.kind, filedOn) <= today;
        const status: PatentStatus = ending ?? (expired ? 'expired' : grantedOn ? 'granted' : 'pending');
        const appNo = number(filedYear, g.kind);
        patents.push({
          appNo,
          kind: g.kind,
          title,
          applicant,
          orgId: org?.id ?? null,
          inventors,
          address: `福建省泉州市${countyNames.get(county) ?? ''}${rng.pick(TOWNS)}`,
          filedOn,
          publishedOn: g.kind === 'invention' ? addMonths(filedOn, 18) : grantedOn,
          grantedOn,
          endedOn: ending ? endedOn : null,
          status,
          ipcMain: `${ipc}${rng.int(1, 99)}/${pad(rng.int(0, 99))}`,
          regionCode: county,
        });
        if (ending && endedOn && ENDING_STATUSES.includes(ending))
          events.push({ appNo, onDate: endedOn, status: ending, label: LABELS[ending] ?? ending });
      }
    }
  }
  return { patents, events };
}

const LABELS: Partial<Record<PatentStatus, string>> = {
  lapsed: '未缴年费专利权终止',
  withdrawn: '视为撤回',
  rejected: '驳回',
};
