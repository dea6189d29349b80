/**
 * Loads the demo patents (demo-build.ts) on a new embedded database, in one transaction with one
 * audit entry: about 100,000 rows in statements of 10,000 (one JSON parameter each), the search
 * indexes built once afterwards, and legal events only for the
 * patents that ended (the rest is told by their dates).
 */
import type { Db } from '../../db/client';
import { writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { RegionTree } from '../../platform/region-tree';
import { buildDemoPatents } from './demo-build';
import {
  anyPatent,
  buildSearchIndexes,
  demoApplicantOrgs,
  dropSearchIndexes,
  insertEventBatch,
  insertPatentBatch,
} from './demo-repo';

const BATCH = 10_000;

export async function loadDemoPatents(db: Db, regions: RegionTree) {
  const started = Date.now();
  return db.transaction(async (tx) => {
    if (await anyPatent(tx)) return { patents: 0 };
    const orgs = await demoApplicantOrgs(tx);
    const names = new Map(regions.rows.map((r) => [r.code, r.name]));
    const { patents, events } = buildDemoPatents(orgs, names, clock.today());
    await dropSearchIndexes(tx);
    const ids = new Map<string, string>();
    for (let i = 0; i < patents.length; i += BATCH)
      for (const r of await insertPatentBatch(tx, patents.slice(i, i + BATCH))) ids.set(r.appNo, r.id);
    const eventRows = events.map(({ appNo, ...e }) => ({ ...e, patentId: ids.get(appNo)! }));
    for (let i = 0; i < eventRows.length; i += BATCH)
      await insertEventBatch(tx, eventRows.slice(i, i + BATCH));
    await buildSearchIndexes(tx);
    const summary = { patents: patents.length, events: eventRows.length, ms: Date.now() - started };
    await writeAudit(tx, {}, { action: 'system.demo-patents', targetType: 'ip_patent', after: summary });
    return summary;
  });
}
