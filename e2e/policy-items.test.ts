import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { makeUscc } from '../src/domain/identifiers';
import { seen, signIn, startPlatform } from './harness';

const platform = startPlatform();
const ok = /^确\s*定$/;
const save = /^保\s*存$/;
const dialog = (page: Page) => page.locator('.ant-modal-wrap:visible .ant-modal').last();
const CALL = `科技保险补贴申报指南（${Date.now().toString(36)}）`;

describe('政策兑现 (免申即享) and 失信记录 as their users work with them', () => {
  it('staff write the 2016 新认定高企奖励 rule, see the eligible list, confirm it and pay a batch', {
    timeout: 240_000,
  }, async () => {
    const page = await platform.newPage();
    await signIn(page, 'staff');
    await page.goto('/policies/items');
    await page.getByRole('link', { name: '新认定高新技术企业奖励' }).first().click();
    await page.waitForURL(/\/policies\/items\/[0-9a-f-]{36}/, { timeout: 30_000 });

    // The rule, in the form: 高企 first recognised in 2016, previewed against the registry.
    await page.getByRole('button', { name: '编辑事项与规则' }).click();
    const editor = dialog(page);
    await seen(editor.getByText('资质类型'));
    await editor.getByRole('checkbox', { name: '首次认定' }).check();
    await editor.getByRole('button', { name: '预览符合条件单位' }).click();
    await seen(editor.getByText(/符合条件 \d+ 家；另有 1 家因失信记录排除/), 30_000);
    await seen(editor.getByText('以虚假材料申报市级科技计划项目，骗取财政资金'));
    await editor.getByRole('button', { name: save }).click();
    await seen(page.getByText(/已保存（规则 v\d）/));

    await page.getByRole('tab', { name: '符合条件单位' }).click();
    await seen(page.getByText(/按资格规则 v\d 实时计算/));
    await page.getByRole('button', { name: '确认名单' }).click();
    await page.getByRole('button', { name: ok }).click();
    await seen(page.getByText(/名单已确认，已通知 \d+ 家单位/), 30_000);

    // One organisation's account, received on paper, entered by staff; then paid in a batch.
    await page.getByRole('tab', { name: '兑现名单' }).click();
    await page.getByRole('button', { name: '代录账户' }).first().click();
    const respond = dialog(page);
    await respond.getByLabel('开户银行').fill('泉州银行晋江支行');
    await respond.getByLabel('银行账号').fill('6222021300001234');
    await respond.getByRole('button', { name: save }).click();
    await seen(page.getByText('已确认待拨付'));
    await seen(page.getByText('****1234'));

    await page.getByRole('tab', { name: '拨付批次' }).click();
    await page.getByRole('button', { name: '登记拨付批次' }).click();
    const batch = dialog(page);
    await seen(batch.getByText('泉州银行晋江支行'));
    await batch.getByRole('button', { name: /^登\s*记$/ }).click();
    await seen(page.getByText('已登记 1 家，合计 10.00 万元'));
    await seen(page.getByRole('cell', { name: '10.00' }));
  });

  it('a blacklisted organisation is refused an application, with the reason', {
    timeout: 180_000,
  }, async () => {
    const staff = await platform.newPage();
    await signIn(staff, 'staff');
    const now = Date.now();
    const status = await staff.evaluate(
      async (body) =>
        (
          await fetch('/api/v1/projects/calls', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-requested-with': 'kechuang' },
            body: JSON.stringify(body),
          })
        ).status,
      {
        programmeCode: 'st_insurance',
        year: new Date(now).getFullYear(),
        title: CALL,
        opensAt: new Date(now - 86_400_000).toISOString(),
        closesAt: new Date(now + 10 * 86_400_000).toISOString(),
        budget: '100',
        fundingCap: '10',
        maxPerApplicant: 1,
        eligibility: [{ type: 'org_kind_in', kinds: ['enterprise'] }],
        requiredAttachments: [],
        rubric: [{ code: 'benefit', name: '效益', nameEn: 'Benefit', max: 100 }],
        expertsPerApplication: 3,
        reviewFields: ['advanced-manufacturing'],
        publicityDays: 7,
      },
    );
    if (status !== 201) throw new Error(`creating the call answered ${status}`);

    await staff.goto('/credit');
    await staff.getByRole('button', { name: '新增失信记录' }).click();
    const d = dialog(staff);
    await d.getByRole('combobox').first().click();
    // The demo enterprise account's organisation, found by its 统一社会信用代码.
    await d
      .getByRole('combobox')
      .first()
      .fill(makeUscc('9', '1', '350582', 'MA2XJ0D1'));
    await staff.locator('.ant-select-item-option').filter({ hasText: '泉州示范鞋业科技有限公司' }).click();
    await d.getByLabel('失信行为').fill('项目验收材料弄虚作假');
    await d.getByLabel('处理依据').fill('泉科〔2026〕8号');
    await d.getByRole('button', { name: /^创\s*建$/ }).click();
    await seen(staff.getByRole('cell', { name: '项目验收材料弄虚作假' }));

    const enterprise = await platform.newPage();
    await signIn(enterprise, 'enterprise.demo');
    await enterprise.goto('/projects/open-calls');
    const row = enterprise.getByRole('row', { name: new RegExp(CALL.replace(/[（）]/g, '.')) });
    await seen(row.getByTestId('apply-refused'));
    await seen(row.getByText(/失信记录有效期内（项目验收材料弄虚作假/));
  });
});
