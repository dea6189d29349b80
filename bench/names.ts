/**
 * Realistic organisation templates for the bulk data: names, regions, industries and addresses in
 * the demo generator's style, with their search text computed by the registry's own `orgSearchText`
 * (jieba with the domain dictionary), so Chinese keyword search meets real token distributions.
 * SQL assigns them cyclically, inserting the row number into the name (晋江宏晟鞋业123有限公司).
 */
import { makeUscc, USCC_CHARSET } from '../src/domain/identifiers';
import type { OrgKind } from '../src/domain/registry';
import { BRANDS } from '../src/server/db/demo/names';
import { INDUSTRY_FIELDS, INDUSTRY_WORDS, REGION_FLAVOUR } from '../src/server/db/demo/regions';
import { Rng } from '../src/server/db/demo/rng';
import { orgSearchText } from '../src/server/modules/registry/search';

export interface Template {
  /** Name before and after the inserted number. */
  head: string;
  tail: string;
  kind: OrgKind;
  regionCode: string;
  regionName: string;
  industryCode: string;
  address: string;
  searchText: string;
}

/** Share of the city's organisations per county or zone (晋江 holds about a third). */
export const REGION_WEIGHTS: Record<string, number> = {
  '350582': 30,
  '350581': 10,
  '350583': 12,
  '350503': 6,
  '350502': 5,
  '350521': 7,
  '350504': 4,
  '350505': 3,
  '350524': 7,
  '350525': 4,
  '350526': 6,
  '350500Z1': 3,
  '350500Z2': 3,
};

export const REGION_NAMES: Record<string, string> = {
  '350582': '晋江市',
  '350581': '石狮市',
  '350583': '南安市',
  '350503': '丰泽区',
  '350502': '鲤城区',
  '350521': '惠安县',
  '350504': '洛江区',
  '350505': '泉港区',
  '350524': '安溪县',
  '350525': '永春县',
  '350526': '德化县',
  '350500Z1': '泉州经济技术开发区',
  '350500Z2': '泉州台商投资区',
};

const ROADS = [...'兴创科新长福安泰振永明荣顺和龙凤清德鹏华'];
const GRAPHENE = ['石墨烯科技', '石墨烯新材料', '石墨烯'];

function kindOf(i: number): OrgKind {
  if (i % 50 === 1) return 'institute';
  if (i % 50 === 2) return 'service_agency';
  if (i % 200 === 3) return 'university';
  if (i % 200 === 4) return 'new_rd_institution';
  if (i % 200 === 5) return 'financial_institution';
  return 'enterprise';
}

function nameParts(rng: Rng, kind: OrgKind, regionCode: string, industry: string): [string, string] {
  const place = rng.pick(REGION_FLAVOUR[regionCode].places);
  const brand = rng.pick(BRANDS);
  const field = INDUSTRY_FIELDS[industry] ?? '科技';
  switch (kind) {
    case 'institute':
      return [`泉州${brand}${field}`, '研究院'];
    case 'new_rd_institution':
      return [`泉州${brand}${field}产业技术`, '研究院'];
    case 'university':
      return [`${rng.pick(['泉州', '闽南', '福建'])}${brand}`, rng.pick(['职业技术学院', '理工学院'])];
    case 'service_agency':
      return [
        `${place}${brand}${rng.pick(['知识产权代理', '科技服务', '技术转移', '检测技术'])}`,
        '有限公司',
      ];
    case 'financial_institution':
      return [`${place}${brand}${rng.pick(['小额贷款', '融资担保', '科技金融'])}`, '股份有限公司'];
    default: {
      const word = rng.pick(INDUSTRY_WORDS[industry] ?? ['科技']);
      return [`${place}${brand}${word}`, rng.chance(0.1) ? '股份有限公司' : '有限公司'];
    }
  }
}

/** `count` templates, reproducible from the seed; about 0.6% are 石墨烯 companies. */
export function buildTemplates(count: number, seed = 20161231): Template[] {
  const rng = new Rng(seed);
  const out: Template[] = [];
  for (let i = 0; i < count; i++) {
    const regionCode = rng.weighted(REGION_WEIGHTS);
    const flavour = REGION_FLAVOUR[regionCode];
    const kind = kindOf(i);
    let industry = rng.weighted(flavour.industries as Record<string, number>);
    let [head, tail] = nameParts(rng, kind, regionCode, industry);
    if (kind === 'enterprise' && rng.chance(0.006)) {
      industry = '26';
      head = `${rng.pick(flavour.places)}${rng.pick(BRANDS)}${rng.pick(GRAPHENE)}`;
    }
    const road = `${rng.pick(ROADS)}${rng.pick(ROADS)}路`;
    const address = `${flavour.addressPrefix}${rng.pick(flavour.towns)}${road}${rng.int(1, 999)}号`;
    const regionName = REGION_NAMES[regionCode];
    const searchText = orgSearchText({ name: head + tail, industryCode: industry, address }, regionName);
    out.push({ head, tail, kind, regionCode, regionName, industryCode: industry, address, searchText });
  }
  return out;
}

/** A valid USCC (check characters right) unique to `n`: the `MA…` series the bulk rows never use. */
export function usccFor(n: number, regionCode: string): string {
  let base = '';
  let v = n;
  for (let i = 0; i < 6; i++) {
    base = USCC_CHARSET[v % USCC_CHARSET.length] + base;
    v = Math.floor(v / USCC_CHARSET.length);
  }
  return makeUscc('9', '1', regionCode.slice(0, 6), `MA${base}`);
}

export const ORG_HEADERS = [
  '统一社会信用代码',
  '单位名称',
  '单位类型',
  '所属区域',
  '行业代码',
  '是否规上工业企业',
  '成立日期',
  '地址',
  '联系人',
  '联系电话',
];

const KIND_ZH: Record<OrgKind, string> = {
  enterprise: '企业',
  university: '高等院校',
  institute: '科研院所',
  new_rd_institution: '新型研发机构',
  service_agency: '科技服务机构',
  financial_institution: '金融机构',
};

/** Row `i` of the import file: a fresh organisation, region by name, as the bureau's users fill it. */
export function importRow(templates: Template[], i: number): string[] {
  const t = templates[i % templates.length];
  const n = 2_000_000 + i;
  const month = String((i % 12) + 1).padStart(2, '0');
  return [
    usccFor(n, t.regionCode),
    `${t.head}${n}${t.tail}`,
    KIND_ZH[t.kind],
    t.regionName,
    t.industryCode,
    '否',
    `${2000 + (i % 17)}-${month}-15`,
    t.address,
    '陈志明',
    `0595-${String(20000000 + i).slice(0, 8)}`,
  ];
}
