/**
 * Batch work as the clerks do it: the 晋江 county ticks its three submitted applications on
 * 待推荐, sets their order of priority, downloads the drafted 推荐函 and recommends them in one
 * action with the letter filed; the bureau's staff tick the three on 项目管理 and pass their formal
 * review at once. Each dialog lists what will happen, and then each record's result.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seen, signIn, startPlatform } from './harness';

const platform = startPlatform();

const CALL = '2017 · 2017年度泉州市燎原计划项目申报指南';
/** The demo's three submitted applications of 晋江, and the order the county gives them. */
const [STONE, TEA, FOOD] = ['石材智能雕刻工艺升级', '茶叶自动化加工工艺升级', '食品无菌灌装生产线智能化改造'];
const ORDER = [FOOD, STONE, TEA];

const menu = (page: Page) => page.getByRole('navigation', { name: '主菜单' });
const dialog = (page: Page) => page.locator('.ant-modal-wrap:visible .ant-modal').last();
const row = (page: Page, title: string) => page.getByRole('row', { name: new RegExp(title) });
/** The bar over the list while rows are ticked. */
const batchBar = (page: Page) => page.getByRole('alert').filter({ hasText: /已选 \d+ 项/ });

async function as(username: string): Promise<Page> {
  const page = await platform.newPage();
  await signIn(page, username);
  return page;
}

async function open(page: Page, label: string) {
  const nav = menu(page);
  await nav.getByRole('menuitem').first().waitFor();
  const item = nav.getByRole('menuitem').filter({ hasText: new RegExp(`^${label}\\s*\\d*$`) });
  if (!(await item.isVisible())) await nav.getByText('科技计划项目', { exact: true }).click();
  await item.click();
}

/** The titles in the dialog's table, top to bottom. */
async function dialogOrder(page: Page): Promise<string[]> {
  const cells = dialog(page).locator('tbody tr.ant-table-row td:nth-child(2)');
  return cells.allInnerTexts();
}

describe('batch work: a county recommends in order with a letter, staff pass the formal review', () => {
  it('the county ticks three, orders them, downloads the letter and recommends them at once', {
    timeout: 120_000,
  }, async () => {
    const page = await as('county.jinjiang');
    await open(page, '待推荐');
    // Ticked in the order STONE, TEA, FOOD; then FOOD is moved to the top twice.
    for (const title of [STONE, TEA, FOOD]) {
      await seen(row(page, title));
      await row(page, title).getByRole('checkbox').check();
    }
    await seen(batchBar(page).getByText('已选 3 项'));
    await batchBar(page).getByRole('button', { name: '推荐', exact: true }).click();
    const d = dialog(page);
    await seen(d.getByText('批量推荐（3 项）'));
    expect(await dialogOrder(page)).toEqual([STONE, TEA, FOOD]);
    await d.getByRole('button', { name: `上移「${FOOD}」` }).click();
    await d.getByRole('button', { name: `上移「${FOOD}」` }).click();
    expect(await dialogOrder(page)).toEqual(ORDER);

    const download = page.waitForEvent('download');
    await d.getByRole('button', { name: '下载推荐函（Word）' }).click();
    expect((await download).suggestedFilename()).toMatch(/晋江市关于推荐科技计划项目的函.*\.docx$/);

    await seen(d.getByText('由平台生成推荐函并存档'));
    await d.getByRole('button', { name: '推荐', exact: true }).click();
    await expect.poll(() => d.getByText('已推荐（待形式审查）').count(), { timeout: 20_000 }).toBe(3);
    expect(await dialogOrder(page)).toEqual(ORDER);
    await d.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => row(page, STONE).count(), { timeout: 15_000 }).toBe(0);
  });

  it('staff tick the three on 项目管理 and pass their formal review in one action', {
    timeout: 120_000,
  }, async () => {
    const page = await as('staff');
    await open(page, '项目管理');
    await page.getByLabel('指南名称').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(CALL, { exact: true }).click();
    await page.getByRole('tab', { name: '项目列表' }).click();
    for (const title of ORDER) {
      await seen(row(page, title).getByText('已推荐（待形式审查）'));
      await row(page, title).getByRole('checkbox').check();
    }
    await batchBar(page).getByRole('button', { name: '形式审查通过', exact: true }).click();
    const d = dialog(page);
    await seen(d.getByText('批量形式审查通过（3 项）'));
    await d.getByRole('button', { name: '形式审查通过', exact: true }).click();
    await expect.poll(() => d.getByText('专家评审中').count(), { timeout: 20_000 }).toBe(3);
    await d.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    for (const title of ORDER) await seen(row(page, title).getByText('专家评审中'));
  });
});
