import { expect, it } from 'vitest';
import { makeOrg } from '../../test/factories';
import { call, describeEachDb, signedIn, uniq } from '../../test/harness';
import { form, xlsx } from '../registry/import/test-helpers';
import { IMPORT_COLUMNS } from './import';

const API = '/api/v1/contracts';

describeEachDb('contracts: import of contracts registered elsewhere', (ctx) => {
  it('reports each bad cell by row and column, writes nothing until asked for the valid rows', async () => {
    const staff = await signedIn(ctx, 'staff');
    const seller = await makeOrg(ctx, '350582');
    const no = (n: number) =>
      `2016${uniq('').slice(0, 6).replace(/[a-f]/g, '7')}${String(n).padStart(6, '0')}`;
    const good = no(1);
    const row = (over: Partial<Record<(typeof IMPORT_COLUMNS)[number], unknown>>) =>
      IMPORT_COLUMNS.map(
        (c) =>
          (
            ({
              登记编号: good,
              合同名称: uniq('外地登记合同'),
              合同类别: '技术服务',
              合同子类: '技术培训',
              卖方统一社会信用代码: seller.uscc,
              买方类别: '境外单位',
              买方名称: 'Acme GmbH',
              买方国家或地区: '德国',
              币种: 'EUR',
              汇率: '7.35',
              '合同成交额（万）': '10',
              '技术交易额（万）': '8',
              签订日期: '2016-05-01',
              登记日期: '2016-06-01',
              技术领域: 'hitech-services',
              社会经济目标: '促进工业发展',
              ...over,
            }) as Record<string, unknown>
          )[c] ?? null,
      );
    const book = await xlsx(
      [...IMPORT_COLUMNS],
      [
        row({}),
        row({ 登记编号: no(2), '技术交易额（万）': '12' }),
        row({ 登记编号: no(3), 卖方统一社会信用代码: '91350582MA2YJX0199' }),
        row({}),
        row({ 登记编号: no(4), 合同子类: '专利权转让' }),
      ],
    );
    const send = async (query: string) => {
      const body = form({}, { name: '省系统导出.xlsx', data: book });
      return call(ctx.app, {
        method: 'POST',
        url: `${API}/import?${query}`,
        cookie: staff.cookie,
        headers: { 'content-type': body.contentType },
        body: body.payload,
      });
    };
    const dry = await send('dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ totalRows: 5, validRows: 1, inserted: 0 });
    expect(dry.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, '技术交易额（万）'],
      [4, '卖方统一社会信用代码'],
      [5, '登记编号'],
      [6, '合同子类'],
    ]);
    expect((await send('')).json()).toMatchObject({ inserted: 0 });
    const done = await send('validOnly=true');
    expect(done.json()).toMatchObject({ validRows: 1, inserted: 1 });

    const listed = await call(ctx.app, { url: `${API}?q=${good}`, cookie: staff.cookie });
    expect(listed.json().items).toEqual([
      expect.objectContaining({
        registrationNo: good,
        status: 'registered',
        source: 'import',
        currency: 'EUR',
        contractAmount: '73.50',
        techAmount: '58.80',
        registeredOn: '2016-06-01',
      }),
    ]);
    const again = await send('validOnly=true');
    expect(again.json().errors[0]).toMatchObject({ row: 2, column: '登记编号' });

    const county = await signedIn(ctx, 'county', { regionCode: '350582' });
    const refused = await call(ctx.app, { url: `${API}/import/template.xlsx`, cookie: county.cookie });
    expect(refused.statusCode).toBe(403);
    const template = await call(ctx.app, { url: `${API}/import/template.xlsx`, cookie: staff.cookie });
    expect(template.statusCode).toBe(200);
  });
});
