/**
 * The import's statements about organisations beyond the bulk insert and update: former names,
 * the region following a move, and the search indexes' GIN pending lists.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { organizationNames } from '../../../db/schema';

export async function insertFormerNames(tx: Tx, names: (typeof organizationNames.$inferInsert)[]) {
  await tx.insert(organizationNames).values(names);
}

/** Statistics, qualifications, platforms and carriers of the organisations take their region. */
export async function followRegion(tx: Tx, orgIds: string[]) {
  const ids = sql`(${sql.join(
    orgIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
  const follow = (table: string, column: string) =>
    tx.execute(sql`update ${sql.identifier(table)} as r set region_code = o.region_code from organizations o
      where o.id = r.${sql.identifier(column)} and o.id in ${ids}`);
  await follow('org_annual_stats', 'org_id');
  await follow('qualifications', 'org_id');
  await follow('rd_platforms', 'host_org_id');
  await follow('carriers', 'operator_org_id');
  await tx.execute(sql`update carrier_annual as a set region_code = c.region_code from carriers c
    where c.id = a.carrier_id and c.operator_org_id in ${ids}`);
}

/** For the rest of the transaction, GIN pending lists grow to 64 MB before they are merged. */
export async function raisePendingListLimit(tx: Tx) {
  await tx.execute(sql`set local gin_pending_list_limit = '64MB'`);
}

/** Merges the organisations' search indexes' pending lists into the indexes. */
export async function mergeSearchPendingLists(tx: Tx) {
  await tx.execute(
    sql`select gin_clean_pending_list(i::regclass) from unnest(array['organizations_search_vector_idx', 'organizations_name_trgm_idx']) i`,
  );
}
