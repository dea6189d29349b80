import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { seen, signIn, startPlatform } from './harness';

const platform = startPlatform();

describe('plan and indicators as leaders, staff and counties use them', () => {
  it('the leader sees the plan warnings first and the cockpit', async () => {
    const page = await platform.newPage();
    await signIn(page, 'leader');
    await seen(page.getByText(/年度计划预警/));
    await page.goto('/plan/cockpit?year=2017');
    await seen(page.getByText(/每万人发明专利拥有量/));
    // The charts render (ECharts draws on canvas), from the chunk loaded after the page itself.
    await seen(page.locator('canvas'));
    // The five headline indicators, in the plan's order as the catalogue numbers them.
    const cards = (await page.getByTestId('headline-cards').textContent()) ?? '';
    const order = [
      '全社会R&D投入占GDP比重',
      '新增高新技术企业',
      '每万人发明专利拥有量',
      '高新技术产业增加值占GDP比重',
      '高新区工业总产值',
    ].map((w) => cards.indexOf(w));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    await page.screenshot({ path: '/tmp/shots/cockpit.png', fullPage: true });
  });

  it('2016 figures are the seed’s, and the 311 behind 高企 can be listed', async () => {
    const page = await platform.newPage();
    await signIn(page, 'staff');
    await page.goto('/plan/indicators?year=2016');
    const drill = page.getByTestId('drill-hte_valid');
    await seen(drill);
    expect(((await drill.textContent()) ?? '').replace(/\D/g, '')).toBe('311');
    for (const figure of ['4,438 家', '1,300 家', '54,010 件', '4.58 件', '29.3%']) {
      await seen(page.getByText(figure, { exact: false }));
    }
    // The table's sections (a heading with its count), in the order of the work summary.
    const main = (await page.locator('main').first().textContent()) ?? '';
    const sections = ['创新主体', '研发平台与孵化载体', '知识产权', '科技投入与产出'].map((w) =>
      main.search(new RegExp(`${w}\\d+ 项`)),
    );
    expect(sections.every((i) => i >= 0)).toBe(true);
    expect([...sections].sort((a, b) => a - b)).toEqual(sections);
    await page.screenshot({ path: '/tmp/shots/indicators.png', fullPage: true });
    await drill.click();
    await seen(page.getByText(/有效期内高新技术企业 · .* · 2016 年明细/));
    await seen(page.getByText(/共 311 条/));
  });

  it('a county sees its own figures only', async () => {
    const page = await platform.newPage();
    await signIn(page, 'county.jinjiang');
    await page.goto('/plan/indicators?year=2016');
    await seen(page.getByTestId('drill-hte_valid'));
    const text = (await page.locator('main').first().textContent()) ?? '';
    expect(text).toContain('晋江市');
    expect(text).not.toContain('南安市');
    const other = await page.request.get('/api/v1/plan/indicator-values?year=2016&region=350583');
    expect(other.status()).toBe(400);
  });

  it('the annual summary downloads as a Word document with the computed figures', async () => {
    const page = await platform.newPage();
    await signIn(page, 'leader');
    const res = await page.request.get('/api/v1/plan/reports/annual-summary.docx?year=2016');
    expect(res.status()).toBe(200);
    const zip = await JSZip.loadAsync(await res.body());
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('泉州市2016年科技创新工作主要数据');
    expect(text).toContain('29.3%');
    expect(text).toContain('311');
  });
});
