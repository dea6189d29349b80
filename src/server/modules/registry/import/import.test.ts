import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { IMPORT_KIND_CODES } from '../../../../domain/contracts/registry-import';
import { usccCheckChar } from '../../../../domain/identifiers';
import { auditLog, importJobs, importRows, organizationNames, organizations } from '../../../db/schema';
import { call, describeEachDb, signedIn, uniq } from '../../../test/harness';
import { searchCondition } from '../search-sql';
import { templateHeaders } from './parse';
import { BASE, committed, form, newUscc, readXlsx, upload, validated, waitJob, xlsx } from './test-helpers';

const ORG_HEADERS = templateHeaders('organizations');

/** An organisations row with the given USCC and name, in 晋江市 unless told otherwise. */
const orgRow = (uscc: string, name: string, region = '晋江市') => [
  uscc,
  name,
  '企业',
  region,
  '39',
  '是',
  '2012-03-04',
  `${region}石墨烯路 8 号`,
  '李四',
  '0595-88886666',
];

describeEachDb('registry import: organisations', (ctx) => {
  let staff: { cookie: string; user: { id: string; username: string } };
  beforeAll(async () => {
    staff = await signedIn(ctx, 'staff');
  });

  it('refuses the unauthenticated and those without the import permission', async () => {
    expect((await call(ctx.app, { url: `${BASE}/templates/organizations.xlsx` })).statusCode).toBe(401);
    const leader = await signedIn(ctx, 'leader');
    const res = await call(ctx.app, { url: `${BASE}/templates/organizations.xlsx`, cookie: leader.cookie });
    expect(res.statusCode).toBe(403);
  });

  it('serves a template per kind with the headers, an example row and the guide sheet', async () => {
    for (const kind of IMPORT_KIND_CODES) {
      const res = await call(ctx.app, { url: `${BASE}/templates/${kind}.xlsx`, cookie: staff.cookie });
      expect(res.statusCode).toBe(200);
      const wb = await readXlsx(res.rawPayload);
      const sheet = wb.worksheets[0];
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(templateHeaders(kind));
      expect(header[0]).toMatch(/统一社会信用代码\*$/);
      expect(wb.getWorksheet('填写说明')).toBeDefined();
    }
    const res = await call(ctx.app, { url: `${BASE}/templates/organizations.xlsx`, cookie: staff.cookie });
    const guide = (await readXlsx(res.rawPayload)).getWorksheet('填写说明')!;
    const text = guide.getSheetValues().flat().join(' ');
    expect(text).toContain('350582');
    expect(text).toContain('新型研发机构');
    // The template uploaded as it is: the example row is ignored.
    const job = await validated(ctx, staff.cookie, 'organizations', res.rawPayload);
    expect(job).toMatchObject({ totalRows: 0, errorCount: 0 });
    const openapi = await call(ctx.app, { url: '/api/openapi.json' });
    expect(Object.keys(openapi.json().paths)).toContain('/api/v1/registry/imports/{id}/commit');
  });

  it('counts every error, keeps the first 1,000, shows 200 and lists all in errors.xlsx', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => orgRow(newUscc(), `单位${i}`, '火星区'));
    const job = await validated(ctx, staff.cookie, 'organizations', await xlsx(ORG_HEADERS, rows));
    expect(job).toMatchObject({ totalRows: 1200, validRows: 0, errorCount: 1200 });
    expect(job.errors).toHaveLength(200);
    const [stored] = await ctx.database.db.select().from(importJobs).where(eq(importJobs.id, job.id));
    expect(stored.errors).toHaveLength(1000);
    const res = await call(ctx.app, { url: `${BASE}/${job.id}/errors.xlsx`, cookie: staff.cookie });
    const sheet = (await readXlsx(res.rawPayload)).worksheets[0];
    expect(sheet.rowCount).toBe(1201);
    // Chinese first: the clerk reads 错误说明; the English text is the last column.
    expect((sheet.getRow(1).values as unknown[]).filter(Boolean)).toEqual([
      '行号',
      '列',
      '错误说明',
      '英文说明 (English)',
    ]);
  });

  it('validates a good file, commits it, and the organisations are searchable', async () => {
    const tag = uniq('石墨烯');
    const usccs = [newUscc(), newUscc(), newUscc()];
    const file = await xlsx(
      ORG_HEADERS,
      usccs.map((u, i) => orgRow(u, `${tag}科技有限公司${i}`)),
    );
    const job = await validated(ctx, staff.cookie, 'organizations', file);
    expect(job).toMatchObject({ status: 'validated', totalRows: 3, validRows: 3, errorCount: 0, errors: [] });
    // Validation staged the rows for the commit, which removes them when it ends.
    const staged = () =>
      ctx.database.db.select({ row: importRows.row }).from(importRows).where(eq(importRows.jobId, job.id));
    expect(await staged()).toHaveLength(3);
    const done = await committed(ctx, staff.cookie, job.id, { mode: 'add', validOnly: false });
    expect(done).toMatchObject({ status: 'done', inserted: 3, updated: 0, skipped: 0 });
    expect(await staged()).toHaveLength(0);
    const rows = await ctx.database.db.select().from(organizations).where(inArray(organizations.uscc, usccs));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      kind: 'enterprise',
      regionCode: '350582',
      industryCode: '39',
      aboveSize: true,
    });
    expect(rows.every((r) => r.searchText.length > 0)).toBe(true);
    const cond = searchCondition(
      { vector: sql`search_vector`, name: sql`name`, regionCode: sql`region_code` },
      tag,
    )!;
    const found = await ctx.database.db
      .select({ uscc: organizations.uscc })
      .from(organizations)
      .where(cond.where);
    expect(found.map((f) => f.uscc).sort()).toEqual([...usccs].sort());

    const audit = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'registry.import'), eq(auditLog.targetId, job.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({
      kind: 'organizations',
      mode: 'add',
      inserted: 3,
      updated: 0,
      skipped: 0,
    });

    // Adding the same file again skips every row; upserting it with a new name renames and keeps the old one.
    const again = await validated(ctx, staff.cookie, 'organizations', file);
    const skipped = await committed(ctx, staff.cookie, again.id, { mode: 'add', validOnly: false });
    expect(skipped).toMatchObject({ status: 'done', inserted: 0, skipped: 3 });
    const renamed = await xlsx(ORG_HEADERS, [[usccs[0], `${tag}新材料股份有限公司`, '企业', '石狮市']]);
    const upsert = await validated(ctx, staff.cookie, 'organizations', renamed);
    expect(upsert.errorCount).toBe(0);
    expect(await committed(ctx, staff.cookie, upsert.id, { mode: 'upsert', validOnly: false })).toMatchObject(
      {
        status: 'done',
        inserted: 0,
        updated: 1,
      },
    );
    const [org] = await ctx.database.db.select().from(organizations).where(eq(organizations.uscc, usccs[0]));
    expect(org).toMatchObject({ name: `${tag}新材料股份有限公司`, regionCode: '350581', industryCode: '39' });
    expect(org.address).toContain('石墨烯路');
    const former = await ctx.database.db
      .select()
      .from(organizationNames)
      .where(eq(organizationNames.orgId, org.id));
    expect(former.map((f) => f.name)).toEqual([`${tag}科技有限公司0`]);
  });

  it('commits a job validated before its rows were staged by reading the file again', async () => {
    const tag = uniq('旧任务');
    const usccs = [newUscc(), newUscc()];
    const file = await xlsx(
      ORG_HEADERS,
      usccs.map((u, i) => orgRow(u, `${tag}电子有限公司${i}`)),
    );
    const job = await validated(ctx, staff.cookie, 'organizations', file);
    await ctx.database.db.delete(importRows).where(eq(importRows.jobId, job.id));
    const done = await committed(ctx, staff.cookie, job.id, { mode: 'add', validOnly: false });
    expect(done).toMatchObject({ status: 'done', inserted: 2, updated: 0, skipped: 0 });
  });
  it('names the row, the column and the expected check character of a bad USCC', async () => {
    const good = newUscc();
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const job = await validated(
      ctx,
      staff.cookie,
      'organizations',
      await xlsx(ORG_HEADERS, [orgRow(wrong, uniq('单位'))]),
    );
    expect(job.errorCount).toBe(1);
    expect(job.errors[0]).toMatchObject({ row: 2, column: '统一社会信用代码' });
    expect(job.errors[0].message.zh).toContain(`第18位校验码应为 ${usccCheckChar(good.slice(0, 17))}`);
  });

  it('reports unknown regions and duplicate rows, and writes nothing unless told to import valid rows', async () => {
    const [a, b, c] = [newUscc(), newUscc(), newUscc()];
    const file = await xlsx(ORG_HEADERS, [
      orgRow(a, uniq('甲')),
      orgRow(b, uniq('乙'), '火星区'),
      orgRow(a, uniq('丙')),
      orgRow(c, uniq('丁')),
    ]);
    const job = await validated(ctx, staff.cookie, 'organizations', file);
    expect(job).toMatchObject({ totalRows: 4, validRows: 2, errorCount: 2 });
    expect(job.errors).toContainEqual(expect.objectContaining({ row: 3, column: '所属区域' }));
    const dup = job.errors.find((e) => e.row === 4)!;
    expect(dup.column).toBe('统一社会信用代码');
    expect(dup.message.zh).toContain('与第2行重复');

    const refused = await call(ctx.app, {
      method: 'POST',
      url: `${BASE}/${job.id}/commit`,
      cookie: staff.cookie,
      body: { mode: 'add', validOnly: false },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.messages.zh).toBe(
      '文件有 2 处错误，未导入任何数据；可修正后重新上传，或选择仅导入有效行',
    );
    const none = await ctx.database.db
      .select()
      .from(organizations)
      .where(inArray(organizations.uscc, [a, b, c]));
    expect(none).toHaveLength(0);

    const bad = await call(ctx.app, {
      method: 'POST',
      url: `${BASE}/${job.id}/commit`,
      cookie: staff.cookie,
      body: { mode: 'add', validOnly: true, extra: 1 },
    });
    expect(bad.statusCode).toBe(400);

    const done = await committed(ctx, staff.cookie, job.id, { mode: 'add', validOnly: true });
    expect(done).toMatchObject({ status: 'done', inserted: 2 });
    const written = await ctx.database.db
      .select()
      .from(organizations)
      .where(inArray(organizations.uscc, [a, b, c]));
    expect(written.map((o) => o.uscc).sort()).toEqual([a, c].sort());

    const errors = await call(ctx.app, { url: `${BASE}/${job.id}/errors.xlsx`, cookie: staff.cookie });
    expect(errors.statusCode).toBe(200);
    const sheet = (await readXlsx(errors.rawPayload)).worksheets[0];
    expect(sheet.getRow(2).getCell(1).value).toBe(3);
    expect(sheet.rowCount).toBe(3);
  });

  it('refuses a file without a required header before reading any row', async () => {
    const file = await xlsx(['统一社会信用代码', '单位类型', '地址'], [[newUscc(), '企业', '某路']]);
    const res = await upload(ctx, staff.cookie, 'organizations', file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.messages.zh).toContain('缺少必填列：单位名称、所属区域');
  });

  it('refuses a file that is not an Excel workbook, whatever its name', async () => {
    const res = await upload(
      ctx,
      staff.cookie,
      'organizations',
      Buffer.from('统一社会信用代码,单位名称\n1,2\n'),
      {
        name: 'orgs.xlsx',
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.messages.zh).toBe('文件不是有效的 Excel (.xlsx) 文件');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(2000)]);
    const res2 = await upload(ctx, staff.cookie, 'organizations', zip);
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.messages.zh).toBe('文件不是有效的 Excel (.xlsx) 文件');
  });

  it('refuses a file over 20 MB with 413, by declared length or while reading', async () => {
    const big = await upload(ctx, staff.cookie, 'organizations', randomBytes(50 * 1024 * 1024));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.messages.zh).toBe('文件超过 20 MB 上限');
    const streamed = await upload(ctx, staff.cookie, 'organizations', randomBytes(21 * 1024 * 1024), {
      stream: true,
    });
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json().error.messages.zh).toBe('文件超过 20 MB 上限');
  });

  it('asks for the kind and the file', async () => {
    const file = await xlsx(ORG_HEADERS, [orgRow(newUscc(), uniq('单位'))]);
    const noKind = await upload(ctx, staff.cookie, 'people', file);
    expect(noKind.statusCode).toBe(400);
    expect(noKind.json().error.field).toBe('kind');
    const body = form({ kind: 'organizations' });
    const noFile = await ctx.app.inject({
      method: 'POST',
      url: BASE,
      headers: { cookie: staff.cookie, 'content-type': body.contentType, 'x-requested-with': 'kechuang' },
      payload: body.payload,
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.field).toBe('file');
  });

  it('keeps a job to its creator: another user gets 404', async () => {
    const job = await validated(
      ctx,
      staff.cookie,
      'organizations',
      await xlsx(ORG_HEADERS, [orgRow(newUscc(), uniq('单位'))]),
    );
    const other = await signedIn(ctx, 'staff');
    for (const url of [`${BASE}/${job.id}`, `${BASE}/${job.id}/errors.xlsx`]) {
      expect((await call(ctx.app, { url, cookie: other.cookie })).statusCode).toBe(404);
    }
    const commit = await call(ctx.app, {
      method: 'POST',
      url: `${BASE}/${job.id}/commit`,
      cookie: other.cookie,
      body: { mode: 'add', validOnly: false },
    });
    expect(commit.statusCode).toBe(404);
    const mine = await call(ctx.app, { url: BASE, cookie: staff.cookie });
    expect(mine.json().items.map((j: { id: string }) => j.id)).toContain(job.id);
    expect((await waitJob(ctx, staff.cookie, job.id)).status).toBe('validated');
  });
});
