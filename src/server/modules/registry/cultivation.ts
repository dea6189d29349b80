import { hteCriteria } from '../../../domain/registry';
import type { Actor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { pageOf } from '../../platform/listing';
import { scopeOf } from '../../platform/scope';
import {
  type CultivationQuery,
  type CultivationRow,
  cultivationCount,
  cultivationRows,
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

export async function cultivationPool(deps: Deps, actor: Actor, q: CultivationQuery) {
  const scope = scopeOf(actor, deps.regions);
  const { limit, offset } = pageOf(q);
  const [rows, total] = await Promise.all([
    cultivationRows(deps.db, scope, deps.regions, q, limit, offset),
    cultivationCount(deps.db, scope, deps.regions, q),
  ]);
  return { items: rows.map(present), total };
}

export async function* cultivationBatches(deps: Deps, actor: Actor, q: CultivationQuery) {
  const scope = scopeOf(actor, deps.regions);
  for (let offset = 0; ; offset += 2000) {
    const rows = await cultivationRows(deps.db, scope, deps.regions, q, 2000, offset);
    if (rows.length > 0) yield rows.map(present);
    if (rows.length < 2000) return;
  }
}
