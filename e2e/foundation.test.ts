import { describe, expect, it } from 'vitest';
import { menuLabels, seen, signIn, startPlatform } from './harness';

const platform = startPlatform();

describe('sign-in and role menus', () => {
  it('refuses a wrong password with a message that does not say whether the user exists', async () => {
    const page = await platform.newPage();
    // A visitor's / is the public portal; its 登录 button leads to the sign-in form.
    await page.goto('/');
    await page.getByRole('link', { name: '登录' }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel('用户名').fill('leader');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await seen(page.getByText('用户名或密码错误'));
  });

  it('lands each role on a home page with only its menus', async () => {
    const expectations: Record<string, { has: string[]; lacks: string[] }> = {
      sysadmin: { has: ['用户管理', '部门管理'], lacks: ['审计日志', '角色与权限'] },
      secadmin: { has: ['角色与权限', '账户授权', '安全策略', '在线会话'], lacks: ['用户管理', '审计日志'] },
      auditadmin: { has: ['审计日志'], lacks: ['用户管理', '角色与权限'] },
      leader: { has: [], lacks: ['用户管理', '审计日志', '角色与权限'] },
      'county.jinjiang': { has: [], lacks: ['用户管理', '审计日志'] },
    };
    for (const [username, { has, lacks }] of Object.entries(expectations)) {
      const page = await platform.newPage();
      await signIn(page, username);
      const labels = await menuLabels(page);
      for (const label of has) expect(labels, username).toContain(label);
      for (const label of lacks) expect(labels, username).not.toContain(label);
      if (username === 'county.jinjiang') await seen(page.getByText(/晋江市/).first());
      await page.context().close();
    }
  });

  it('shows a 403 page, not the admin page, when a role opens a forbidden address', async () => {
    const page = await platform.newPage();
    await signIn(page, 'leader');
    await page.goto('/admin/users');
    await seen(page.getByText('抱歉，您没有访问此页面的权限。'));
  });

  it('switches to English, remembers it after a reload, and logs out', async () => {
    const page = await platform.newPage();
    await signIn(page, 'auditadmin');
    await page.getByRole('button', { name: 'English' }).click();
    await seen(page.getByRole('button', { name: 'Sign out' }));
    await page.reload();
    await seen(page.getByRole('button', { name: 'Sign out' }));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    const me = await page.request.get('/api/v1/auth/me');
    expect(me.status()).toBe(401);
  });

  it('lets the auditor see the verified chain and the sign-ins', async () => {
    const page = await platform.newPage();
    await signIn(page, 'auditadmin');
    await page.getByRole('navigation', { name: '主菜单' }).getByText('审计日志').click();
    await seen(page.getByTestId('audit-chain-status').getByText(/审计链校验通过/));
    await seen(page.getByRole('cell', { name: '登录', exact: true }).first());
  });

  it('lets sysadmin create a county account, secadmin grant its role, and the user change the first password', async () => {
    const page = await platform.newPage();
    await signIn(page, 'sysadmin');
    await page.getByRole('navigation', { name: '主菜单' }).getByText('用户管理').click();
    await page.getByRole('button', { name: /新增用户|新建用户|创建用户/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('county.shishi');
    await dialog.getByLabel('姓名').fill('石狮市科技局');
    // Typed rather than clicked: the dropdown's list scrolls while it opens.
    await dialog.getByLabel('所属县(市、区)').fill('石狮');
    await page.locator('.ant-select-dropdown:visible').getByTitle('石狮市', { exact: true }).waitFor();
    await dialog.getByLabel('所属县(市、区)').press('Enter');
    await dialog.getByRole('button', { name: /确\s*定|创\s*建|保\s*存/ }).click();
    // The first password is generated and shown once.
    const shown = page.getByTestId('initial-password');
    await seen(shown);
    const initialPassword = ((await shown.textContent()) ?? '').trim();
    // The dialog's footer button (its corner ✕ is named 关闭 too).
    await page
      .getByRole('dialog')
      .locator('.ant-modal-footer, .ant-modal-body')
      .getByRole('button', { name: /关\s*闭/ })
      .click();
    await seen(page.getByRole('cell', { name: 'county.shishi' }));

    const sec = await platform.newPage();
    await signIn(sec, 'secadmin');
    await sec.getByRole('navigation', { name: '主菜单' }).getByText('账户授权').click();
    const row = sec.getByRole('row', { name: /county\.shishi/ });
    await row.getByRole('combobox').click();
    await sec.locator('.ant-select-dropdown:visible').getByTitle('县(市、区)科技局', { exact: true }).click();
    await seen(sec.getByText(/角色设为/));

    const newcomer = await platform.newPage();
    await newcomer.goto('/login');
    await newcomer.getByLabel('用户名').fill('county.shishi');
    await newcomer.getByLabel('密码').fill(initialPassword);
    await newcomer.getByRole('button', { name: '登录' }).click();
    await newcomer.waitForURL(/change-password/);
    await newcomer.getByLabel('当前密码').fill(initialPassword);
    await newcomer.getByLabel('新密码', { exact: true }).fill('Shishi#Own2026x');
    await newcomer.getByLabel('确认新密码').fill('Shishi#Own2026x');
    await newcomer
      .getByRole('button', { name: /确\s*定|保\s*存|修改密码/ })
      .last()
      .click();
    await seen(newcomer.getByText(/石狮市/).first());
  });
});
