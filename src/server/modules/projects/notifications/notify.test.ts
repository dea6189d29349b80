import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { msg } from '../../../../domain/message';
import { queryRows } from '../../../db/client';
import { describeEachDb, uniq } from '../../../test/harness';
import { notify } from './notify';

describeEachDb('projects: notifying many users at once', (ctx) => {
  it('reaches every one of 14,000 users, more than one statement may carry, and each once', async () => {
    const tag = uniq('n');
    const users = await queryRows<{ id: string }>(
      ctx.database.db,
      sql`insert into users (username, display_name, role, password_hash)
          select ${tag} || '-' || i, '通知测试', 'expert', 'x' from generate_series(1, 14000) i
          returning id`,
    );
    const ids = users.map((u) => u.id);
    const draft = {
      kind: 'review.assigned',
      title: msg('有新的评审任务', 'A review is waiting'),
      link: '/projects/reviews',
      dedupeKey: (userId: string) => `${tag}:${userId}`,
    };
    expect(await ctx.database.db.transaction((tx) => notify(tx, ids, draft))).toBe(14_000);
    // Sent again with the same key, nobody is told twice.
    expect(await ctx.database.db.transaction((tx) => notify(tx, ids, draft))).toBe(0);
  }, 120_000);
});
