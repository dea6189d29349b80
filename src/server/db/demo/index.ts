import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import { qualificationValiditySchema } from '../../../domain/reference';
import { findSetting, insertSetting } from '../../platform/settings-repo';
import type { Db, Tx } from '../client';
import {
  carrierAnnual,
  carriers,
  orgAnnualStats,
  organizations,
  parkAnnual,
  qualifications,
  rdPlatforms,
} from '../schema';
import { ensureDemoOrganizations } from '../seed/demo-accounts';
import { buildDemoData, type DemoContext } from './build';
import {
  findOrgRegion,
  insertInChunks,
  orgNamesAndUsccs,
  parksByCodePrefix,
  qualificationTypeValidities,
  regionNameRows,
  upsertOrgStats,
} from './demo-repo';
import { DEMO_FIGURES, type DemoSummary, ENTERPRISE_REGION_WEIGHTS } from './figures';

export type { DemoSummary } from './figures';
export { AS_OF as DEMO_AS_OF, DEMO_FIGURES } from './figures';

/** The settings row that marks a database as holding the demo data. */
export const DEMO_MARKER_KEY = 'demo-data';
export const DEFAULT_DEMO_SEED = 20161231;

/** Postgres allows 65535 parameters per statement; 1000 rows stays far below for every table. */
const CHUNK = 1000;

async function insertAll<T extends PgTable>(tx: Tx, table: T, rows: PgInsertValue<T>[]): Promise<void> {
  await insertInChunks(tx, table, rows, CHUNK);
}

async function loadContext(tx: Tx, demoEnterpriseId: string): Promise<DemoContext> {
  const regionRows = await regionNameRows(tx);
  const regionNames = new Map(regionRows.map((r) => [r.code, r.name]));
  const missing = Object.keys(ENTERPRISE_REGION_WEIGHTS).filter((c) => !regionNames.has(c));
  if (missing.length > 0) {
    throw new Error(
      `demo data needs the Quanzhou regions (load config/quanzhou first); missing ${missing.join(', ')}`,
    );
  }
  const typeRows = await qualificationTypeValidities(tx);
  const validity = new Map(typeRows.map((t) => [t.code, qualificationValiditySchema.parse(t.validity)]));
  const subParks = await parksByCodePrefix(tx, 'qz-htz-');
  const existing = await orgNamesAndUsccs(tx);
  const demo = await findOrgRegion(tx, demoEnterpriseId);
  return {
    regionNames,
    validity,
    subParks,
    // Sorted, so the same database state gives the same draws whatever order rows come back in.
    existingNames: existing.map((o) => o.name).sort(),
    existingUsccs: existing.map((o) => o.uscc).sort(),
    demoEnterprise: demo,
  };
}

/**
 * Loads the reproducible Quanzhou demo dataset (organisations, statistics, qualifications,
 * platforms, carriers, park figures) whose indicators computed as of 2016-12-31 equal the 2016
 * work summary's figures. Runs once: a database with the `demo-data` marker is left alone, and
 * the marker is written in the same transaction as the data. The demo organisations of the
 * accounts seed are created if missing; the demo enterprise gets 规上 statistics and is counted.
 */
export async function generateDemoData(db: Db, opts: { seed?: number } = {}): Promise<DemoSummary> {
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  return db.transaction(async (tx) => {
    const marker = await findSetting(tx, DEMO_MARKER_KEY);
    if (marker) {
      const stored = (marker.value as { summary?: DemoSummary }).summary;
      return stored ?? { ...DEMO_FIGURES };
    }
    const demoIds = await ensureDemoOrganizations(tx as unknown as Db);
    const data = buildDemoData(seed, await loadContext(tx, demoIds.enterprise));
    await insertAll(tx, organizations, data.orgs);
    const isDemo = (r: (typeof data.stats)[number]) => r.orgId === demoIds.enterprise;
    await insertAll(
      tx,
      orgAnnualStats,
      data.stats.filter((r) => !isDemo(r)),
    );
    for (const r of data.stats.filter(isDemo)) {
      // The demo enterprise's statistics are part of the figures: ours replace any earlier ones.
      await upsertOrgStats(tx, r);
    }
    await insertAll(tx, qualifications, data.quals);
    await insertAll(tx, rdPlatforms, data.platforms);
    await insertAll(tx, carriers, data.carriers);
    await insertAll(tx, carrierAnnual, data.carrierAnnual);
    await insertAll(tx, parkAnnual, data.parkAnnual);
    await insertSetting(tx, DEMO_MARKER_KEY, { seed, asOf: '2016-12-31', summary: data.summary });
    return data.summary;
  });
}
