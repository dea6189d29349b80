/**
 * 政策文件库 (product.md module 7): the bureau's policy documents with their 文号 and 索引号. A
 * document is drafted, then issued (it gets its 文号 and date), and may later be repealed.
 */
import { type Msg, msg } from './message';

export const POLICY_STATUS_CODES = ['drafting', 'issued', 'repealed'] as const;
export type PolicyStatus = (typeof POLICY_STATUS_CODES)[number];

export const POLICY_STATUS_NAMES: Record<PolicyStatus, Msg> = {
  drafting: msg('起草中', 'Drafting'),
  issued: msg('已印发', 'Issued'),
  repealed: msg('已废止', 'Repealed'),
};

/** The only moves a document makes; anything else is refused. */
export const POLICY_TRANSITIONS: Record<PolicyStatus, readonly PolicyStatus[]> = {
  drafting: ['issued'],
  issued: ['repealed'],
  repealed: [],
};
