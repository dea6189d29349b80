import { describe, expect, it } from 'vitest';
import { makeUscc } from '../src/domain/identifiers';
import { seen, signIn, startPlatform } from './harness';

const platform = startPlatform();
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
/** The demo enterprise (泉州示范鞋业科技有限公司) of the accounts seed. */
const ENTERPRISE = makeUscc('9', '1', '350582', 'MA2XJ0D1');
const BANK = '兴泉银行股份有限公司泉州科技支行';
const REF = `XQ-E2E-${Date.now().toString(36)}`;

/** The city's 高企发展基金授信金额 this year, as the plan reads it. */
async function figure(page: import('playwright-core').Page): Promise<number> {
  const body = await page.evaluate(
    async (y) => (await fetch(`/api/v1/plan/indicator-values?year=${y}&codes=credit_granted_amount`)).json(),
    year,
  );
  return body.items[0].value as number;
}

describe('科技金融 as its users work with it', () => {
  it('a bank user enters a credit line and sees only its own; the leader’s figure moves', {
    timeout: 240_000,
  }, async () => {
    const leader = await platform.newPage();
    await signIn(leader, 'leader');
    await leader.goto('/finance/credit');
    const before = await figure(leader);

    const bank = await platform.newPage();
    await signIn(bank, 'bank.demo');
    await bank.goto('/finance/credit');
    await seen(bank.getByText(`本机构：${BANK}`));
    await bank.getByRole('button', { name: '录入' }).click();
    const d = bank.getByRole('dialog');
    await d.getByLabel('企业统一社会信用代码').fill(ENTERPRISE);
    const on = d.getByLabel('授信日期');
    await on.click();
    await on.fill(today);
    await on.press('Enter');
    await d.getByLabel('授信金额（万元）').fill('1234.5');
    await d.getByLabel('期限（月）').fill('12');
    await d.getByLabel('授信编号').fill(REF);
    await d
      .getByRole('button', { name: '创 建' })
      .or(d.getByRole('button', { name: '创建' }))
      .click();
    await d.waitFor({ state: 'detached' });
    await seen(bank.getByText('已录入：泉州示范鞋业科技有限公司'));

    // Every row the bank sees is its own institution's, the new one among them.
    await bank.goto(`/finance/credit?q=${REF}`);
    await seen(bank.locator('.ant-table-row').first());
    await bank.goto('/finance/credit?pageSize=50');
    await seen(bank.locator('.ant-table-row').first());
    const institutions = await bank.locator('.ant-table-row td:nth-child(3)').allInnerTexts();
    expect(institutions.length).toBeGreaterThan(1);
    expect(new Set(institutions)).toEqual(new Set([BANK]));
    const fromApi = await bank.evaluate(async () =>
      (await fetch('/api/v1/finance/records?kind=credit&pageSize=200')).json(),
    );
    expect(new Set(fromApi.items.map((x: { institutionName: string }) => x.institutionName))).toEqual(
      new Set([BANK]),
    );

    await leader.reload();
    const after = await figure(leader);
    expect(Math.round((after - before) * 100)).toBe(123450);
    // The leader sees the other banks' lines too.
    await leader.goto('/finance/credit?pageSize=50');
    await seen(leader.locator('.ant-table-row').first());
    const all = await leader.evaluate(async () =>
      (await fetch('/api/v1/finance/records?kind=credit&pageSize=200')).json(),
    );
    expect(
      new Set(all.items.map((x: { institutionName: string }) => x.institutionName)).size,
    ).toBeGreaterThan(1);
  });
});
