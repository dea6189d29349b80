import { describe, expect, it } from 'vitest';
import { seen, signIn, startPlatform } from './harness';

const platform = startPlatform();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const TITLE = `石墨烯导热膜制备技术开发合同（${Date.now().toString(36)}）`;
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
const ok = /^确\s*定$/;

/** 晋江's 技术合同成交额 this year, as the plan reads it. */
async function figure(page: import('playwright-core').Page): Promise<number> {
  const body = await page.evaluate(
    async (y) =>
      (
        await fetch(`/api/v1/plan/indicator-values?year=${y}&region=350582&codes=tech_contract_amount`)
      ).json(),
    year,
  );
  return body.items[0].value as number;
}

describe('技术合同认定登记 as its users work with it', () => {
  it('the seller submits, 晋江 registers it, the certificate downloads and the figure moves', {
    timeout: 240_000,
  }, async () => {
    const seller = await platform.newPage();
    await signIn(seller, 'enterprise.demo');
    await seller.goto('/contracts');
    await seller.getByRole('button', { name: '填报技术合同' }).click();
    const d = seller.locator('.ant-modal-wrap:visible .ant-modal').last();
    await d.getByLabel('合同名称').fill(TITLE);
    await d.getByLabel('买方名称').fill('厦门示范智造有限公司');
    await d.getByLabel('合同成交额（万，合同币种）').fill('1234.5');
    await d.getByLabel('技术交易额（万，合同币种）').fill('1234.5');
    const signed = d.getByLabel('签订日期');
    await signed.click();
    await signed.fill(today);
    await signed.press('Enter');
    await d.getByRole('button', { name: /^创\s*建$/ }).click();
    await seller.waitForURL(/\/contracts\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await seen(seller.getByText('尚未上传合同文本'));
    await seller
      .locator('input[type=file]')
      .setInputFiles({ name: '签署版合同.pdf', mimeType: 'application/pdf', buffer: PDF });
    await seen(seller.getByRole('link', { name: '签署版合同.pdf' }));
    await seller.getByRole('button', { name: '提交登记' }).click();
    await seller.getByRole('button', { name: ok }).click();
    await seen(seller.getByText('已提交（待登记）'));
    const path = new URL(seller.url()).pathname;

    const county = await platform.newPage();
    await signIn(county, 'county.jinjiang');
    await county.goto('/contracts');
    const before = await figure(county);
    await county.goto(path);
    await seen(county.getByText('登记审查'));
    await seen(county.getByText('材料不齐全'));
    await county.getByRole('button', { name: '准予登记' }).click();
    await county.getByRole('button', { name: ok }).click();
    const numbered = county.getByText(new RegExp(`^${year}350582\\d{6}$`));
    await seen(numbered, 30_000);
    const no = (await numbered.first().textContent())!.trim();
    const [download] = await Promise.all([
      county.waitForEvent('download'),
      county.getByRole('button', { name: '下载登记证明' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^技术合同登记证明-\d+\.docx$/);
    const after = await figure(county);
    expect(Math.round((after - before) * 100)).toBe(123450);

    // The certificate's QR code opens the public site's check, which anyone may read.
    const visitor = await platform.newPage();
    await visitor.goto(`/public/verify/contract/${no}`);
    await seen(visitor.getByText('该合同经本平台认定登记，登记有效。'));
    await seen(visitor.getByRole('cell', { name: no }));
  });
});
