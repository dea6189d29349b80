import { describe, expect, it } from 'vitest';
import { seen, signIn, startPlatform } from './harness';

const platform = startPlatform();

/**
 * An enterprise posts a demand, staff publish it, a matched achievement appears with its reasons,
 * and the enterprise marks the match contacted.
 */
describe('technology market as its users work with it', () => {
  it('posts, publishes and follows up a demand through its matches', async () => {
    const title = `寻求石墨烯导热膜解决LED散热难题${Date.now() % 100000}`;
    const enterprise = await platform.newPage();
    await signIn(enterprise, 'enterprise.demo');
    await enterprise.goto('/market/demands');
    await enterprise.getByRole('button', { name: '发布需求' }).click();
    const dialog = enterprise.getByRole('dialog');
    await dialog.getByLabel('需求名称').fill(title);
    await dialog.getByLabel('技术领域').click();
    await enterprise.locator('.ant-select-item-option[title="石墨烯"]').click();
    await dialog
      .getByLabel('问题描述（用企业自己的话）')
      .fill('我们做LED灯具，石墨烯导热膜散热效果不稳定，想找高校一起解决。');
    await dialog.getByLabel('保密内容（仅科技局和本单位可见）').fill('现有供应商报价过高');
    await dialog
      .getByRole('button', { name: '创 建' })
      .or(dialog.getByRole('button', { name: '创建' }))
      .click();
    await dialog.waitFor({ state: 'detached' });

    await enterprise
      .getByRole('row', { name: new RegExp(title) })
      .getByRole('button', { name: '查看' })
      .click();
    await enterprise.getByRole('button', { name: '提交审核' }).click();
    await enterprise
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await seen(enterprise.getByText('待审核'));

    const staff = await platform.newPage();
    await signIn(staff, 'staff');
    await staff.goto(`/market/demands?q=${encodeURIComponent(title)}`);
    await staff
      .getByRole('row', { name: new RegExp(title) })
      .getByRole('button', { name: '查看' })
      .click();
    await seen(staff.getByText('现有供应商报价过高'));
    await staff.getByRole('button', { name: '审核发布' }).click();
    await staff
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await seen(staff.getByRole('heading', { name: '匹配的成果' }), 30_000);

    await enterprise.reload();
    await enterprise
      .getByRole('row', { name: new RegExp(title) })
      .getByRole('button', { name: '查看' })
      .click();
    const panel = enterprise.getByRole('region', { name: '匹配的成果' });
    const best = panel.getByRole('row', { name: /石墨烯导热膜/ }).first();
    await seen(best, 30_000);
    await seen(best.getByText(/共同关键词：.*导热膜/));
    await seen(best.getByText('同一技术领域：石墨烯'));
    await best.getByRole('button', { name: '标记已联系' }).click();
    // The follow-up moves on: the tag reads 已联系 and the next step is offered.
    await seen(best.getByRole('button', { name: '洽谈中' }), 30_000);
    expect(await best.getByText('已联系', { exact: true }).count()).toBe(1);
    expect(await best.getByRole('button', { name: '标记已联系' }).count()).toBe(0);
  });
});
