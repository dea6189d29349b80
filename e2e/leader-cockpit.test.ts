import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seen, signIn, startPlatform } from './harness';

const platform = startPlatform();
const SHOTS = '/tmp/shots';

describe('the leader: workbench, cockpit by county with exports, and the 大屏', () => {
  it('the home page shows what waits, each count opening its list', async () => {
    const page = await platform.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, 'leader');
    const workbench = page.getByTestId('workbench');
    await seen(workbench);
    const approve = page.getByTestId('todo-toApprove');
    await seen(approve);
    const count = Number(await page.getByTestId('todo-toApprove-count').textContent());
    expect(Number.isInteger(count)).toBe(true);
    // The same count the server gives, and the list it links to.
    const api = await (await page.request.get('/api/v1/workbench')).json();
    expect(api.items.find((i: { key: string }) => i.key === 'toApprove').count).toBe(count);
    await seen(page.getByTestId('todo-expiring'));
    await page.screenshot({ path: `${SHOTS}/home-leader-1366.png` });
    await approve.click();
    await page.waitForURL(/\/projects\/approvals$/);
  });

  it('a county clerk sees its own queue to recommend', async () => {
    const page = await platform.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, 'county.jinjiang');
    await seen(page.getByTestId('todo-toRecommend'));
    await expect(page.getByTestId('todo-toApprove').count()).resolves.toBe(0);
    await page.screenshot({ path: `${SHOTS}/home-county-1366.png` });
  });

  it('the cockpit opens on the newest year with data, switches to 晋江 and exports Excel and an image', async () => {
    const page = await platform.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, 'leader');
    const years = await (await page.request.get('/api/v1/workbench/data-years')).json();
    await page.goto('/plan/cockpit');
    await seen(page.getByTestId('headline-cards'));
    await page.waitForURL((u) => u.search === '' || u.searchParams.get('year') === null);
    await seen(page.getByText(`${years.latest} 年县(市、区)科技创新综合排名`));
    // Each percentage says what it is.
    await seen(page.getByText(/目标完成率/).first());
    await seen(page.getByText(/增量进度|完成进度/).first());
    await seen(page.getByTestId('missing-rule'));

    await page.getByTestId('cockpit-region').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('晋江市', { exact: true }).click();
    await page.waitForURL(/region=350582/);
    await seen(page.getByText(/晋江市 · 数据截至/));
    await page.screenshot({ path: `${SHOTS}/cockpit-jinjiang-1366.png`, fullPage: true });

    const [excel] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: /导出\s*Excel|导出/ })
        .first()
        .click(),
    ]);
    const file = await excel.path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const regionsInFile = new Set<string>();
    book.worksheets[0].eachRow((row, n) => {
      if (n > 1) regionsInFile.add(String(row.getCell(1).value));
    });
    expect([...regionsInFile]).toEqual(['晋江市']);

    await seen(page.locator('[data-chart] canvas').first());
    const [image] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出图片' }).click(),
    ]);
    expect(image.suggestedFilename()).toMatch(/晋江市.*\.png$/);
  });

  it('the 大屏 colours the county map and drills into a county', async () => {
    const page = await platform.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await signIn(page, 'leader');
    await page.goto('/plan/cockpit/screen');
    const map = page.getByTestId('county-map');
    await seen(map);
    await expect.poll(() => map.getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
    await seen(map.locator('canvas'));
    const order = page.getByTestId('screen-order');
    await seen(order.getByText('晋江市'));
    await page.screenshot({ path: `${SHOTS}/screen-1920.png` });
    await order.getByText('晋江市').click();
    await page.waitForURL(/county=350582/);
    await seen(page.getByTestId('screen-focus').getByRole('heading', { name: '晋江市' }));
    await page.screenshot({ path: `${SHOTS}/screen-jinjiang-1920.png` });
  });
});
