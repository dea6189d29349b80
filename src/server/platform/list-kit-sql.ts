/** The SQL of list-kit's queries: one page of a list, and the keyset batches of its export. */
import { and, asc, gt, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgSelect } from 'drizzle-orm/pg-core';

/** One page of a list query: its filters, its order (the unique id last), its limit and offset. */
export function pageRows<T extends PgSelect>(
  qb: T,
  where: SQL | undefined,
  order: SQL[],
  limit: number,
  offset: number,
) {
  return qb
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
}

/** The rows after `afterId` in id order, for `keysetBatches`. */
export function rowsAfter<T extends PgSelect>(
  qb: T,
  where: SQL | undefined,
  id: AnyPgColumn,
  afterId: string | null,
  limit: number,
) {
  return qb
    .where(and(where, afterId ? gt(id, afterId) : undefined))
    .orderBy(asc(id))
    .limit(limit);
}
