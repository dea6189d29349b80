import type { PageQuery } from '../../domain/contracts/common';

export { countUpTo, estimateRows } from './listing-repo';
export { orderBy } from './listing-sql';

export function pageOf(q: PageQuery) {
  return { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
}

/** Escapes LIKE wildcards so a user's % or _ matches itself. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A keyword search stops counting past this many matches: a broad word would otherwise visit every
 * matching row just to count them. The list then says "more than 2,000" (`totalCapped`).
 */
export const COUNT_CAP = 2000;

/** `{ total, totalCapped }` of a count that may have stopped past `cap`. */
export function cappedTotal(matched: number, cap: number | undefined) {
  return cap !== undefined && matched > cap
    ? { total: cap, totalCapped: true }
    : { total: matched, totalCapped: false };
}
