/**
 * 门户与注册 as its users live it: a new enterprise registers itself from the login page (no
 * account), 晋江's county bureau approves it, the contact signs in as its unit administrator and
 * opens a 申报员 account, and the 申报员 signs in, sets its own password and opens the application
 * form of an open call.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeUscc } from '../src/domain/identifiers';
import { seen, signIn, startPlatform } from './harness';

const platform = startPlatform();
const SHOTS = process.env.KC_SHOTS;
const RUN = Date.now().toString(36).toUpperCase();
const ORG = `晋江启航智能科技有限公司（${RUN}）`;
const USCC = makeUscc(
  '9',
  '1',
  '350582',
  `MA${RUN.replace(/[IOSVZ]/g, '1')
    .padStart(6, '1')
    .slice(-6)}`,
);
const ADMIN = `qihang.${RUN.toLowerCase()}`;
const ADMIN_PASSWORD = 'Qihang#Admin2026';
const APPLICANT = `qihang.sb.${RUN.toLowerCase()}`;
const APPLICANT_PASSWORD = 'Qihang#Apply2026';
const MOBILE = `139${String(Date.now() % 100_000_000).padStart(8, '0')}`;
const PDF = Buffer.from(
  '%PDF-1.4\n% 授权书\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const ok = /^确\s*定$/;

const dialog = (page: Page) => page.locator('.ant-modal-wrap:visible .ant-modal').last();
const option = (page: Page, title: string) =>
  page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: true }).click();

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe('门户与注册: an enterprise registers itself and its accounts work', () => {
  let trackingNo = '';

  it('a visitor registers the enterprise from the login page', { timeout: 120_000 }, async () => {
    const page = await platform.newPage();
    await page.goto('/login');
    // The counties arrive from the public API; the select is filled once they are there.
    const regions = page.waitForResponse((r) => r.url().includes('/api/v1/public/onboarding/regions'));
    await page.getByRole('link', { name: '企业/机构注册' }).click();
    await page.waitForURL(/\/register\?tab=org/);
    await regions;
    await page.getByLabel('统一社会信用代码').fill(USCC);
    await page.getByLabel('单位名称').fill(ORG);
    await page.getByLabel('法定代表人').fill('许启航');
    await page.getByLabel('所在县(市、区)').click();
    await option(page, '晋江市');
    await seen(page.locator('form').getByTitle('晋江市', { exact: true }));
    await page.getByLabel('联系人').fill('王晓敏');
    await page.getByLabel('手机号码').fill(MOBILE);
    await page.getByLabel('电子邮箱').fill(`${ADMIN}@example.cn`);
    await page.getByLabel('登录用户名').fill(ADMIN);
    await page.getByLabel('登录密码').fill(ADMIN_PASSWORD);
    await page.getByLabel('确认密码').fill(ADMIN_PASSWORD);
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '授权书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await shot(page, 'onboarding-01-register');
    await page.getByRole('button', { name: '提交注册' }).click();
    await seen(page.getByText('注册申请已提交'));
    const note = (await page.getByTestId('tracking-no').textContent()) ?? '';
    trackingNo = /ZC\d{8}[A-Z0-9]{6}/.exec(note)?.[0] ?? '';
    expect(trackingNo).not.toBe('');

    // The registrant checks the status with the number and the mobile.
    await page.getByRole('button', { name: '查询进度' }).click();
    await page.getByLabel('受理编号').fill(trackingNo);
    await page.getByLabel('手机号码').fill(MOBILE);
    await page.getByRole('button', { name: /^查\s*询$/ }).click();
    await seen(page.getByText('待审核'));
  });

  it('晋江 county approves it', { timeout: 120_000 }, async () => {
    const page = await platform.newPage();
    await signIn(page, 'county.jinjiang');
    await page.goto('/onboarding/registrations?status=pending');
    const row = page.getByRole('row', { name: new RegExp(ORG.replace(/[()（）]/g, '.')) });
    await seen(row);
    await shot(page, 'onboarding-02-review-list');
    await row.getByRole('button', { name: '审核' }).click();
    await seen(page.getByRole('link', { name: /查看材料/ }));
    await seen(page.getByText('新增主体'));
    await page.getByRole('button', { name: /^通\s*过$/ }).click();
    await dialog(page).getByRole('button', { name: ok }).click();
    await seen(page.locator('.ant-drawer').getByText('已通过'));
    await shot(page, 'onboarding-03-approved');
  });

  it('the contact signs in as unit administrator and opens a 申报员 account', {
    timeout: 120_000,
  }, async () => {
    const page = await platform.newPage();
    await signIn(page, ADMIN, ADMIN_PASSWORD);
    await page.goto('/org-accounts');
    await page.getByRole('button', { name: '新增账号' }).click();
    const d = dialog(page);
    await d.getByLabel('姓名').fill('李申报');
    await d.getByLabel('登录用户名').fill(APPLICANT);
    await d.getByRole('button', { name: ok }).click();
    const password = ((await page.getByTestId('initial-password').textContent()) ?? '').trim();
    expect(password.length).toBeGreaterThan(12);
    await shot(page, 'onboarding-04-initial-password');
    await dialog(page)
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /关\s*闭/ })
      .click();
    await seen(page.getByRole('row', { name: new RegExp(APPLICANT) }));

    // The 申报员 signs in with the first password, sets its own, and opens an open call's form.
    const applicant = await platform.newPage();
    await signIn(applicant, APPLICANT, password);
    await applicant.getByLabel('当前密码').fill(password);
    await applicant.getByLabel('新密码', { exact: true }).fill(APPLICANT_PASSWORD);
    await applicant.getByLabel('确认新密码').fill(APPLICANT_PASSWORD);
    await applicant.getByRole('button', { name: /^保\s*存$/ }).click();
    await seen(applicant.getByText('密码已修改'));
    await applicant.goto('/projects/open-calls');
    const call = applicant.getByRole('row', { name: /燎原计划项目申报指南/ }).first();
    await call.getByRole('link', { name: '立即申报' }).click();
    await dialog(applicant)
      .getByRole('button', { name: /^创\s*建$/ })
      .click();
    await applicant.waitForURL(/\/projects\/my-applications\/[0-9a-f-]{36}$/);
    // Prefilled from the record approval created (一企一档).
    await expect.poll(() => applicant.getByLabel('申报单位').inputValue()).toBe(ORG);
    await shot(applicant, 'onboarding-05-application');
  });
});
