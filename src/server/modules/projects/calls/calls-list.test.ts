import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { exportJobRows, sheetRows } from '../../../test/exports';
import { createCall, type FreshRegion, freshRegion, world } from '../../../test/factories';
import { call, describeEachDb, signedIn } from '../../../test/harness';
import { API, prepare } from '../../../test/projects-fixtures';

describeEachDb('projects: the calls list on the list kit', (ctx) => {
  let region: FreshRegion;
  beforeAll(async () => {
    await prepare(ctx);
    region = await freshRegion(ctx);
  });

  /** What a user gets from the page, the download and the background export of one query. */
  async function seen(cookie: string, query: string) {
    const get = (url: string) => call(ctx.app, { url, cookie });
    const page = await get(`${API}/calls?${query}`);
    expect(page.statusCode, page.body).toBe(200);
    const download = await get(`${API}/calls/export.xlsx?${query}`);
    expect(download.statusCode, download.body).toBe(200);
    const { job, rows } = await exportJobRows(ctx, cookie, `${API}/calls`, query);
    return {
      page: page.json() as { items: { id: string; title: string; apply: unknown }[]; total: number },
      download: await sheetRows(download.rawPayload),
      job,
      file: rows,
    };
  }

  it('shows the calls to project users in the page, the download and the job alike', async () => {
    const { enterprise, staff } = await world(ctx, region.county);
    const tag = randomBytes(4).toString('hex');
    const made = await createCall(ctx, staff.cookie, { title: `指南${tag}` });
    const query = `q=${tag}`;

    const mine = await seen(staff.cookie, query);
    expect(mine.page.total).toBe(1);
    expect(mine.page.items.map((c) => c.id)).toEqual([made.id]);
    expect(mine.download.slice(1).map((r) => r[2])).toEqual([`指南${tag}`]);
    expect(mine.file).toEqual(mine.download);
    expect(mine.job.progress).toMatchObject({ done: 1, total: 1 });

    // An applicant reads the same call with whether it may still apply.
    const theirs = await seen(enterprise.cookie, query);
    expect(theirs.page.items[0]).toMatchObject({ id: made.id, apply: { allowed: true, used: 0 } });
    expect(theirs.file).toEqual(mine.download);
  });

  it('still shows nothing to a business user without any project permission', async () => {
    const { staff } = await world(ctx, region.county);
    const tag = randomBytes(4).toString('hex');
    const made = await createCall(ctx, staff.cookie, { title: `指南${tag}` });
    // 园区 holds no project permission: the list is empty everywhere, the call answers 404.
    const park = await signedIn(ctx, 'park');
    const none = await seen(park.cookie, `q=${tag}`);
    expect(none.page).toEqual({ items: [], total: 0 });
    expect(none.download).toHaveLength(1);
    expect(none.file).toEqual(none.download);
    expect(none.job.progress).toMatchObject({ done: 0, total: 0 });
    const one = await call(ctx.app, { url: `${API}/calls/${made.id}`, cookie: park.cookie });
    expect(one.statusCode).toBe(404);
  });
});
