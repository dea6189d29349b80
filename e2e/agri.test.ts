import { describe, expect, it } from 'vitest';
import { demoPhoto } from '../src/server/modules/agri/demo-build';
import { seen, signIn, startPlatform } from './harness';

const platform = startPlatform();
const PHOTO = demoPhoto(`journey-${Date.now()}`, [40, 160, 60]);
const WORK = `指导春茶病虫害绿色防控（${Date.now().toString(36)}）`;

describe('科技特派员 service logs as their users work with them', () => {
  it('a commissioner logs a visit on a phone, the cooperative confirms it, the county sees a reused photo flagged', {
    timeout: 240_000,
  }, async () => {
    const phone = await platform.newPage();
    await phone.setViewportSize({ width: 375, height: 740 });
    await signIn(phone, 'commissioner.demo');
    const logVisit = async (content: string) => {
      await phone.goto('/agri/log-visit');
      await seen(phone.getByText('填报服务记录').first());
      await seen(phone.getByText('晋江市示范茶叶专业合作社'));
      await phone.getByLabel('地点').fill('合作社茶园');
      await phone.getByLabel('服务内容').fill(content);
      await phone
        .locator('input[type=file]')
        .setInputFiles({ name: '茶园.png', mimeType: 'image/png', buffer: PHOTO });
      await seen(phone.getByText('茶园.png'));
      await phone.getByRole('button', { name: /^提\s*交$/ }).click();
      await seen(phone.getByText('已提交，等待服务对象确认'), 30_000);
    };
    await logVisit(WORK);
    // The form's card fits the phone's width (the app's header is the layout's, not this page's).
    const card = await phone.locator('.ant-card').first().boundingBox();
    expect((card?.x ?? 0) + (card?.width ?? 999)).toBeLessThanOrEqual(375);
    await phone.getByRole('link', { name: '查看' }).click();
    await phone.waitForURL(/\/agri\/service-logs\/[0-9a-f-]{36}$/);
    const path = new URL(phone.url()).pathname;
    // The same photo again: the check flags it at once.
    await logVisit(`${WORK}（复核）`);
    await seen(phone.getByTestId('visit-flags').getByText('照片重复使用'));

    const coop = await platform.newPage();
    await signIn(coop, 'coop.demo');
    await coop.goto(path);
    await seen(coop.getByText(WORK));
    await coop.getByRole('button', { name: '确认服务' }).click();
    await seen(coop.getByText('已确认该服务记录'));
    await seen(coop.getByText('已确认', { exact: true }));

    const county = await platform.newPage();
    await signIn(county, 'county.jinjiang');
    await county.goto('/agri/service-logs?flag=photo_reuse');
    const row = county.getByRole('row').filter({ hasText: `${WORK}（复核）` });
    await seen(row.getByText('照片重复使用'));
    await county.goto(path);
    await seen(county.getByText(WORK));
    await seen(county.getByText('已确认', { exact: true }));
  });
});
