import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeUscc } from '../src/domain/identifiers';
import { seen, signIn, startPlatform } from './harness';

const platform = startPlatform();
/** Waits until no table is loading. */
async function settled(page: import('playwright-core').Page) {
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => {});
  await page.locator('tbody tr.ant-table-row').first().waitFor();
}

const menu = (page: import('playwright-core').Page) => page.getByRole('navigation', { name: '主菜单' });

describe('registry as its users work with it', () => {
  it('staff find enterprises in Chinese and open the 一企一档 page', async () => {
    const page = await platform.newPage();
    await signIn(page, 'staff');
    await page.goto('/registry/orgs');
    await page.getByPlaceholder('石墨烯、晋江 鞋、单位名称片段或统一社会信用代码').fill('晋江 鞋');
    const searched = page.waitForResponse(
      (r) => r.url().includes('/api/v1/registry/orgs?') && r.url().includes('q='),
    );
    await page.keyboard.press('Enter');
    await searched;
    await settled(page);
    const rows = await page.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows.length).toBeGreaterThan(5);
    // Ranked by relevance: the first rows are shoe makers in 晋江.
    expect(rows.slice(0, 5).every((r) => r.includes('晋江市') && r.includes('鞋'))).toBe(true);
    await page.getByRole('link', { name: /鞋/ }).first().click();
    await page.waitForURL(/\/registry\/orgs\/[0-9a-f-]{36}/);
    await seen(page.getByText(/统一社会信用代码/));
    await seen(page.getByRole('tab', { name: /资质/ }));
  });

  it('a county user sees only its own region', async () => {
    const page = await platform.newPage();
    await signIn(page, 'county.jinjiang');
    const listed = page.waitForResponse((r) => r.url().includes('/api/v1/registry/orgs?'));
    await page.goto('/registry/orgs');
    await listed;
    await settled(page);
    const rows = await page.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r.includes('晋江市'))).toBe(true);
    const other = await page.request.get('/api/v1/registry/orgs?regionCode=350583');
    expect((await other.json()).total).toBe(0);
  });

  it('an enterprise lands on its own record and may correct its contacts only', async () => {
    const page = await platform.newPage();
    await signIn(page, 'enterprise.demo');
    await menu(page).getByText('本单位档案').click();
    await seen(page.getByText('泉州示范鞋业科技有限公司'));
    const labels = await menu(page).getByRole('menuitem').allInnerTexts();
    expect(labels.join(' ')).not.toContain('单位列表');
  });

  it('staff import organisations: row errors first, then only the valid rows', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-imp-')), '单位导入.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('单位');
    ws.addRow([
      '统一社会信用代码',
      '单位名称',
      '单位类型',
      '所属区域',
      '行业代码',
      '是否规上工业企业',
      '成立日期',
      '地址',
      '联系人',
      '联系电话',
    ]);
    ws.addRow([
      makeUscc('9', '1', '350583', 'E2E00001'),
      '泉州端到端石材有限公司',
      '企业',
      '南安市',
      '30',
      '否',
      '2015-03-01',
      '',
      '',
      '',
    ]);
    ws.addRow(['91350100M000100Y4Z', '校验码错误公司', '企业', '南安市', '30', '否', '', '', '', '']);
    await wb.xlsx.writeFile(file);

    const page = await platform.newPage();
    await signIn(page, 'staff');
    await page.goto('/registry/imports');
    await page.locator('input[type=file]').setInputFiles(file);
    await seen(page.getByText(/发现 1 处错误/), 30_000);
    await seen(page.getByText(/第18位/));
    await page.getByRole('checkbox', { name: /仅导入有效行/ }).check();
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '确认导入' }).click();
    await seen(page.getByText('导入完成'), 30_000);
    const found = await page.request.get(`/api/v1/registry/orgs?q=${encodeURIComponent('端到端石材')}`);
    expect((await found.json()).total).toBe(1);
  });

  it('staff export the R&D platforms: progress, then the file downloads by itself', async () => {
    const page = await platform.newPage();
    await signIn(page, 'staff');
    const listed = page.waitForResponse((r) => r.url().includes('/api/v1/registry/platforms?'));
    await page.goto('/registry/platforms');
    const total = (await (await listed).json()).total as number;
    expect(total).toBeGreaterThan(0);
    const started = page.waitForResponse((r) => r.url().includes('/api/v1/registry/platforms/export-jobs'));
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: /导出Excel/ }).click();
    expect((await started).status()).toBe(202);
    const file = await download;
    expect(file.suggestedFilename()).toBe('研发平台.xlsx');
    await seen(page.getByText('导出完成'));
    await seen(page.getByText(`共 ${total} 行`, { exact: false }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await file.path())!) as unknown as ArrayBuffer);
    expect(wb.worksheets[0].actualRowCount - 1).toBe(total);
    // 我的导出 lists the job, its file downloadable again (the notification closed first).
    await page.locator('.ant-notification-notice-close').first().click();
    await page.getByRole('button', { name: '我的导出' }).click();
    const drawer = page.getByRole('dialog');
    await seen(drawer.getByText('研发平台.xlsx').first());
    await seen(drawer.getByText('已完成').first());
    await seen(drawer.getByRole('button', { name: '下载' }).first());
  });
});
