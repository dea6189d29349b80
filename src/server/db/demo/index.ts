import { eq, like } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import { qualificationValiditySchema } from '../../../domain/reference';
import type { Db, Tx } from '../client';
import {
  carrierAnnual,
  carriers,
  orgAnnualStats,
  organizations,
  parkAnnual,
  parks,
  qualifications,
  qualificationTypes,
  rdPlatforms,
  regions,
  settings,
} from '../schema';
import { ensureDemoOrganizations } from '../seed/demo-accounts';
import { buildDemoData, type DemoContext } from './build';
import { DEMO_FIGURES, type DemoSummary, ENTERPRISE_REGION_WEIGHTS } from './figures';

export type { DemoSummary } from './figures';
export { AS_OF as DEMO_AS_OF, DEMO_FIGURES } from './figures';

/** The settings row that marks a database as holding the demo data. */
export const DEMO_MARKER_KEY = 'demo-data';
export const DEFAULT_DEMO_SEED = 20161231;

/** Postgres allows 65535 parameters per statement; 1000 rows stays far below for every table. */
const CHUNK = 1000;

async function insertAll<T extends PgTable>(tx: Tx, table: T, rows: PgInsertValue<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(table).values(rows.slice(i, i + CHUNK));
}

async function loadContext(tx: Tx, demoEnterpriseId: string): Promise<DemoContext> {
  const regionRows = await tx.select({ code: regions.code, name: regions.name }).from(regions);
  const regionNames = new Map(regionRows.map((r) => [r.code, r.name]));
  const missing = Object.keys(ENTERPRISE_REGION_WEIGHTS).filter((c) => !regionNames.has(c));
  if (missing.length > 0) {
    throw new Error(
      `demo data needs the Quanzhou regions (load config/quanzhou first); missing ${missing.join(', ')}`,
    );
  }
  const typeRows = await tx
    .select({ code: qualificationTypes.code, validity: qualificationTypes.validity })
    .from(qualificationTypes);
  const validity = new Map(typeRows.map((t) => [t.code, qualificationValiditySchema.parse(t.validity)]));
  const subParks = await tx
    .select({ id: parks.id, code: parks.code, regionCode: parks.regionCode })
    .from(parks)
    .where(like(parks.code, 'qz-htz-%'))
    .orderBy(parks.code);
  const existing = await tx
    .select({ name: organizations.name, uscc: organizations.uscc })
    .from(organizations);
  const [demo] = await tx
    .select({ id: organizations.id, regionCode: organizations.regionCode })
    .from(organizations)
    .where(eq(organizations.id, demoEnterpriseId));
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
    const [marker] = await tx.select().from(settings).where(eq(settings.key, DEMO_MARKER_KEY));
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
      const { orgId: _, year: __, ...figures } = r;
      await tx
        .insert(orgAnnualStats)
        .values(r)
        .onConflictDoUpdate({
          target: [orgAnnualStats.orgId, orgAnnualStats.year],
          set: { ...figures, updatedAt: new Date() },
        });
    }
    await insertAll(tx, qualifications, data.quals);
    await insertAll(tx, rdPlatforms, data.platforms);
    await insertAll(tx, carriers, data.carriers);
    await insertAll(tx, carrierAnnual, data.carrierAnnual);
    await insertAll(tx, parkAnnual, data.parkAnnual);
    await tx
      .insert(settings)
      .values({ key: DEMO_MARKER_KEY, value: { seed, asOf: '2016-12-31', summary: data.summary } });
    return data.summary;
  });
}
