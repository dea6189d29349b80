import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { carriers, importJobs, orgAnnualStats, qualifications, rdPlatforms } from '../../../db/schema';
import { createOrg, describeEachDb, signedIn, uniq } from '../../../test/harness';
import { failInterruptedImports } from './jobs';
import { templateHeaders } from './parse';
import { committed, newUscc, validated, xlsx } from './test-helpers';

const STATS = templateHeaders('annual-stats');
const QUALS = templateHeaders('qualifications');

describeEachDb('registry import: statistics, qualifications, platforms, carriers', (ctx) => {
  let staff: { cookie: string };
  beforeAll(async () => {
    staff = await signedIn(ctx, 'staff');
  });

  it('imports annual statistics as exact decimals, and updates them by USCC and year', async () => {
    const org = await createOrg(ctx.database);
    const file = await xlsx(
      // Headers as users retype them: without the mark, with full-width brackets, in another order.
      [
        '年度',
        '统一社会信用代码',
        '营业收入（万元）',
        '研发费用(万元)',
        '职工人数',
        '科技人员数',
        '是否有研发活动',
      ],
      [
        [2016, org.uscc, 12345.67, '678.9', 320, 45, '是'],
        ['2015', org.uscc, '10,000', 400, 300, 40, 'N'],
        [2016, org.uscc, 1, 0, 1, 0, '否'],
        [2014, org.uscc, '99.999', 120, 10, 20, 'maybe'],
        [2013, org.uscc, 100, 120.5, 10, 2, '是'],
        [2014, newUscc(), 1, 0, 1, 0, '否'],
      ],
    );
    const job = await validated(ctx, staff.cookie, 'annual-stats', file);
    expect(job).toMatchObject({ totalRows: 6, validRows: 2 });
    const at = (row: number, column: string) => job.errors.find((e) => e.row === row && e.column === column);
    expect(at(4, '年度')?.message.zh).toContain('与第2行重复');
    expect(at(5, '营业收入(万元)')?.message.zh).toContain('两位小数');
    expect(at(5, '科技人员数')?.message.zh).toContain('不能大于职工人数');
    expect(at(5, '是否有研发活动')?.message.zh).toContain('是 或 否');
    expect(at(6, '研发费用(万元)')?.message.zh).toContain('不能大于营业收入');
    expect(at(7, '统一社会信用代码')?.message.zh).toContain('在创新主体库中不存在');
    await committed(ctx, staff.cookie, job.id, { mode: 'add', validOnly: true });
    const rows = await ctx.database.db.select().from(orgAnnualStats).where(eq(orgAnnualStats.orgId, org.id));
    const y2016 = rows.find((r) => r.year === 2016)!;
    expect(y2016).toMatchObject({ revenue: '12345.67', rdExpense: '678.90', staff: 320, stStaff: 45 });
    expect(y2016).toMatchObject({ hasRdActivity: true, regionCode: org.regionCode });
    expect(rows.find((r) => r.year === 2015)).toMatchObject({ revenue: '10000.00', hasRdActivity: false });

    const update = await xlsx(STATS, [[org.uscc, 2016, 20000, null, 330]]);
    const upsert = await validated(ctx, staff.cookie, 'annual-stats', update);
    const done = await committed(ctx, staff.cookie, upsert.id, { mode: 'upsert', validOnly: false });
    expect(done).toMatchObject({ inserted: 0, updated: 1 });
    const y = (
      await ctx.database.db.select().from(orgAnnualStats).where(eq(orgAnnualStats.orgId, org.id))
    ).find((r) => r.year === 2016);
    // A blank cell keeps the stored value.
    expect(y).toMatchObject({ revenue: '20000.00', rdExpense: '678.90', staff: 330, hasRdActivity: true });
  });

  it('imports qualifications, defaulting the end of validity from the type rule', async () => {
    const org = await createOrg(ctx.database);
    const other = await createOrg(ctx.database);
    const cert = `GR2014350${String(Date.now()).slice(-5)}`;
    const file = await xlsx(QUALS, [
      [org.uscc, '高新技术企业', null, cert, new Date(Date.UTC(2014, 0, 1)), null, '闽科高〔2014〕1号'],
      [org.uscc, 'tech_sme', '国家级', null, '2016/3/5', null, null],
      [org.uscc, '瞪羚企业', '国家级', null, '2016-03-05', null, null],
      [other.uscc, '高新技术企业', null, cert, '2014-01-01', null, null],
      [org.uscc, '高新技术企业', null, 'GR2014XX000001', '2014-01-01', '2013-01-01', null],
    ]);
    const job = await validated(ctx, staff.cookie, 'qualifications', file);
    expect(job.validRows).toBe(2);
    const at = (row: number, column: string) => job.errors.find((e) => e.row === row && e.column === column);
    expect(at(4, '级别')?.message.zh).toContain('瞪羚企业的级别只能是 省级、市级');
    expect(at(5, '证书编号')?.message.zh).toContain('与第2行重复');
    expect(at(6, '证书编号')?.message.zh).toContain('第7位字符 X 无效');
    expect(at(6, '有效期至')?.message.zh).toContain('不能早于认定日期');
    await committed(ctx, staff.cookie, job.id, { mode: 'add', validOnly: true });
    const rows = await ctx.database.db.select().from(qualifications).where(eq(qualifications.orgId, org.id));
    expect(rows.find((r) => r.typeCode === 'hte')).toMatchObject({
      level: 'national',
      certificateNo: cert,
      issuedOn: '2014-01-01',
      validUntil: '2016-12-31',
      documentNo: '闽科高〔2014〕1号',
      regionCode: org.regionCode,
    });
    expect(rows.find((r) => r.typeCode === 'tech_sme')).toMatchObject({ validUntil: '2016-12-31' });

    // The same certificate for another organisation is refused once it is registered.
    const clash = await validated(
      ctx,
      staff.cookie,
      'qualifications',
      await xlsx(QUALS, [[other.uscc, 'hte', null, cert, '2014-01-01']]),
    );
    expect(clash.errors[0].message.zh).toContain('已登记在另一单位名下');
  });

  it('imports platforms and carriers, updating by host or operator and name', async () => {
    const org = await createOrg(ctx.database);
    const name = uniq('工程技术研究中心');
    const pFile = await xlsx(templateHeaders('platforms'), [
      [org.uscc, name, '市级企业工程技术研究中心', '市级', '2015-12-20', '泉科〔2015〕88号'],
      [org.uscc, uniq('实验室'), '省级企业重点实验室', 'provincial', '2016-01-02'],
      [org.uscc, uniq('中心'), '不存在的类型', '市级', '2016-01-02'],
    ]);
    const p = await validated(ctx, staff.cookie, 'platforms', pFile);
    expect(p).toMatchObject({ validRows: 2, errorCount: 1 });
    expect(p.errors[0]).toMatchObject({ row: 4, column: '平台类型' });
    await committed(ctx, staff.cookie, p.id, { mode: 'add', validOnly: true });
    const again = await validated(
      ctx,
      staff.cookie,
      'platforms',
      await xlsx(templateHeaders('platforms'), [[org.uscc, name, 'muni_eng_center', '省级', '2015-12-20']]),
    );
    expect(await committed(ctx, staff.cookie, again.id, { mode: 'upsert', validOnly: false })).toMatchObject({
      updated: 1,
    });
    const platforms = await ctx.database.db
      .select()
      .from(rdPlatforms)
      .where(eq(rdPlatforms.hostOrgId, org.id));
    expect(platforms).toHaveLength(2);
    expect(platforms.find((x) => x.name === name)).toMatchObject({
      level: 'provincial',
      documentNo: '泉科〔2015〕88号',
    });

    const c = await validated(
      ctx,
      staff.cookie,
      'carriers',
      await xlsx(templateHeaders('carriers'), [
        [org.uscc, uniq('众创空间'), '众创空间', '国家级', '2016-06-01'],
      ]),
    );
    expect(await committed(ctx, staff.cookie, c.id, { mode: 'add', validOnly: false })).toMatchObject({
      inserted: 1,
    });
    const rows = await ctx.database.db.select().from(carriers).where(eq(carriers.operatorOrgId, org.id));
    expect(rows[0]).toMatchObject({ kind: 'maker_space', level: 'national', regionCode: org.regionCode });
  });

  it('lets a county import only rows of its own region', async () => {
    const county = await signedIn(ctx, 'county', { regionCode: '350582' });
    const mine = await createOrg(ctx.database, '350582');
    const theirs = await createOrg(ctx.database, '350581');
    const orgs = await validated(
      ctx,
      county.cookie,
      'organizations',
      await xlsx(templateHeaders('organizations'), [
        [newUscc(), uniq('单位'), '企业', '晋江市'],
        [newUscc(), uniq('单位'), '企业', '石狮市'],
        [theirs.uscc, uniq('单位'), '企业', '晋江市'],
      ]),
    );
    expect(orgs.validRows).toBe(1);
    expect(orgs.errors.map((e) => [e.row, e.message.zh.slice(0, 9)])).toEqual([
      [3, '超出本单位管辖区域'],
      [4, '超出本单位管辖区域'],
    ]);
    const stats = await validated(
      ctx,
      county.cookie,
      'annual-stats',
      await xlsx(STATS, [
        [mine.uscc, 2016],
        [theirs.uscc, 2016],
      ]),
    );
    expect(stats.validRows).toBe(1);
    expect(stats.errors[0]).toMatchObject({ row: 3, column: '统一社会信用代码' });
    expect(stats.errors[0].message.zh).toContain('超出本单位管辖区域');
    const [job] = await ctx.database.db.select().from(importJobs).where(eq(importJobs.id, stats.id));
    expect(job.regionCodes).toContain('350582');
    expect(job.regionCodes).not.toContain('350581');
  });

  it('fails jobs cut off by a restart, saying nothing was written', async () => {
    // Only on the per-file PGlite database: on the shared PostgreSQL it would also fail the jobs
    // another test file has in flight.
    if (ctx.driver !== 'pglite') return;
    const [job] = await ctx.database.db
      .insert(importJobs)
      .values({
        kind: 'organizations',
        status: 'committing',
        fileName: 'x.xlsx',
        createdBy: crypto.randomUUID(),
      })
      .returning();
    expect(await failInterruptedImports(ctx.database.db)).toBeGreaterThanOrEqual(1);
    const [after] = await ctx.database.db.select().from(importJobs).where(eq(importJobs.id, job.id));
    expect(after.status).toBe('failed');
    expect(after.message).toMatchObject({ zh: '服务重启，导入中断，未写入任何数据，请重新提交' });
  });
});
