/**
 * The demo contracts, built from a seed (no database): the 2016 registrations of the bureau's
 * summary — 合同成交额 462,721.06 万元 in all, one of them the 4 亿美元 集成电路 technology
 * transfer of an invented 晋江 memory maker to a foreign party at the 2016 average rate — and 2017
 * contracts in every status. Names of contracts and parties are invented.
 */
import {
  addDays,
  CONTRACT_TYPES,
  type ContractStatus,
  type ContractType,
} from '../../../domain/tech-contracts';
import type { Rng } from '../../db/demo/rng';
import type { techContractAmounts, techContractEvents, techContracts } from '../../db/schema';

/** 2016 合同成交额 of the seed (万元), in hundredths. */
export const TOTAL_2016_CENTS = 46_272_106;
/** 2016 average USD/CNY central parity (元 per dollar). */
export const USD_RATE_2016 = '6.642300';
/** 4 亿美元 = 40,000 万美元 at the rate: 265,692.00 万元. */
export const BIG_ORIG = '40000.0000';
export const BIG_CENTS = 26_569_200;

export interface PoolOrg {
  id: string;
  name: string;
  regionCode: string;
}

type Contract = typeof techContracts.$inferInsert;
type Amount = typeof techContractAmounts.$inferInsert;
type Event = typeof techContractEvents.$inferInsert;

export interface DemoSet {
  contracts: Contract[];
  amounts: Amount[];
  events: Event[];
  /** Contracts that carry a signed PDF. */
  withFile: string[];
}

const wan = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

const SUBJECTS = [
  '智能鞋服柔性生产线',
  '石墨烯导热膜制备',
  '数控机床伺服控制',
  '陶瓷窑炉余热回收',
  '茶叶精制自动化',
  '纺织印染废水处理',
  '建筑陶瓷数字喷墨',
  '工业机器人视觉定位',
  '锂电池正极材料',
  '水暖卫浴节水阀芯',
  '食品冷链温控系统',
  '石材智能切割',
  'LED 封装散热',
  '医用敷料抗菌',
  '光伏组件清洗机器人',
];
const WORDS: Record<ContractType, string> = {
  development: '技术开发合同',
  transfer: '技术转让合同',
  license: '技术许可合同',
  consulting: '技术咨询合同',
  service: '技术服务合同',
};
const FIELDS = [
  'electronic-info',
  'new-materials',
  'advanced-manufacturing',
  'new-energy-saving',
  'resources-environment',
  'bio-medicine',
  'hitech-services',
];
const BUYERS = ['厦门', '福州', '深圳', '上海', '杭州', '南京', '苏州', '武汉'];

/** Weights of the counties in the 2016 registrations beyond the large contract. */
const COUNTY_WEIGHTS: Record<string, number> = {
  '350503': 18,
  '350582': 20,
  '350502': 10,
  '350583': 12,
  '350581': 8,
  '350521': 6,
  '350504': 5,
  '350505': 5,
  '350524': 5,
  '350525': 3,
  '350526': 4,
};

interface Party {
  regionCode: string;
  registrarRegion: string;
}

export interface BuildInput {
  rng: Rng;
  pool: PoolOrg[];
  /** The county of a region (a zone's county), or the city. */
  registrarOf: (regionCode: string) => string;
  bigSeller: PoolOrg;
  demoEnterprise: PoolOrg;
  demoInstitution: PoolOrg;
}

function pickType(rng: Rng) {
  const type = rng.weighted({
    development: 35,
    transfer: 15,
    license: 8,
    consulting: 12,
    service: 30,
  }) as ContractType;
  const subs = Object.keys(CONTRACT_TYPES[type].subTypes);
  return { typeCode: type, subTypeCode: rng.pick(subs) };
}

/** The parts of a contract row every demo contract has. */
function base(rng: Rng, seller: PoolOrg, party: Party, cents: number, buyer: PoolOrg | null): Contract {
  const { typeCode, subTypeCode } = pickType(rng);
  const nontech = rng.chance(0.2) ? Math.floor(cents * 0.15) : 0;
  const tech = cents - nontech;
  return {
    id: rng.uuid(),
    title: `${rng.pick(SUBJECTS)}${WORDS[typeCode]}`,
    typeCode,
    subTypeCode,
    sellerOrgId: seller.id,
    regionCode: party.regionCode,
    registrarRegion: party.registrarRegion,
    buyerKind: buyer ? 'registry' : 'domestic',
    buyerOrgId: buyer?.id ?? null,
    buyerName: buyer?.name ?? `${rng.pick(BUYERS)}${rng.pick(['智造', '新材', '科技', '电子'])}有限公司`,
    buyerCountry: 'CN',
    currency: 'CNY',
    exchangeRate: '1',
    contractAmountOrig: wan(cents),
    techAmountOrig: wan(tech),
    contractAmount: wan(cents),
    techAmount: wan(tech),
    nontechCosts: nontech > 0 ? [{ item: '设备及材料费', amount: wan(nontech) }] : [],
    paymentTerms: rng.pick(['合同签订后一次性支付', '按里程碑分三期支付', '验收合格后支付']),
    signedOn: '2016-01-01',
    fieldCode: rng.pick(FIELDS),
    objectiveCode: rng.pick(['industry', 'industry', 'energy', 'environment', 'agriculture']),
    status: 'draft',
    source: 'platform',
  };
}

/** Moves a contract through its history: events, dates, and the registration's amounts. */
function history(set: DemoSet, k: Contract, to: ContractStatus, day: string, rng: Rng) {
  const submitted = to === 'submitted' ? day : addDays(day, -rng.int(3, 25));
  k.signedOn = addDays(submitted, -rng.int(1, 40));
  k.effectiveOn = k.signedOn;
  const ev = (action: string, from: string | null, status: string, on: string, extra: Partial<Event> = {}) =>
    set.events.push({
      contractId: k.id!,
      action,
      fromStatus: from,
      toStatus: status,
      on,
      actorUsername:
        action === 'create' || action === 'submit' || action === 'resubmit' ? 'seller' : 'registrar',
      at: new Date(`${on}T10:00:00+08:00`),
      ...extra,
    });
  ev('create', null, 'draft', k.signedOn);
  k.status = to;
  if (to === 'draft') return;
  set.withFile.push(k.id!);
  ev('submit', 'draft', 'submitted', submitted);
  k.submittedOn = submitted;
  if (to === 'submitted') return;
  const reasons = ['missing_documents'];
  if (to === 'returned' || to === 'refused') {
    k.reasonCodes = to === 'refused' ? ['not_tech_contract'] : reasons;
    k.reasonNote = to === 'refused' ? '合同内容为设备买卖，不属于技术合同' : '缺少技术秘密的具体内容附件';
    ev(to === 'refused' ? 'refuse' : 'return', 'submitted', to, day, {
      reasonCodes: k.reasonCodes,
      note: k.reasonNote,
    });
    return;
  }
  ev('register', 'submitted', 'registered', day);
  k.registeredOn = day;
  set.amounts.push({
    contractId: k.id!,
    version: 1,
    effectiveOn: day,
    exchangeRate: k.exchangeRate!,
    contractAmountOrig: k.contractAmountOrig,
    techAmountOrig: k.techAmountOrig,
    contractAmount: k.contractAmount,
    techAmount: k.techAmount,
    nontechCosts: k.nontechCosts,
    note: '登记',
  });
}

/** Cents shared out by weights, exactly: the last takes what rounding leaves. */
function share(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((total * w) / sum));
  out[out.length - 1] += total - out.reduce((a, b) => a + b, 0);
  return out;
}

export function buildDemoContracts(input: BuildInput): DemoSet {
  const { rng, pool, registrarOf } = input;
  const set: DemoSet = { contracts: [], amounts: [], events: [], withFile: [] };
  const party = (o: PoolOrg): Party => ({
    regionCode: o.regionCode,
    registrarRegion: registrarOf(o.regionCode),
  });
  const byCounty = new Map<string, PoolOrg[]>();
  for (const o of pool) {
    const county = registrarOf(o.regionCode);
    byCounty.set(county, [...(byCounty.get(county) ?? []), o]);
  }
  const counties = Object.keys(COUNTY_WEIGHTS).filter((c) => (byCounty.get(c) ?? []).length > 0);
  const buyerOf = (seller: PoolOrg) => {
    if (!rng.chance(0.4)) return null;
    const b = rng.pick(pool);
    return b.id === seller.id ? null : b;
  };

  // 2016: the large contract, and 150 others sharing the rest of the year's total exactly.
  const big = base(rng, input.bigSeller, party(input.bigSeller), BIG_CENTS, null);
  Object.assign(big, {
    title: 'DRAM 存储器制造工艺技术转让合同',
    typeCode: 'transfer',
    subTypeCode: 'know_how',
    buyerKind: 'foreign',
    buyerName: 'Unitec Semiconductor Corporation',
    buyerCountry: 'US',
    currency: 'USD',
    exchangeRate: USD_RATE_2016,
    contractAmountOrig: BIG_ORIG,
    techAmountOrig: BIG_ORIG,
    contractAmount: wan(BIG_CENTS),
    techAmount: wan(BIG_CENTS),
    nontechCosts: [],
    fieldCode: 'electronic-info',
    paymentTerms: '按技术交付节点分期以美元支付',
  });
  history(set, big, 'registered', '2016-12-15', rng);
  set.contracts.push(big);
  const n2016 = 150;
  const weights = Array.from({ length: n2016 }, () => rng.logNormal(1, 0.9, 0.05, 12));
  const amounts = share(TOTAL_2016_CENTS - BIG_CENTS, weights);
  for (const cents of amounts) {
    const county = rng.weighted(Object.fromEntries(counties.map((c) => [c, COUNTY_WEIGHTS[c]])));
    const seller = rng.pick(byCounty.get(county)!);
    const k = base(rng, seller, party(seller), cents, buyerOf(seller));
    history(set, k, 'registered', rng.date('2016-01-20', '2016-12-28'), rng);
    set.contracts.push(k);
  }

  // 2017: every status, some of them the demo enterprise's and institute's own.
  const plan: [ContractStatus, number][] = [
    ['registered', 24],
    ['submitted', 5],
    ['returned', 3],
    ['refused', 2],
    ['draft', 4],
    ['cancelled', 2],
  ];
  let i = 0;
  for (const [status, count] of plan)
    for (let j = 0; j < count; j++, i++) {
      const own = i % 7 === 0 ? input.demoEnterprise : i % 7 === 3 ? input.demoInstitution : null;
      const seller = own ?? rng.pick(byCounty.get(rng.pick(counties))!);
      const cents = Math.round(rng.logNormal(120, 1, 5, 5000) * 100);
      const k = base(rng, seller, party(seller), cents, buyerOf(seller));
      const day = rng.date('2017-02-01', '2017-11-30');
      history(set, k, status === 'cancelled' ? 'registered' : status, day, rng);
      if (status === 'cancelled') {
        const on = addDays(day, rng.int(10, 40));
        k.status = 'cancelled';
        k.cancelledOn = on;
        set.events.push({
          contractId: k.id!,
          action: 'cancel',
          fromStatus: 'registered',
          toStatus: 'cancelled',
          on,
          note: '双方协议解除合同',
          actorUsername: 'registrar',
          at: new Date(`${on}T10:00:00+08:00`),
        });
      }
      if (status === 'registered' && j % 6 === 1) amend(set, k, addDays(day, rng.int(20, 60)));
      set.contracts.push(k);
    }
  return set;
}

/** A later amendment: the amounts grow by a tenth (a supplementary agreement), version 2. */
function amend(set: DemoSet, k: Contract, on: string) {
  const cents = Math.round(Number(k.contractAmount) * 110);
  const tech = cents - Math.round((Number(k.contractAmount) - Number(k.techAmount)) * 100);
  Object.assign(k, {
    contractAmountOrig: wan(cents),
    techAmountOrig: wan(tech),
    contractAmount: wan(cents),
    techAmount: wan(tech),
  });
  set.amounts.push({
    contractId: k.id!,
    version: 2,
    effectiveOn: on,
    exchangeRate: '1',
    contractAmountOrig: k.contractAmountOrig,
    techAmountOrig: k.techAmountOrig,
    contractAmount: k.contractAmount,
    techAmount: k.techAmount,
    nontechCosts: k.nontechCosts,
    note: '签订补充协议，增加合同金额',
  });
  set.events.push({
    contractId: k.id!,
    action: 'amend',
    fromStatus: 'registered',
    toStatus: 'registered',
    on,
    note: '签订补充协议，增加合同金额',
    actorUsername: 'registrar',
    at: new Date(`${on}T10:00:00+08:00`),
  });
}
