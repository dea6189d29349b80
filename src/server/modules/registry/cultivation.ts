import { hteCriteria } from '../../../domain/registry';
import type { Deps } from '../../platform/deps';
import type { Scope } from '../../platform/scope';
import {
  type CultivationQuery,
  type CultivationRow,
  cultivationRows,
  cultivationRowsAfter,
} from './cultivation-repo';

export type { CultivationQuery };

/** 高企培育库 (the rule is in cultivation-repo.ts): each enterprise with its criteria checked. */
function present(row: CultivationRow) {
  const criteria = hteCriteria(row);
  return {
    ...row,
    status: row.meets ? ('meets' as const) : ('near' as const),
    criteria,
    failing: criteria.filter((c) => !c.pass).map((c) => c.code),
  };
}

export type CultivationItem = ReturnType<typeof present>;

/** A page of the pool: meeting the criteria first, then the nearest to meeting them. */
export async function cultivationPage(
  deps: Deps,
  scope: Scope,
  q: CultivationQuery,
  limit: number,
  offset: number,
) {
  return (await cultivationRows(deps.db, scope, deps.regions, q, limit, offset)).map(present);
}

/** The pool's enterprises after `afterId` in id order (the export's keyset batches). */
export async function cultivationAfter(
  deps: Deps,
  scope: Scope,
  q: Omit<CultivationQuery, 'page' | 'pageSize' | 'sort'>,
  afterId: string | null,
  limit: number,
) {
  return (await cultivationRowsAfter(deps.db, scope, deps.regions, q, afterId, limit)).map(present);
}
