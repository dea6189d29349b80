import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seen, signIn, startPlatform } from './harness';

const platform = startPlatform();
const SHOTS = path.resolve('test-results/screenshots');

/** Waits until the list has answered and drawn its rows. */
async function settled(page: Page) {
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => {});
  await page.locator('tbody tr.ant-table-row').first().waitFor();
}

/**
 * How the list sits on a 1366-px screen: whether its table scrolls sideways, and whether the
 * pinned actions column overlaps the column before it.
 */
async function layout(page: Page) {
  return page.evaluate(() => {
    const content = document.querySelector('.ant-table-content, .ant-table-body') as HTMLElement | null;
    const row = document.querySelector('tbody tr.ant-table-row');
    const cells = row ? Array.from(row.querySelectorAll('td')) : [];
    const last = cells.at(-1)?.getBoundingClientRect();
    const before = cells.at(-2)?.getBoundingClientRect();
    return {
      overflow: content ? content.scrollWidth - content.clientWidth : 0,
      covers: last && before ? before.right - last.left : 0,
      headers: Array.from(document.querySelectorAll('thead th')).map((th) => th.textContent?.trim() ?? ''),
    };
  });
}

describe('lists keep their place and fit a 1366-px screen', () => {
  it('going back from a record keeps the list keyword, filters and page', async () => {
    const page = await platform.newPage();
    await signIn(page, 'staff');
    await page.goto('/registry/orgs');
    await settled(page);
    await page.getByPlaceholder('石墨烯、晋江 鞋、单位名称片段或统一社会信用代码').fill('鞋');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=%E9%9E%8B/);
    await settled(page);
    await page.locator('.ant-pagination-item-2').click();
    await page.waitForURL(/page=2/);
    await settled(page);
    // The first page stays on screen until the second arrives: wait for row 21.
    await expect
      .poll(
        async () => (await page.locator('tbody tr.ant-table-row').first().innerText()).trim().split(/\s/)[0],
      )
      .toBe('21');
    const before = await page.locator('tbody tr.ant-table-row').allInnerTexts();
    await page.getByRole('link', { name: /鞋/ }).first().click();
    await page.waitForURL(/\/registry\/orgs\/[0-9a-f-]{36}/);
    await seen(page.getByText(/统一社会信用代码/));
    await page.goBack();
    await page.waitForURL(/\/registry\/orgs\?.*q=%E9%9E%8B.*page=2/);
    await settled(page);
    await expect
      .poll(() => page.getByPlaceholder('石墨烯、晋江 鞋、单位名称片段或统一社会信用代码').inputValue())
      .toBe('鞋');
    await expect.poll(() => page.locator('tbody tr.ant-table-row').allInnerTexts()).toEqual(before);
    expect(await page.locator('.ant-pagination-item-active').textContent()).toBe('2');
  });

  it('the qualification list keeps its state filter when going back from a holder', async () => {
    const page = await platform.newPage();
    await signIn(page, 'staff');
    await page.goto('/registry/qualifications?status=valid');
    await settled(page);
    await page.locator('tbody tr.ant-table-row a').first().click();
    await page.waitForURL(/\/registry\/orgs\/[0-9a-f-]{36}/);
    await page.goBack();
    await page.waitForURL(/\/registry\/qualifications\?status=valid/);
    await settled(page);
    await seen(page.getByRole('search').getByText('有效', { exact: true }));
  });

  it('the user list keeps its keyword when going back from another page', async () => {
    const page = await platform.newPage();
    await signIn(page, 'sysadmin');
    await page.goto('/admin/users');
    await settled(page);
    await page.getByPlaceholder('用户名或姓名').fill('demo');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/users\?.*q=demo/);
    await settled(page);
    const before = await page.locator('tbody tr.ant-table-row').allInnerTexts();
    await page.goto('/admin/departments');
    await settled(page);
    await page.goBack();
    await page.waitForURL(/\/admin\/users\?.*q=demo/);
    await settled(page);
    await expect.poll(() => page.getByPlaceholder('用户名或姓名').inputValue()).toBe('demo');
    await expect.poll(() => page.locator('tbody tr.ant-table-row').allInnerTexts()).toEqual(before);
  });

  it('the audit log filters by operation name, never showing a code in the filter', async () => {
    const page = await platform.newPage();
    await signIn(page, 'auditadmin');
    await page.goto('/admin/audit');
    await settled(page);
    const filter = page.getByRole('search');
    await seen(filter.getByText('选择或输入操作名称'));
    await expect.poll(() => filter.innerText()).not.toMatch(/[a-z]+\.[a-z-]+/);
    await filter.getByRole('combobox', { name: '操作' }).fill('登录');
    await page.locator('.ant-select-item-option[title="登录"]').click();
    await filter.getByRole('button', { name: /查\s?询/ }).click();
    await page.waitForURL(/action=auth\.login/);
    await settled(page);
    await seen(filter.getByText('登录', { exact: true }));
    await expect.poll(() => filter.innerText()).not.toMatch(/auth\.login/);
  });

  const pages: { user: string; url: string; name: string }[] = [
    { user: 'staff', url: '/registry/orgs', name: 'orgs' },
    { user: 'staff', url: '/registry/qualifications', name: 'qualifications' },
    { user: 'staff', url: '/registry/expiry?expiresWithin=180&validOn=2017-06-30', name: 'expiry' },
    { user: 'staff', url: '/registry/parks', name: 'parks' },
    { user: 'staff', url: '/registry/cultivation?year=2016&margin=5', name: 'cultivation' },
    { user: 'staff', url: '/projects/calls', name: 'calls' },
    { user: 'staff', url: '/projects/manage?tab=list', name: 'manage' },
    { user: 'enterprise.demo', url: '/projects/open-calls', name: 'open-calls' },
    { user: 'sysadmin', url: '/admin/users', name: 'users' },
    { user: 'sysadmin', url: '/admin/departments', name: 'departments' },
    { user: 'secadmin', url: '/admin/role-grants', name: 'role-grants' },
    { user: 'secadmin', url: '/admin/sessions', name: 'sessions' },
    { user: 'auditadmin', url: '/admin/audit', name: 'audit' },
    { user: 'staff', url: '/plan/reported', name: 'reported' },
    { user: 'staff', url: '/projects/experts', name: 'experts' },
    { user: 'staff', url: '/contracts', name: 'contracts' },
    { user: 'staff', url: '/market/achievements', name: 'achievements' },
    { user: 'staff', url: '/ip/patents', name: 'patents' },
  ];
  for (const p of pages) {
    it(`${p.name}: 序号 and 列设置, no sideways scrolling, actions beside the data`, async () => {
      const page = await platform.newPage();
      await page.setViewportSize({ width: 1366, height: 768 });
      await signIn(page, p.user);
      await page.goto(p.url);
      await settled(page);
      await page.screenshot({ path: path.join(SHOTS, `list-${p.name}-1366.png`) });
      const { overflow, covers, headers } = await layout(page);
      expect(headers).toContain('序号');
      await seen(page.getByRole('button', { name: '列设置' }));
      expect(overflow, `${p.name} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
      if (headers.includes('操作'))
        expect(covers, `${p.name}: the actions column covers ${covers}px`).toBeLessThanOrEqual(0);
      // Every link or button in the table is on the screen.
      const rights = await page
        .locator('tbody tr.ant-table-row')
        .first()
        .locator('a, button')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
      for (const right of rights) expect(right).toBeLessThanOrEqual(1366);
    });
  }
});
