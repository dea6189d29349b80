import dayjs from 'dayjs';
import { WAN_PATTERN } from '../../domain/contracts/common';

/**
 * What a 万元 input accepts: the one rule server and forms share (WAN_PATTERN: up to 14 integer
 * digits, at most 2 decimals) without its minus sign, as no budget, request, payment or revenue a
 * form asks for is negative.
 */
export const WAN_AMOUNT = new RegExp(WAN_PATTERN.source.replace('^-?', '^'));

/** Timestamps as officials read them: 2017-03-01 09:30:00, local time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : iso;
}

/** A lock is in force only while its end lies ahead. */
export function isLockedNow(lockedUntil: string | null | undefined): boolean {
  return Boolean(lockedUntil && dayjs(lockedUntil).isAfter(dayjs()));
}

/** Today in China, as the server's business dates are. */
export function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}
