import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client';
import { importJobs } from '../../../db/schema';
import { openTestDatabase } from '../../../test/harness';
import { beatImports, failInterruptedImports, INSTANCE_ID } from './jobs';

// On the per-file PGlite database only: on the shared PostgreSQL a sweep would also touch the
// jobs other test files have in flight.
describe('import jobs shared by several server processes', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  });
  afterAll(() => database.close());

  async function job(owner: string | null, heartbeatSecondsAgo: number | null) {
    const [row] = await database.db
      .insert(importJobs)
      .values({
        kind: 'organizations',
        status: 'validating',
        fileName: 'x.xlsx',
        createdBy: randomUUID(),
        ownerInstance: owner,
        heartbeatAt:
          heartbeatSecondsAgo === null ? null : sql`now() - make_interval(secs => ${heartbeatSecondsAgo})`,
      })
      .returning({ id: importJobs.id });
    return row.id;
  }
  const status = async (id: string) =>
    (await database.db.select().from(importJobs).where(eq(importJobs.id, id)))[0].status;

  it('fails only the jobs whose owner stopped beating', async () => {
    const otherLive = await job(randomUUID(), 5);
    const otherDead = await job(randomUUID(), 300);
    const ownerless = await job(null, null);
    const mine = await job(INSTANCE_ID, 300);

    expect(await failInterruptedImports(database.db, 60_000)).toBe(2);
    expect(await status(otherLive)).toBe('validating');
    expect(await status(otherDead)).toBe('failed');
    expect(await status(ownerless)).toBe('failed');
    // This process is alive by definition: its own jobs are never taken for cut off.
    expect(await status(mine)).toBe('validating');
  });

  it('refreshes the heartbeat of this process’s running jobs only', async () => {
    const mine = await job(INSTANCE_ID, 300);
    const other = await job(randomUUID(), 300);
    await beatImports(database.db);
    const age = async (id: string) => {
      const [r] = await database.db
        .select({ s: sql<number>`extract(epoch from now() - ${importJobs.heartbeatAt})::float` })
        .from(importJobs)
        .where(eq(importJobs.id, id));
      return r.s;
    };
    expect(await age(mine)).toBeLessThan(60);
    expect(await age(other)).toBeGreaterThanOrEqual(300);
  });
});
