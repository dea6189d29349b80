import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { ExportJob } from '../../domain/contracts/jobs';
import type { RoleCode } from '../../domain/roles';
import { buildApp } from '../app';
import { auditLog, exportJobs, rdPlatforms, users } from '../db/schema';
import { sheetRows } from '../test/exports';
import { call, createOrg, describeEachDb, signedIn, type TestContext } from '../test/harness';
import { insertExportJob } from './jobs-repo';

const PLATFORMS = '/api/v1/registry/platforms';

async function user(ctx: TestContext, role: RoleCode, opts: Parameters<typeof signedIn>[2] = {}) {
  const { user, cookie } = await signedIn(ctx, role, opts);
  const get = (url: string) => call(ctx.app, { url, cookie });
  return {
    id: user.id,
    cookie,
    get,
    start: (query: string) =>
      call(ctx.app, { method: 'POST', url: `${PLATFORMS}/export-jobs?${query}`, cookie }),
    /** Polls the job until it has ended; every answer seen along the way is kept. */
    async finished(id: string): Promise<{ job: ExportJob; seen: ExportJob[] }> {
      const seen: ExportJob[] = [];
      for (let i = 0; i < 600; i++) {
        const res = await get(`/api/v1/jobs/${id}`);
        expect(res.statusCode, res.body).toBe(200);
        const job = res.json() as ExportJob;
        seen.push(job);
        if (job.status === 'done' || job.status === 'failed') return { job, seen };
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`export job ${id} did not end`);
    },
  };
}

/** `n` platforms named `<tag>平台<i>` hosted in `regionCode`. */
async function platforms(ctx: TestContext, tag: string, regionCode: string, n: number) {
  const host = await createOrg(ctx.database, regionCode);
  const values = Array.from({ length: n }, (_, i) => ({
    hostOrgId: host.id,
    regionCode,
    kind: 'ind_tech_center' as const,
    name: `${tag}平台${regionCode}-${String(i).padStart(5, '0')}`,
    level: 'municipal' as const,
    recognizedOn: '2015-03-01',
  }));
  for (let i = 0; i < values.length; i += 1000)
    await ctx.database.db.insert(rdPlatforms).values(values.slice(i, i + 1000));
}

describeEachDb('platform: export jobs', (ctx) => {
  it('runs a list export in the background with progress; the file holds the rows of the list', async () => {
    const tag = randomBytes(4).toString('hex');
    // More than one batch (2,000 rows), so progress is seen between batches.
    await platforms(ctx, tag, '350582', 2_150);
    await platforms(ctx, tag, '350583', 3);
    const staff = await user(ctx, 'staff');

    const started = await staff.start(`q=${tag}&status=active`);
    expect(started.statusCode, started.body).toBe(202);
    const { id, status } = started.json();
    expect(['queued', 'running']).toContain(status);
    const { job, seen } = await staff.finished(id);
    expect(job).toMatchObject({
      status: 'done',
      fileName: '研发平台.xlsx',
      progress: { done: 2_153, total: 2_153 },
      message: null,
    });
    expect(job.expiresAt).not.toBeNull();
    // Progress only grows, and never past the total.
    const done = seen.map((s) => s.progress.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    for (const s of seen)
      if (s.progress.total !== null) expect(s.progress.done).toBeLessThanOrEqual(s.progress.total);

    const file = await staff.get(`/api/v1/jobs/${id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('研发平台.xlsx'));
    const rows = await sheetRows(file.rawPayload);
    // The same rows, in the same columns, as the streamed export of the same list and filters.
    const direct = await staff.get(`${PLATFORMS}/export.xlsx?q=${tag}&status=active`);
    expect(rows).toEqual(await sheetRows(direct.rawPayload));
    const list = (await staff.get(`${PLATFORMS}?q=${tag}&status=active&pageSize=200`)).json();
    expect(rows.length - 1).toBe(list.total);
    const names = new Set(rows.slice(1).map((r) => r[0]));
    expect(names.size).toBe(2_153);
    for (const item of list.items as { name: string }[]) expect(names.has(item.name)).toBe(true);

    // Starting and downloading are both audited, with the list's own export code for the file.
    const audit = await ctx.database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.targetId} = ${id} or ${auditLog.after}->>'jobId' = ${id}`);
    expect(audit.map((a) => a.action).sort()).toEqual(['export-job.create', 'platform.export']);
    const download = audit.find((a) => a.action === 'platform.export')!;
    expect(download).toMatchObject({
      actorId: staff.id,
      targetType: 'rd_platform',
      after: { jobId: id, list: PLATFORMS, filters: { q: tag, status: 'active' } },
    });
    const mine = (await staff.get('/api/v1/jobs')).json();
    expect(mine.items.map((j: ExportJob) => j.id)).toContain(id);
  });

  it('shows a job and its file to its owner only', async () => {
    const tag = randomBytes(4).toString('hex');
    await platforms(ctx, tag, '350582', 2);
    const staff = await user(ctx, 'staff');
    const other = await user(ctx, 'staff');
    const { id } = (await staff.start(`q=${tag}`)).json();
    await staff.finished(id);
    expect((await other.get(`/api/v1/jobs/${id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/jobs/${id}/file`)).statusCode).toBe(404);
    expect((await other.get('/api/v1/jobs')).json().items).toEqual([]);
    expect((await call(ctx.app, { url: `/api/v1/jobs/${id}` })).statusCode).toBe(401);
    expect((await call(ctx.app, { method: 'POST', url: `${PLATFORMS}/export-jobs` })).statusCode).toBe(401);
    // The list's own access rule guards its export jobs: an auditor may not read the registry.
    const auditor = await user(ctx, 'auditadmin');
    expect((await auditor.start(`q=${tag}`)).statusCode).toBe(403);
    // A refused filter is refused when the job is asked for, naming the field.
    const bad = await staff.start('activeOn=2016-02-30');
    expect([bad.statusCode, bad.json().error.field]).toEqual([400, 'activeOn']);
    expect((await staff.get('/api/v1/jobs/not-a-uuid')).statusCode).toBe(400);
  });

  it("exports only the county's own rows for a county user", async () => {
    const tag = randomBytes(4).toString('hex');
    await platforms(ctx, tag, '350582', 4);
    await platforms(ctx, tag, '350583', 3);
    const county = await user(ctx, 'county', { regionCode: '350582' });
    // Asking for another county's rows does not widen the scope.
    for (const query of [`q=${tag}`, `q=${tag}&regionCode=350583`]) {
      const { id } = (await county.start(query)).json();
      const { job } = await county.finished(id);
      expect(job.status).toBe('done');
      const rows = await sheetRows((await county.get(`/api/v1/jobs/${id}/file`)).rawPayload);
      const list = (await county.get(`${PLATFORMS}?${query}`)).json();
      expect(rows.length - 1).toBe(list.total);
      expect(rows.slice(1).every((r) => r[4] === '晋江市')).toBe(true);
      expect(job.progress.done).toBe(query.includes('350583') ? 0 : 4);
    }
  });

  it('fails a job clearly when its filters no longer hold or its user may no longer export', async () => {
    const staff = await user(ctx, 'staff');
    const audit = { action: 'platform.export', objectType: 'rd_platform' };
    const bad = await insertExportJob(ctx.database.db, {
      kind: PLATFORMS,
      params: { activeOn: '2016-02-30' },
      audit,
      fileName: '研发平台.xlsx',
      createdBy: staff.id,
    });
    const gone = await user(ctx, 'staff');
    await ctx.database.db.update(users).set({ status: 'disabled' }).where(eq(users.id, gone.id));
    const refused = await insertExportJob(ctx.database.db, {
      kind: PLATFORMS,
      params: {},
      audit,
      fileName: '研发平台.xlsx',
      createdBy: gone.id,
    });
    ctx.app.exportJobs.kick();
    const { job } = await staff.finished(bad.id);
    expect(job.status).toBe('failed');
    expect(job.message?.zh).toContain('导出条件无效');
    expect(job.message?.en).toContain('filters');
    const file = await staff.get(`/api/v1/jobs/${bad.id}/file`);
    expect([file.statusCode, file.json().error.code]).toEqual([409, 'conflict']);
    for (let i = 0; i < 600; i++) {
      const [row] = await ctx.database.db.select().from(exportJobs).where(eq(exportJobs.id, refused.id));
      if (row.status === 'failed') {
        expect(row.message).toMatchObject({ zh: expect.stringContaining('无权导出') });
        expect(row.file).toBeNull();
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the refused job did not fail');
  });

  it('takes up a job cut off with its server once, then fails it; two servers never run one job twice', async () => {
    const staff = await user(ctx, 'staff');
    const tag = randomBytes(4).toString('hex');
    await platforms(ctx, tag, '350582', 3);
    const audit = { action: 'platform.export', objectType: 'rd_platform' };
    const cutOff = async (attempts: number) => {
      const job = await insertExportJob(ctx.database.db, {
        kind: PLATFORMS,
        params: { q: tag },
        audit,
        fileName: '研发平台.xlsx',
        createdBy: staff.id,
      });
      await ctx.database.db
        .update(exportJobs)
        .set({
          status: 'running',
          runnerInstance: 'a-server-that-stopped',
          heartbeatAt: sql`now() - interval '1 hour'`,
          attempts,
        })
        .where(eq(exportJobs.id, job.id));
      return job.id;
    };
    const once = await cutOff(1);
    const twice = await cutOff(2);
    await ctx.app.exportJobs.sweep();
    ctx.app.exportJobs.kick();
    const retried = await staff.finished(once);
    expect(retried.job).toMatchObject({ status: 'done', progress: { done: 3 } });
    const failed = await staff.finished(twice);
    expect(failed.job.status).toBe('failed');
    expect(failed.job.message?.zh).toContain('服务器重启');

    // A second server on the same database: every job runs exactly once.
    const second = await buildApp({ database: ctx.database, exportJobs: { pollMs: 20 } });
    await second.ready();
    try {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await staff.start(`q=${tag}`)).json().id);
      for (const id of ids) expect((await staff.finished(id)).job.status).toBe('done');
      const rows = await ctx.database.db
        .select({ attempts: exportJobs.attempts })
        .from(exportJobs)
        .where(and(eq(exportJobs.createdBy, staff.id), eq(exportJobs.status, 'done')));
      expect(rows.length).toBe(4);
      expect(rows.filter((r) => r.attempts === 1).length).toBe(3);
    } finally {
      await second.close();
    }
  });
});
