/**
 * 技术市场 (product.md module 4, issue 12's market half): achievements 成果 (supply), demands 需求,
 * the matches between them, solution calls 揭榜/燎原 and 推介会 events. Codes and their bilingual
 * names, and the moves each record makes (data, not `if`s).
 */
import { type Msg, msg } from './message';

/**
 * 技术领域: the eight high-tech fields (hitech-fields-2016.json) and the city's industries the
 * bureau's programmes name (石墨烯, 集成电路, 智能制造 …).
 */
export const MARKET_FIELD_CODES = [
  'electronic-info',
  'bio-medicine',
  'aerospace',
  'new-materials',
  'hitech-services',
  'new-energy-saving',
  'resources-environment',
  'advanced-manufacturing',
  'graphene',
  'integrated-circuit',
  'smart-manufacturing',
  'textile-footwear',
  'building-ceramics',
  'tea-agriculture',
] as const;
export type MarketField = (typeof MARKET_FIELD_CODES)[number];
export const MARKET_FIELD_NAMES: Record<MarketField, Msg> = {
  'electronic-info': msg('电子信息', 'Electronic information'),
  'bio-medicine': msg('生物与新医药', 'Biotechnology and new medicine'),
  aerospace: msg('航空航天', 'Aerospace'),
  'new-materials': msg('新材料', 'New materials'),
  'hitech-services': msg('高技术服务', 'High-tech services'),
  'new-energy-saving': msg('新能源与节能', 'New energy and energy saving'),
  'resources-environment': msg('资源与环境', 'Resources and environment'),
  'advanced-manufacturing': msg('先进制造与自动化', 'Advanced manufacturing and automation'),
  graphene: msg('石墨烯', 'Graphene'),
  'integrated-circuit': msg('集成电路', 'Integrated circuits'),
  'smart-manufacturing': msg('智能制造', 'Smart manufacturing'),
  'textile-footwear': msg('纺织鞋服', 'Textiles and footwear'),
  'building-ceramics': msg('建材陶瓷', 'Building materials and ceramics'),
  'tea-agriculture': msg('茶叶与现代农业', 'Tea and modern agriculture'),
};

export const MATURITY_CODES = ['lab', 'pilot_small', 'pilot', 'industrial'] as const;
export type Maturity = (typeof MATURITY_CODES)[number];
export const MATURITY_NAMES: Record<Maturity, Msg> = {
  lab: msg('实验室', 'Laboratory'),
  pilot_small: msg('小试', 'Small-scale trial'),
  pilot: msg('中试', 'Pilot'),
  industrial: msg('产业化', 'Industrialised'),
};

export const TRANSFER_MODE_CODES = ['transfer', 'license', 'equity', 'joint_development', 'service'] as const;
export type TransferMode = (typeof TRANSFER_MODE_CODES)[number];
export const TRANSFER_MODE_NAMES: Record<TransferMode, Msg> = {
  transfer: msg('转让', 'Transfer'),
  license: msg('许可', 'Licence'),
  equity: msg('作价入股', 'Equity contribution'),
  joint_development: msg('合作开发', 'Joint development'),
  service: msg('技术服务', 'Technical service'),
};

export const SOURCE_CODES = ['lanhuo', 'liaoyuan', 'own'] as const;
export type AchievementSource = (typeof SOURCE_CODES)[number];
export const SOURCE_NAMES: Record<AchievementSource, Msg> = {
  lanhuo: msg('蓝火计划', 'Blue Fire programme'),
  liaoyuan: msg('燎原计划', 'Prairie Fire programme'),
  own: msg('自主发布', 'Own submission'),
};

/** An achievement and a demand share one life: drafted by the owner, checked by staff, published. */
export const LISTING_STATUS_CODES = [
  'draft',
  'submitted',
  'published',
  'returned',
  'withdrawn',
  'expired',
] as const;
export type ListingStatus = (typeof LISTING_STATUS_CODES)[number];
export const LISTING_STATUS_NAMES: Record<ListingStatus, Msg> = {
  draft: msg('草稿', 'Draft'),
  submitted: msg('待审核', 'Submitted'),
  published: msg('已发布', 'Published'),
  returned: msg('已退回', 'Returned'),
  withdrawn: msg('已撤回', 'Withdrawn'),
  expired: msg('已过期', 'Expired'),
};

export const LISTING_ACTIONS = ['submit', 'publish', 'return', 'withdraw', 'expire'] as const;
export type ListingAction = (typeof LISTING_ACTIONS)[number];
export const LISTING_ACTION_NAMES: Record<ListingAction, Msg> = {
  submit: msg('提交审核', 'Submit'),
  publish: msg('审核发布', 'Publish'),
  return: msg('退回修改', 'Return'),
  withdraw: msg('撤回', 'Withdraw'),
  expire: msg('过期下架', 'Expire'),
};

/** Who takes an action: the owner organisation or the bureau's staff. */
export const LISTING_TRANSITIONS: Record<
  ListingAction,
  { from: readonly ListingStatus[]; to: ListingStatus; by: 'owner' | 'staff' | 'either' }
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'owner' },
  publish: { from: ['submitted'], to: 'published', by: 'staff' },
  return: { from: ['submitted'], to: 'returned', by: 'staff' },
  withdraw: { from: ['submitted', 'published'], to: 'withdrawn', by: 'either' },
  expire: { from: ['published'], to: 'expired', by: 'staff' },
};

/** A match moves forward, or ends as contracted or not pursued (with a coded reason). */
export const MATCH_STATUS_CODES = ['suggested', 'contacted', 'negotiating', 'contracted', 'dropped'] as const;
export type MatchStatus = (typeof MATCH_STATUS_CODES)[number];
export const MATCH_STATUS_NAMES: Record<MatchStatus, Msg> = {
  suggested: msg('推荐', 'Suggested'),
  contacted: msg('已联系', 'Contacted'),
  negotiating: msg('洽谈中', 'Negotiating'),
  contracted: msg('已签约', 'Contracted'),
  dropped: msg('不再推进', 'Not pursued'),
};
export const MATCH_TRANSITIONS: Record<MatchStatus, readonly MatchStatus[]> = {
  suggested: ['contacted', 'dropped'],
  contacted: ['negotiating', 'dropped'],
  negotiating: ['contracted', 'dropped'],
  contracted: [],
  dropped: [],
};

export const DROP_REASON_CODES = ['price', 'maturity', 'ip', 'capacity', 'no_reply', 'other'] as const;
export type DropReason = (typeof DROP_REASON_CODES)[number];
export const DROP_REASON_NAMES: Record<DropReason, Msg> = {
  price: msg('价格未谈拢', 'No agreement on price'),
  maturity: msg('技术成熟度不足', 'Technology not mature enough'),
  ip: msg('知识产权不清', 'Unclear intellectual property'),
  capacity: msg('企业承接能力不足', 'Enterprise cannot absorb it'),
  no_reply: msg('对方无回应', 'No reply'),
  other: msg('其他', 'Other'),
};

/** A solution call 揭榜/燎原: open for proposals, then closed, then a proposal is picked. */
export const CALL_STATUS_CODES = ['open', 'closed', 'awarded'] as const;
export type CallStatus = (typeof CALL_STATUS_CODES)[number];
export const CALL_STATUS_NAMES: Record<CallStatus, Msg> = {
  open: msg('征集中', 'Open'),
  closed: msg('已截止', 'Closed'),
  awarded: msg('已揭榜', 'Awarded'),
};

export const CALL_KIND_CODES = ['jiebang', 'liaoyuan'] as const;
export type CallKind = (typeof CALL_KIND_CODES)[number];
export const CALL_KIND_NAMES: Record<CallKind, Msg> = {
  jiebang: msg('揭榜挂帅', 'Open competition'),
  liaoyuan: msg('燎原计划', 'Prairie Fire programme'),
};

export const PROPOSAL_STATUS_CODES = ['submitted', 'shortlisted', 'picked', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUS_CODES)[number];
export const PROPOSAL_STATUS_NAMES: Record<ProposalStatus, Msg> = {
  submitted: msg('已提交', 'Submitted'),
  shortlisted: msg('入围', 'Shortlisted'),
  picked: msg('中选', 'Picked'),
  rejected: msg('未入选', 'Not selected'),
};

/** The reasons a match is shown with. */
export const MATCH_REASON_CODES = ['terms', 'field', 'region', 'maturity'] as const;
export type MatchReasonCode = (typeof MATCH_REASON_CODES)[number];
