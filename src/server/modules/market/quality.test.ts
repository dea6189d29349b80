/**
 * Matching quality over the demo set: each seeded demand was written about one achievement; that
 * achievement must rank in the top three for at least 80% of the demands. Runs on its own
 * embedded database with the demo set loaded (the figure printed is recall@3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { RegionTree } from '../../platform/region-tree';
import { openTestDatabase } from '../../test/harness';
import { loadDemoMarket } from './demo';
import { rankCounterparts } from './matching';

describe('market: matching quality over the demo set', () => {
  let database: Database;
  let demo: Awaited<ReturnType<typeof loadDemoMarket>>;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    demo = await loadDemoMarket({ db: database.db, regions: await RegionTree.load(database.db) });
  }, 120_000);
  afterAll(async () => database?.close());

  it('loads the seeded figures: 500 achievements, 68 燎原 solutions, 592 presented at 3 events', () => {
    expect(demo).toMatchObject({ achievements: 500, proposals: 68, events: 3, presented: 592 });
  });

  it('ranks each demand’s intended achievement in the top 3 for at least 80% of demands', async () => {
    let hits = 0;
    const started = performance.now();
    for (const pair of demo.intended) {
      const ranked = await rankCounterparts(
        database.db,
        { kind: 'demand', id: pair.demandId, field: pair.field, regionCode: pair.regionCode },
        3,
      );
      if (ranked.some((r) => r.id === pair.achievementId)) hits++;
    }
    const recall = hits / demo.intended.length;
    const ms = (performance.now() - started) / demo.intended.length;
    console.log(
      `market matching: recall@3 = ${(recall * 100).toFixed(1)}% over ${demo.intended.length} demands, ${ms.toFixed(1)} ms per demand (PGlite)`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.8);
  }, 300_000);
});
