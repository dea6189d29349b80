/**
 * 门户 (public portal, issue 14): 公示 notices with their objection window, objections tracked to
 * an answer, 服务指南 and the statistics the bureau publishes.
 */
import { type Msg, msg } from './message';

/** 公示 kinds: 立项 (approved projects), 验收 (accepted projects), 认定 (recognitions), other. */
export const NOTICE_TYPE_CODES = ['approval', 'acceptance', 'recognition', 'other'] as const;
export type NoticeType = (typeof NOTICE_TYPE_CODES)[number];

export const NOTICE_TYPE_NAMES: Record<NoticeType, Msg> = {
  approval: msg('立项公示', 'Approval notice'),
  acceptance: msg('验收公示', 'Acceptance notice'),
  recognition: msg('认定公示', 'Recognition notice'),
  other: msg('其他公示', 'Other notice'),
};

export const NOTICE_STATUS_CODES = ['draft', 'published', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUS_CODES)[number];

export const NOTICE_STATUS_NAMES: Record<NoticeStatus, Msg> = {
  draft: msg('草稿', 'Draft'),
  published: msg('已发布', 'Published'),
  withdrawn: msg('已撤回', 'Withdrawn'),
};

/** The only moves a notice makes: published once, withdrawn for good. */
export const NOTICE_TRANSITIONS: Record<NoticeStatus, readonly NoticeStatus[]> = {
  draft: ['published'],
  published: ['withdrawn'],
  withdrawn: [],
};

export const OBJECTION_STATUS_CODES = ['open', 'answered'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUS_CODES)[number];

export const OBJECTION_STATUS_NAMES: Record<ObjectionStatus, Msg> = {
  open: msg('待答复', 'Awaiting answer'),
  answered: msg('已答复', 'Answered'),
};

/** Where a notice's objection window stands on a day (dates are China dates, both ends inclusive). */
export function windowState(start: string, end: string, today: string): 'upcoming' | 'open' | 'closed' {
  if (today < start) return 'upcoming';
  return today > end ? 'closed' : 'open';
}
