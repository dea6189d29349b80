import { asc } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { regions } from '../db/schema';

/** The configured regions in their display order. */
export function listRegionRows(tx: Tx) {
  return tx.select().from(regions).orderBy(asc(regions.sort));
}
