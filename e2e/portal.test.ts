import { describe, expect, it } from 'vitest';
import { seen, signIn, startPlatform } from './harness';

const platform = startPlatform();

/**
 * A visitor, without signing in, opens the portal, reads an open call and downloads its guide,
 * lodges an objection to a 公示 in its window; staff see it, answer it, and the visitor reads the
 * answer with the tracking number.
 */
describe('the public portal as a visitor and as staff use it', () => {
  it('reads a call, downloads its guide, objects to a notice and gets the answer', async () => {
    const visitor = await platform.newPage();
    await visitor.goto('/');
    await seen(visitor.getByRole('link', { name: '泉州市科技创新服务平台' }));
    await seen(visitor.getByRole('link', { name: '登录' }));

    // An open call with its deadline, and its guide to download.
    const openCalls = visitor.locator('section', { has: visitor.getByRole('heading', { name: '正在申报' }) });
    await openCalls.getByRole('listitem').first().getByRole('link').click();
    await seen(visitor.getByRole('heading', { name: '申报指南下载' }));
    await seen(visitor.getByText('申报中'));
    const [download] = await Promise.all([
      visitor.waitForEvent('download'),
      visitor.getByRole('link', { name: /申报指南\.docx$/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/申报指南\.docx$/);

    // A 公示 in its window: lodge an objection.
    await visitor.getByRole('link', { name: '公示公告' }).click();
    await visitor.getByRole('listitem').filter({ hasText: '公示中' }).first().getByRole('link').click();
    await seen(visitor.getByRole('heading', { name: '公示名单' }));
    const contact = `139${String(Date.now()).slice(-8)}`;
    const reason = `该项目与已获资助项目内容重复${Date.now() % 10000}`;
    await visitor.getByLabel('姓名或单位名称').fill('王先生');
    await visitor.getByLabel('联系方式（手机或电子邮箱）').fill(contact);
    await visitor.getByLabel('异议理由').fill(reason);
    await visitor.getByRole('button', { name: '提交异议' }).click();
    const receipt = visitor.getByText(/异议已受理，受理编号 YY\d{8}[A-Z0-9]{6}/);
    await seen(receipt);
    const trackingNo = /YY\d{8}[A-Z0-9]{6}/.exec((await receipt.textContent()) ?? '')![0];

    // Staff find it among the open objections and answer it.
    const staff = await platform.newPage();
    await signIn(staff, 'staff');
    await staff.goto(`/portal/objections?q=${trackingNo}`);
    const row = staff.getByRole('row', { name: new RegExp(trackingNo) });
    await seen(row);
    await row.getByRole('button', { name: '答复' }).click();
    const dialog = staff.getByRole('dialog');
    await seen(dialog.getByText(reason));
    await seen(dialog.getByText(contact));
    await dialog.getByLabel('答复意见').fill('经核实，两项目研究内容不同，不属重复资助。');
    await dialog.getByRole('button', { name: '答复' }).click();
    await dialog.waitFor({ state: 'detached' });
    await seen(row.getByText('已答复'));

    // The visitor looks the answer up.
    await visitor.getByLabel('受理编号').fill(trackingNo);
    await visitor.getByLabel('联系方式', { exact: true }).fill(contact);
    await visitor.getByRole('button', { name: '查询' }).click();
    await seen(visitor.getByText('不属重复资助'));
    await seen(visitor.getByRole('cell', { name: '已答复' }));
  });

  it('works on a phone: the sections scroll, the statistics table scrolls within its box', async () => {
    const context = await platform.browser.newContext({
      baseURL: platform.baseUrl,
      viewport: { width: 375, height: 740 },
      locale: 'zh-CN',
    });
    const phone = await context.newPage();
    await phone.goto('/public/statistics');
    await seen(phone.getByRole('columnheader', { name: '泉州市' }));
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await context.close();
  });
});
