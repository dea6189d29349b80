/**
 * 科技金融 (product.md module 6, the seed's 一(二)4 and 二(八)): the records banks, funds, insurers and
 * the equity exchange keep of what they did for the city's enterprises, and patent pledges (issue 13).
 * One ledger of records of six kinds; the figures of the plan are counted from it.
 */
import { type Msg, msg } from './message';

/** What a financial institution is to the module (a registry organisation of kind 金融机构). */
export const INSTITUTION_TYPES = ['bank', 'fund', 'guarantee', 'insurer', 'exchange'] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export const INSTITUTION_TYPE_NAMES: Record<InstitutionType, Msg> = {
  bank: msg('银行', 'Bank'),
  fund: msg('投资基金', 'Investment fund'),
  guarantee: msg('融资担保机构', 'Guarantor'),
  insurer: msg('保险公司', 'Insurer'),
  exchange: msg('股权交易中心', 'Equity exchange'),
};

export const RECORD_KINDS = ['credit', 'loan', 'listing', 'investment', 'insurance', 'pledge'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RECORD_KIND_NAMES: Record<RecordKind, Msg> = {
  credit: msg('增信授信', 'Credit line'),
  loan: msg('科创贷', 'Kechuang loan'),
  listing: msg('股权挂牌', 'Equity listing'),
  investment: msg('基金投资', 'Fund investment'),
  insurance: msg('科技保险', 'S&T insurance'),
  pledge: msg('专利权质押', 'Patent pledge'),
};

/** Which institutions may hold a record of each kind. */
export const KIND_INSTITUTIONS: Record<RecordKind, readonly InstitutionType[]> = {
  credit: ['bank', 'guarantee'],
  loan: ['bank'],
  listing: ['exchange'],
  investment: ['fund'],
  insurance: ['insurer'],
  pledge: ['bank', 'guarantee'],
};

/** Government-backed instruments a credit line is granted under. */
export const INSTRUMENTS = ['hte_fund', 'risk_pool', 'guarantee_fund'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

export const INSTRUMENT_NAMES: Record<Instrument, Msg> = {
  hte_fund: msg('高新技术企业发展基金', 'High-tech enterprise development fund'),
  risk_pool: msg('科技信贷风险补偿资金', 'S&T credit risk pool'),
  guarantee_fund: msg('政策性融资担保资金', 'Policy guarantee fund'),
};

/** Boards of the regional equity exchange (海峡股权交易中心). */
export const BOARDS = ['showcase', 'incubation', 'trading'] as const;
export type Board = (typeof BOARDS)[number];

export const BOARD_NAMES: Record<Board, Msg> = {
  showcase: msg('展示板', 'Showcase board'),
  incubation: msg('孵化板', 'Incubation board'),
  trading: msg('交易板', 'Trading board'),
};

export const ROUNDS = ['angel', 'a', 'b', 'c', 'pre_ipo', 'other'] as const;
export type Round = (typeof ROUNDS)[number];

export const ROUND_NAMES: Record<Round, Msg> = {
  angel: msg('天使轮', 'Angel'),
  a: msg('A轮', 'Series A'),
  b: msg('B轮', 'Series B'),
  c: msg('C轮', 'Series C'),
  pre_ipo: msg('Pre-IPO', 'Pre-IPO'),
  other: msg('其他', 'Other'),
};

/** The fields each kind asks for beyond institution, enterprise and date (the form and the checks). */
export const KIND_FIELDS: Record<RecordKind, readonly string[]> = {
  credit: ['instrument', 'amount', 'termMonths', 'guaranteeFree', 'refNo'],
  loan: ['amount', 'termMonths', 'guaranteeFree', 'refNo'],
  listing: ['board', 'refNo'],
  investment: ['amount', 'round'],
  insurance: ['amount', 'cover', 'endOn', 'refNo'],
  pledge: ['appNo', 'amount', 'refNo', 'endOn'],
};

/** The fields a kind must have. */
export const KIND_REQUIRED: Record<RecordKind, readonly string[]> = {
  credit: ['instrument', 'amount'],
  loan: ['amount', 'termMonths'],
  listing: ['board', 'refNo'],
  investment: ['amount', 'round'],
  insurance: ['amount', 'cover', 'endOn'],
  pledge: ['appNo', 'amount'],
};
