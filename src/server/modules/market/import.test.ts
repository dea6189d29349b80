import { expect, it } from 'vitest';
import { patentCheckChar } from '../../../domain/identifiers';
import { CSRF_HEADER, CSRF_VALUE } from '../../platform/access';
import { makeOrg } from '../../test/factories';
import { call, describeEachDb, signedIn, type TestContext, uniq } from '../../test/harness';
import { form, xlsx } from '../registry/import/test-helpers';
import { IMPORT_COLUMNS } from './import';

const HEADERS = IMPORT_COLUMNS.map((c) => c.header);

function send(ctx: TestContext, cookie: string, data: Buffer) {
  const body = form({}, { name: '蓝火第二周期.xlsx', data });
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/market/achievements/import',
    headers: { cookie, 'content-type': body.contentType, [CSRF_HEADER]: CSRF_VALUE },
    payload: body.payload,
  });
}

describeEachDb('market: Excel import of achievements (蓝火 batches)', (ctx) => {
  it('names each bad row and column, writes nothing then, and publishes a clean batch', async () => {
    const org = await makeOrg(ctx, '350503', 'institute');
    const staff = await signedIn(ctx, 'staff');
    const enterprise = await signedIn(ctx, 'enterprise');
    const body = '201510654321';
    const title = uniq('蓝火成果');
    const good = [
      title,
      org.uscc,
      '张三、李四',
      '石墨烯',
      '中试',
      '转让、许可',
      '面议',
      `${body}.${patentCheckChar(body)}`,
      '简介',
      '石墨烯、涂料',
      '蓝火计划',
      '第二周期第1批',
    ];
    const bad = [
      `${title}乙`,
      org.uscc,
      '',
      '火星科技',
      '量产',
      '赠送',
      '很贵',
      `${body}.${patentCheckChar(body) === '1' ? '2' : '1'}`,
      '',
      '',
      '',
      '',
    ];
    const refused = await send(ctx, enterprise.cookie, await xlsx(HEADERS, [good]));
    expect(refused.statusCode).toBe(403);

    const mixed = await send(ctx, staff.cookie, await xlsx(HEADERS, [good, bad]));
    expect(mixed.statusCode, mixed.body).toBe(200);
    const result = mixed.json();
    expect(result.imported).toBe(0);
    expect(result.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`).sort()).toEqual(
      ['3:技术领域', '3:成熟度', '3:转化方式', '3:价格（万元）', '3:专利申请号'].sort(),
    );
    const none = await call(ctx.app, {
      url: `/api/v1/market/achievements?q=${encodeURIComponent(title)}`,
      cookie: staff.cookie,
    });
    expect(none.json().total).toBe(0);

    const clean = await send(ctx, staff.cookie, await xlsx(HEADERS, [good]));
    expect(clean.json()).toEqual({ imported: 1, errors: [] });
    const listed = await call(ctx.app, {
      url: `/api/v1/market/achievements?q=${encodeURIComponent(title)}`,
      cookie: staff.cookie,
    });
    expect(listed.json().items).toEqual([
      expect.objectContaining({
        title,
        status: 'published',
        source: 'lanhuo',
        sourceBatch: '第二周期第1批',
        field: 'graphene',
      }),
    ]);
  });
});
