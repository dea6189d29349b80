/**
 * 技术合同认定登记 (product.md module 4, reference.md): the seller of a technology contract submits
 * it to the registrar of its region (登记机构: the county's bureau for a county seller, the city's
 * otherwise), which returns it for correction, refuses it, or registers it with a number. The
 * dictionaries below are the registration form's; the moves are data, not `if`s.
 */
import { type Msg, msg } from './message';

export const CONTRACT_STATUS = {
  draft: msg('草稿', 'Draft'),
  submitted: msg('已提交（待登记）', 'Submitted (awaiting registration)'),
  returned: msg('已退回补正', 'Returned for correction'),
  registered: msg('已登记', 'Registered'),
  refused: msg('不予登记', 'Refused'),
  cancelled: msg('已撤销登记', 'Registration cancelled'),
} as const satisfies Record<string, Msg>;
export type ContractStatus = keyof typeof CONTRACT_STATUS;
export const CONTRACT_STATUS_CODES = Object.keys(CONTRACT_STATUS) as [ContractStatus, ...ContractStatus[]];

/** Who takes an action: the seller organisation's user, or the registrar of the seller's region. */
export type ContractActor = 'seller' | 'registrar';

export interface ContractTransition {
  name: Msg;
  from: readonly ContractStatus[];
  to: ContractStatus;
  by: ContractActor;
  /** Returns and refusals name at least one reason of the reference list. */
  reasonsRequired: boolean;
  /** Cancellations say why in words. */
  noteRequired: boolean;
}

export const CONTRACT_TRANSITIONS = {
  submit: {
    name: msg('提交登记', 'Submit'),
    from: ['draft'],
    to: 'submitted',
    by: 'seller',
    reasonsRequired: false,
    noteRequired: false,
  },
  resubmit: {
    name: msg('补正后重新提交', 'Resubmit'),
    from: ['returned'],
    to: 'submitted',
    by: 'seller',
    reasonsRequired: false,
    noteRequired: false,
  },
  return: {
    name: msg('退回补正', 'Return for correction'),
    from: ['submitted'],
    to: 'returned',
    by: 'registrar',
    reasonsRequired: true,
    noteRequired: false,
  },
  register: {
    name: msg('准予登记', 'Register'),
    from: ['submitted'],
    to: 'registered',
    by: 'registrar',
    reasonsRequired: false,
    noteRequired: false,
  },
  refuse: {
    name: msg('不予登记', 'Refuse'),
    from: ['submitted'],
    to: 'refused',
    by: 'registrar',
    reasonsRequired: true,
    noteRequired: false,
  },
  amend: {
    name: msg('变更登记（金额）', 'Amend the amounts'),
    from: ['registered'],
    to: 'registered',
    by: 'registrar',
    reasonsRequired: false,
    noteRequired: true,
  },
  cancel: {
    name: msg('撤销登记', 'Cancel the registration'),
    from: ['registered'],
    to: 'cancelled',
    by: 'registrar',
    reasonsRequired: false,
    noteRequired: true,
  },
} as const satisfies Record<string, ContractTransition>;
export type ContractAction = keyof typeof CONTRACT_TRANSITIONS;
export const CONTRACT_ACTION_CODES = Object.keys(CONTRACT_TRANSITIONS) as [
  ContractAction,
  ...ContractAction[],
];

/** 合同类别 and their 子类 (the registration form's). */
export const CONTRACT_TYPES = {
  development: {
    name: msg('技术开发', 'Technology development'),
    subTypes: {
      entrusted: msg('委托开发', 'Commissioned development'),
      cooperative: msg('合作开发', 'Cooperative development'),
    },
  },
  transfer: {
    name: msg('技术转让', 'Technology transfer'),
    subTypes: {
      patent: msg('专利权转让', 'Patent assignment'),
      patent_application: msg('专利申请权转让', 'Patent application right assignment'),
      know_how: msg('技术秘密转让', 'Know-how transfer'),
      software: msg('计算机软件著作权转让', 'Software copyright assignment'),
      ic_layout: msg('集成电路布图设计专有权转让', 'IC layout-design right assignment'),
      plant_variety: msg('植物新品种权转让', 'Plant variety right assignment'),
      other_transfer: msg('其他技术转让', 'Other transfer'),
    },
  },
  license: {
    name: msg('技术许可', 'Technology licensing'),
    subTypes: {
      patent_license: msg('专利实施许可', 'Patent licence'),
      know_how_license: msg('技术秘密使用许可', 'Know-how licence'),
      software_license: msg('计算机软件著作权许可', 'Software licence'),
      other_license: msg('其他技术许可', 'Other licence'),
    },
  },
  consulting: {
    name: msg('技术咨询', 'Technology consulting'),
    subTypes: { consulting: msg('技术咨询', 'Consulting') },
  },
  service: {
    name: msg('技术服务', 'Technology service'),
    subTypes: {
      service: msg('技术服务', 'Technical service'),
      training: msg('技术培训', 'Technical training'),
      intermediary: msg('技术中介', 'Technology intermediary'),
    },
  },
} as const;
export type ContractType = keyof typeof CONTRACT_TYPES;
export const CONTRACT_TYPE_CODES = Object.keys(CONTRACT_TYPES) as [ContractType, ...ContractType[]];

export function subTypesOf(type: ContractType): Record<string, Msg> {
  return CONTRACT_TYPES[type].subTypes;
}

export function subTypeName(type: string, sub: string): Msg | undefined {
  const t = CONTRACT_TYPES[type as ContractType];
  return t ? (t.subTypes as Record<string, Msg>)[sub] : undefined;
}

/** 不予登记 / 退回补正 reasons (reference.md, 技术合同认定登记). */
export const REFUSAL_REASONS = {
  not_tech_contract: msg('不属于技术合同', 'Not a technology contract'),
  unclear_parties: msg('当事人不明确', 'The parties are unclear'),
  unclear_subject: msg('标的不明确', 'The subject matter is unclear'),
  unclear_price: msg('价款、报酬或使用费不明确', 'The price or fees are unclear'),
  missing_approval: msg('缺少依法须取得的批准或许可', 'A required approval or licence is missing'),
  name_mismatch: msg('合同名称与权利义务不符', 'The name does not match the rights and duties'),
  restrictive_clause: msg('含有限制技术竞争和发展的条款', 'Clauses restricting technical competition'),
  missing_documents: msg('材料不齐全', 'Documents are missing'),
  seal_inconsistent: msg('签章与当事人不一致', 'Seals do not match the parties'),
  other: msg('其他', 'Other'),
} as const satisfies Record<string, Msg>;
export type RefusalReason = keyof typeof REFUSAL_REASONS;
export const REFUSAL_REASON_CODES = Object.keys(REFUSAL_REASONS) as [RefusalReason, ...RefusalReason[]];

/** 社会经济目标 of the registration form. */
export const OBJECTIVES = {
  industry: msg('促进工业发展', 'Industrial development'),
  agriculture: msg('农林牧渔业发展', 'Agriculture, forestry and fisheries'),
  energy: msg('能源生产、分配和合理利用', 'Energy'),
  environment: msg('环境保护', 'Environmental protection'),
  health: msg('卫生事业发展', 'Health'),
  education: msg('教育事业发展', 'Education'),
  infrastructure: msg('基础设施及城乡规划', 'Infrastructure and planning'),
  social: msg('社会发展和社会服务', 'Social development and services'),
  other: msg('其他民用目标', 'Other civil objectives'),
} as const satisfies Record<string, Msg>;
export type Objective = keyof typeof OBJECTIVES;
export const OBJECTIVE_CODES = Object.keys(OBJECTIVES) as [Objective, ...Objective[]];

/** Who the buyer is: an organisation of the registry (by USCC), one outside the province, or abroad. */
export const BUYER_KINDS = {
  registry: msg('本市登记单位', 'Registered organisation of the city'),
  domestic: msg('外省市单位', 'Organisation elsewhere in China'),
  foreign: msg('境外单位', 'Foreign party'),
} as const satisfies Record<string, Msg>;
export type BuyerKind = keyof typeof BUYER_KINDS;
export const BUYER_KIND_CODES = Object.keys(BUYER_KINDS) as [BuyerKind, ...BuyerKind[]];

/** Countries and regions a foreign buyer is usually in (ISO 3166-1 alpha-2). */
export const COUNTRIES = {
  US: msg('美国', 'United States'),
  JP: msg('日本', 'Japan'),
  KR: msg('韩国', 'South Korea'),
  DE: msg('德国', 'Germany'),
  FR: msg('法国', 'France'),
  GB: msg('英国', 'United Kingdom'),
  NL: msg('荷兰', 'Netherlands'),
  IT: msg('意大利', 'Italy'),
  SG: msg('新加坡', 'Singapore'),
  MY: msg('马来西亚', 'Malaysia'),
  IL: msg('以色列', 'Israel'),
  CA: msg('加拿大', 'Canada'),
  AU: msg('澳大利亚', 'Australia'),
  HK: msg('中国香港', 'Hong Kong, China'),
  MO: msg('中国澳门', 'Macao, China'),
  TW: msg('中国台湾', 'Taiwan, China'),
} as const satisfies Record<string, Msg>;
export type Country = keyof typeof COUNTRIES;
export const COUNTRY_CODES = Object.keys(COUNTRIES) as [Country, ...Country[]];

/** Currencies of a contract; amounts are kept in it and in 万元 at the recorded rate. */
export const CURRENCIES = {
  CNY: msg('人民币', 'Renminbi'),
  USD: msg('美元', 'US dollar'),
  EUR: msg('欧元', 'Euro'),
  JPY: msg('日元', 'Japanese yen'),
  HKD: msg('港元', 'Hong Kong dollar'),
  GBP: msg('英镑', 'Pound sterling'),
  KRW: msg('韩元', 'Korean won'),
} as const satisfies Record<string, Msg>;
export type Currency = keyof typeof CURRENCIES;
export const CURRENCY_CODES = Object.keys(CURRENCIES) as [Currency, ...Currency[]];

/** Days the registrar has to decide, from the (latest) submission. */
export const DECISION_DAYS = 30;
/** Days before the deadline a submission is flagged as due soon. */
export const DUE_SOON_DAYS = 5;

export type DeadlineLevel = 'overdue' | 'due_soon' | 'ok';

/** Where a pending submission stands against its deadline (ISO days, China time). */
export function deadlineLevel(dueOn: string, today: string): DeadlineLevel {
  if (today > dueOn) return 'overdue';
  const soon = new Date(`${dueOn}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() - DUE_SOON_DAYS);
  return today >= soon.toISOString().slice(0, 10) ? 'due_soon' : 'ok';
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Exact decimal arithmetic on amounts written as text: 万 of the original currency (four decimals)
 * times the rate gives 万元 rounded half up to two decimals. Done on scaled integers, never floats.
 */
export function toWan(amountOrig: string, rate: string): string {
  const [ai, af = ''] = amountOrig.split('.');
  const [ri, rf = ''] = rate.split('.');
  const a = BigInt(ai + af.padEnd(4, '0').slice(0, 4));
  const r = BigInt(ri + rf.padEnd(6, '0').slice(0, 6));
  const scaled = a * r; // 10 decimals
  const cents = (scaled + 50_000_000n) / 100_000_000n; // to 2 decimals, half up (amounts ≥ 0)
  const s = cents.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Compares two non-negative decimal texts: −1, 0 or 1. */
export function compareAmounts(a: string, b: string): number {
  const scale = (v: string) => {
    const [i, f = ''] = v.split('.');
    return BigInt(i + f.padEnd(4, '0').slice(0, 4));
  };
  const x = scale(a);
  const y = scale(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sum of decimal texts with up to four decimals, as text with four decimals. */
export function sumAmounts(values: string[]): string {
  const total = values.reduce((acc, v) => {
    const [i, f = ''] = v.split('.');
    return acc + BigInt(i + f.padEnd(4, '0').slice(0, 4));
  }, 0n);
  const s = total.toString().padStart(5, '0');
  return `${s.slice(0, -4)}.${s.slice(-4)}`;
}
