/**
 * 政策兑现 (policy fulfilment): the items (条款/兑现事项) of a policy document, their benefit, the
 * eligibility rule written as data, and the 免申即享 flow (the platform lists who qualifies, staff
 * confirm the list, each organisation confirms its bank account or declines, payments in batches).
 */
import { type Msg, msg } from './message';

export const BENEFIT_KIND_CODES = ['fixed', 'percent'] as const;
export type BenefitKind = (typeof BENEFIT_KIND_CODES)[number];

export const BENEFIT_KIND_NAMES: Record<BenefitKind, Msg> = {
  fixed: msg('定额奖补', 'Fixed amount'),
  percent: msg('按比例补助（封顶）', 'Percentage with a cap'),
};

/** Which figure an item's payments count in (插入 computed indicators): none, or the named one. */
export const ITEM_FIGURE_CODES = ['insurance_subsidy'] as const;
export type ItemFigure = (typeof ITEM_FIGURE_CODES)[number];

export const ITEM_FIGURE_NAMES: Record<ItemFigure, Msg> = {
  insurance_subsidy: msg('科技保险保费补贴', 'S&T insurance premium subsidy'),
};

/** A listed organisation's answer to the notice, then the payment. */
export const BENEFICIARY_STATUS_CODES = ['notified', 'accepted', 'declined', 'paid'] as const;
export type BeneficiaryStatus = (typeof BENEFICIARY_STATUS_CODES)[number];

export const BENEFICIARY_STATUS_NAMES: Record<BeneficiaryStatus, Msg> = {
  notified: msg('待确认账户', 'Awaiting bank account'),
  accepted: msg('已确认待拨付', 'Confirmed, awaiting payment'),
  declined: msg('已放弃', 'Declined'),
  paid: msg('已拨付', 'Paid'),
};

/** Shows a bank account as its last four digits only (lists, exports). */
export function maskAccount(account: string | null | undefined): string | null {
  if (!account) return null;
  const digits = account.replace(/\s+/g, '');
  return digits.length <= 4 ? '****' : `****${digits.slice(-4)}`;
}
