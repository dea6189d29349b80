/**
 * The demo plan: the reported figures of the bureau's 2016 work summary (and the 2015 figures it
 * states or implies; the patent and finance figures are computed from the IP and finance modules' demo records), a few clearly marked demo figures, and the 2017 plan「1157」as targets split
 * over the counties. Every additive figure is entered per county only — the city figure is their
 * sum, so "county values add up to the city value" holds by construction. Runs once (settings row
 * `demo-plan`), in one transaction with one audit entry.
 */
import type { TargetKind } from '../../../domain/indicators';
import type { Db } from '../../db/client';
import { writeAudit } from '../../platform/audit';
import type { RegionTree } from '../../platform/region-tree';
import { indicatorOf } from './catalogue';
import { getSetting, putSetting } from './plan-settings-repo';
import { type ReportedBody, writeReported } from './reported-service';
import { insertTargetsIfAbsent } from './targets-repo';
import { apportion, cityOf, splitTargetTx } from './targets-split';

export const DEMO_PLAN_KEY = 'demo-plan';
const BY = 'demo';
const SEED = '泉州市科技局2016年科技创新工作总结及2017年工作安排（泉科〔2017〕28号）';
const SEED_DATE = '2017-02-15';
const SPLIT = '；县级分解为演示数据';
const DEMO = '演示数据（非统计发布值）';

type Weights = Record<string, number>;
/** The counties in a fixed order: 鲤城 丰泽 洛江 泉港 石狮 晋江 南安 惠安 安溪 永春 德化. */
const ORDER = '350502 350503 350504 350505 350581 350582 350583 350521 350524 350525 350526'.split(' ');
const w = (...xs: number[]): Weights => Object.fromEntries(ORDER.map((c, i) => [c, xs[i]]));
/** Enterprise-like figures follow the registry's spread: 晋江 > 南安 > 石狮 > 丰泽 > the rest. */
const ENT = w(7.2, 9, 5, 4, 12, 30, 16, 7.7, 3.5, 3, 3.5);
/** The high-tech zone's output by the county of each sub-park (丰泽 洛江 石狮 晋江 南安 惠安). */
const HTZ = w(0, 20, 13, 0, 12, 30, 15, 10, 0, 0, 0);
/** Resident population, 万人, yearbook 2021; a county's figure includes its functional zone. */
const POP = w(39.7 + 3.2, 72.0, 25.5, 35.9, 68.9, 206.9, 152.7, 78.8 + 25.3, 100.2, 42.2, 33.7);
const ZONES: Record<string, number> = { '350500Z1': 3.2, '350500Z2': 25.3 };
const POP_SOURCE =
  '泉州市统计局年末常住人口（2015年858万人、2020年879万人，其间插值）；县级按《泉州统计年鉴2021》结构分解，演示数据';

interface Fig {
  code: string;
  year: number;
  value: number;
  w?: Weights;
  source?: string;
  vintage?: string;
  note?: string;
}

const demo17 = {
  source: '演示数据：2017年进度（虚构，用于驾驶舱演示）',
  vintage: '演示数据（2017年部分数据）',
};

const FIGURES: Fig[] = [
  { code: 'rd_spending', year: 2015, value: 678800, w: ENT, note: '2015年全市R&D经费投入67.88亿元' },
  { code: 'rd_gdp_ratio', year: 2015, value: 1.11 },
  { code: 'rd_gdp_ratio', year: 2016, value: 1.16, source: '演示数据：按2015年1.11%外推', vintage: DEMO },
  { code: 'hitech_va_share', year: 2016, value: 21.3, source: '演示数据', vintage: DEMO },
  {
    code: 'htz_output',
    year: 2016,
    value: 13913000,
    w: HTZ,
    source: `演示数据：由${SEED}2017年目标（突破1600亿元、比增15%）倒推`,
    vintage: '演示数据（由2017年目标倒推）',
  },
  { code: 'population', year: 2015, value: 858.0, w: POP, source: POP_SOURCE, vintage: '2015年末常住人口' },
  {
    code: 'population',
    year: 2016,
    value: 862.0,
    w: POP,
    source: POP_SOURCE,
    vintage: '2016年末常住人口（插值，演示）',
  },
  {
    code: 'population',
    year: 2017,
    value: 866.0,
    w: POP,
    source: POP_SOURCE,
    vintage: '2017年末常住人口（插值，演示）',
  },
  { code: 'htz_output', year: 2017, value: 15200000, w: HTZ, ...demo17 },
  { code: 'rd_gdp_ratio', year: 2017, value: 1.3, ...demo17 },
  { code: 'hitech_va_share', year: 2017, value: 22.1, ...demo17 },
  { code: 'talents', year: 2017, value: 16, w: ENT, ...demo17 },
  { code: 'zone_fund', year: 2017, value: 24000, w: ENT, ...demo17 },
  { code: 'major_projects', year: 2017, value: 26, w: ENT, ...demo17 },
  { code: 'coop_projects', year: 2017, value: 18, w: ENT, ...demo17 },
];

/** The 2017 plan「1157」: five headline indicators and seven key works, city level. */
const PLAN_2017: [string, TargetKind, string | null, string][] = [
  ['rd_gdp_ratio', 'increase_pct', '20', '全社会R&D投入占GDP比重增长20%以上'],
  ['new_hte_giant', 'absolute', '100', '新增高新技术企业、科技小巨人领军企业100家以上'],
  ['inv_per_10k', 'absolute', '5.3', '每万人发明专利拥有量达到5.3件'],
  ['hitech_va_share', 'rising', null, '高新技术产业增加值占地区生产总值比重逐步提高'],
  ['htz_output', 'increase_pct', '15', '高新区工业总产值突破1600亿元，增长15%以上'],
  ['talents', 'absolute', '20', '培育科技创新创业领军人才（团队）20名（个）'],
  ['zone_fund', 'absolute', '30000', '筹集自创区建设专项资金3亿元'],
  ['major_projects', 'absolute', '30', '谋划实施30个重大创新项目'],
  ['national_platforms', 'increase_abs', '1', '打造1个以上“国家队”创新平台'],
  ['incubators', 'increase_abs', '10', '新增10家市级以上众创空间、科技企业孵化器'],
  ['policies_issued', 'increase_abs', '10', '推动出台“1+X”系列配套政策10份以上'],
  ['coop_projects', 'absolute', '20', '组织实施重大产学研合作、国际科技合作项目20项'],
  ['patent_apps', 'increase_pct', '15', '专利申请量增长15%以上'],
  ['patent_grants', 'increase_pct', '10', '专利授权量增长10%以上'],
  ['commissioner_bases', 'increase_abs', '15', '发展培育市级科技特派员示范基地15—20家'],
  ['tech_coops', 'increase_abs', '8', '发展培育市级科技型农民专业合作社8—10家'],
];

/** The rows of one figure: per county for an additive one (zones too for population), else the city. */
function rowsOf(f: Fig, city: string): ReportedBody[] {
  const indicator = indicatorOf(f.code);
  if (!indicator) throw new Error(`demo plan: no indicator ${f.code}`);
  const d = indicator.decimals;
  const source = f.source ?? SEED;
  const base = {
    indicatorCode: f.code,
    year: f.year,
    sourceDate: source.includes(SEED) ? SEED_DATE : null,
    vintage: f.vintage ?? null,
    note: f.note ?? null,
  };
  if (!indicator.additive || !f.w) return [{ ...base, regionCode: city, value: f.value.toFixed(d), source }];
  const shares = apportion(f.value, Object.entries(f.w), d);
  const rows = [...shares].map(([regionCode, v]) => ({
    ...base,
    regionCode,
    value: v.toFixed(d),
    source: `${source}${SPLIT}`,
  }));
  if (f.code === 'population') {
    const scale = f.value / Object.values(POP).reduce((a, v) => a + v, 0);
    for (const [regionCode, v] of Object.entries(ZONES)) {
      const note = '功能区常住人口，已计入所属县(市、区)';
      rows.push({ ...base, regionCode, value: (Math.round(v * scale * 10) / 10).toFixed(d), source, note });
    }
  }
  return rows;
}

/** Loads the demo plan once; answers false when it was already loaded. */
export async function loadDemoPlan(db: Db, regions: RegionTree): Promise<boolean> {
  const city = cityOf(regions);
  const needed = [...Object.keys(POP), ...Object.keys(ZONES)].filter((c) => !regions.get(c));
  if (needed.length > 0)
    throw new Error(`demo plan needs the Quanzhou regions; missing ${needed.join(', ')}`);
  return db.transaction(async (tx) => {
    const marker = await getSetting(tx, DEMO_PLAN_KEY);
    if (marker) return false;
    const rows = FIGURES.flatMap((f) => rowsOf(f, city));
    const { inserted } = await writeReported(tx, rows, BY);
    await insertTargetsIfAbsent(
      tx,
      PLAN_2017.map(([indicatorCode, kind, value, note]) => ({
        year: 2017,
        indicatorCode,
        regionCode: city,
        kind,
        value,
        note: `“1157”工作计划：${note}`,
        updatedBy: BY,
      })),
    );
    let split = 0;
    for (const [code] of PLAN_2017)
      split += (await splitTargetTx(tx, regions, 2017, code, BY)).written.length;
    const summary = { reportedValues: inserted.length, cityTargets: PLAN_2017.length, countyTargets: split };
    await putSetting(tx, DEMO_PLAN_KEY, { source: SEED, ...summary });
    await writeAudit(tx, {}, { action: 'system.demo-plan', targetType: 'plan', after: summary });
    return true;
  });
}
