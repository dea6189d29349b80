/**
 * 科技计划项目 from the call to 结题, in the browser, as each role that takes part: staff publish a
 * call; the demo enterprise applies (prefilled from the registry, a file attached, the eligibility
 * check) and submits; its county returns it with a reason and, once corrected, recommends it; staff
 * pass the formal review, draw the panel and appoint the demo expert with a reason; the expert
 * declares no conflict and scores; staff close the review and propose funding; the leader approves;
 * staff publish it for publicity, which runs for working days — so 立项 is not offered yet. The rest
 * of the lifecycle continues on demo projects whose time has come: a 2017 project whose publicity
 * is over is established, and the demo institute's established project goes through its task
 * contract, payments, mid-term check, acceptance and closure.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { menuLabels, seen, signIn, startPlatform } from './harness';

const platform = startPlatform();
const SHOTS = process.env.KC_SHOTS;

const YEAR = new Date().getFullYear();
const CALL = `${YEAR}年度泉州市燎原计划项目申报指南（第二批）`;
const TITLE = '鞋底再生橡胶低温硫化工艺技术改造';
const RETURN_REASON = '信用承诺书未加盖单位公章，项目简介缺少预期经济效益，请补充后重新提交';
const DEMO_EXPERT = '杨丽（演示专家）';
/** A 2017 project of the demo data whose publicity ended long ago, and the demo institute's project. */
const PUBLICITY_OVER = '微波陶瓷介质核心技术揭榜攻关';
const INSTITUTE_PROJECT = '高性能鞋材再生循环利用技术攻关';
/** A one-page PDF with a line of text, so the expert's in-page preview shows a real page. */
function onePagePdf(text: string): Buffer {
  const stream = `BT /F1 24 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, o] of objects.entries()) {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
const PDF = onePagePdf('Project proposal: low-temperature vulcanisation of recycled sole rubber');

const menu = (page: Page) => page.getByRole('navigation', { name: '主菜单' });
/** The dialog on top (a confirmation opens over a form). */
const dialog = (page: Page) => page.locator('.ant-modal-wrap:visible .ant-modal').last();
const option = (page: Page, title: string) =>
  page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: true }).click();

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function as(username: string): Promise<Page> {
  const page = await platform.newPage();
  await signIn(page, username);
  return page;
}

/** Opens a page from the side menu, expanding the 科技计划项目 group when it is one. */
async function open(page: Page, label: string) {
  const nav = menu(page);
  await nav.getByRole('menuitem').first().waitFor();
  // An entry with work waiting carries its count (a badge) after the label.
  const item = nav.getByRole('menuitem').filter({ hasText: new RegExp(`^${label}\\s*\\d*$`) });
  if (!(await item.isVisible())) await nav.getByText('科技计划项目', { exact: true }).click();
  await item.click();
}

/** Confirms the pop-up confirmation of an action (确定…？) with its button. */
async function confirm(page: Page, button: string) {
  const ok = dialog(page).getByRole('button', { name: button, exact: true });
  await ok.click();
  // On a loaded machine a click landing while the dialog still opens can be lost, leaving it open
  // with nothing sent: click again while it stays open and idle (a sent action shows the button
  // loading, and antd ignores clicks on a loading button).
  for (let i = 0; i < 3; i++) {
    if (
      await ok.waitFor({ state: 'hidden', timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
    if (!(await ok.getAttribute('class'))?.includes('ant-btn-loading')) await ok.click().catch(() => {});
  }
}

/** 提交 asks for the 承诺书 first: it cannot be sent until the applicant ticks it. */
async function submitWithDeclaration(page: Page) {
  await page.getByRole('button', { name: '提交', exact: true }).click();
  const d = dialog(page);
  await seen(d.getByText('申报承诺书'));
  expect(await d.getByRole('button', { name: '确认并提交' }).isDisabled()).toBe(true);
  await d.getByRole('checkbox', { name: '本单位已阅读并同意上述承诺' }).check();
  await d.getByRole('button', { name: '确认并提交' }).click();
}

async function stateIs(page: Page, state: string) {
  await seen(page.locator('.ant-tag').filter({ hasText: new RegExp(`^${state}$`) }));
}

/** The notifications page from the menu; the one entry every role has. */
async function notifications(page: Page) {
  const labels = await menuLabels(page);
  expect(labels.filter((l) => l === '通知')).toHaveLength(1);
  await open(page, '通知');
  await seen(page.getByRole('heading', { name: '通知' }));
}

describe('S&T plan projects, from the call to closure, as every role', () => {
  let applicationUrl = '';

  // The first step meets a freshly started platform (cold caches, first bundle loads): more time.
  it('staff publish a call with its rules, rubric, panel size and publicity', {
    timeout: 120_000,
  }, async () => {
    const page = await as('staff');
    await open(page, '申报指南');
    await page.getByRole('button', { name: '新建指南' }).click();
    const d = dialog(page);
    // The programmes load with the dialog: pick again until the choice shows.
    await expect
      .poll(async () => {
        const chosen = d.locator('.ant-select-content[title="燎原计划"]');
        if ((await chosen.count()) === 0) {
          await d.getByLabel('计划类别').click();
          await option(page, '燎原计划');
        }
        return chosen.count();
      })
      .toBe(1);
    await d.getByLabel('指南名称').fill(CALL);
    const [from, to] = [
      d.locator('.ant-picker-range input').first(),
      d.locator('.ant-picker-range input').last(),
    ];
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await from.click();
    await from.fill(`${day(-1)} 08:00`);
    await from.press('Enter');
    await to.fill(`${day(30)} 17:30`);
    await to.press('Enter');
    await d.getByLabel('预算').fill('200');
    await d.getByLabel('单项资助上限').fill('30');
    await d.getByLabel('每项评审专家数').fill('1');
    await d.getByLabel('公示工作日').fill('5');
    await d.getByRole('button', { name: '添加申报条件' }).click();
    await d.getByLabel('条件类型').click();
    await option(page, '所在地区为');
    const regions = d.locator('.ant-select').filter({ has: page.getByLabel('所在地区为') });
    for (const county of ['晋江市', '南安市'])
      await expect
        .poll(async () => {
          const tag = regions.locator(`[title="${county}"]`);
          if ((await tag.count()) === 0) {
            await d.getByLabel('所在地区为').click();
            await option(page, county);
          }
          return tag.count();
        })
        .toBe(1);
    await page.keyboard.press('Escape');
    await shot(page, '01-staff-call-form');
    await d.getByRole('button', { name: '创建' }).click();
    await seen(page.getByText('指南已创建'));
    await seen(page.getByRole('row', { name: new RegExp(CALL) }).getByText('申报中'));
    await shot(page, '02-staff-calls');
  });

  it('the enterprise applies: prefilled, a file attached, eligibility checked, submitted', async () => {
    const page = await as('enterprise.demo');
    await open(page, '申报指南');
    await page
      .getByRole('row', { name: new RegExp(CALL) })
      .getByRole('link', { name: '立即申报' })
      .click();
    await dialog(page).getByRole('button', { name: '创建' }).click();
    await page.waitForURL(/\/projects\/my-applications\/[0-9a-f-]{36}$/);
    applicationUrl = new URL(page.url()).pathname.replace('/my-applications/', '/applications/');
    // Prefilled from the registry (一企一档).
    await expect.poll(() => page.getByLabel('申报单位').inputValue()).toBe('泉州示范鞋业科技有限公司');
    await expect.poll(() => page.getByLabel('统一社会信用代码').inputValue()).toMatch(/^[0-9A-Z]{18}$/);
    await page.getByLabel('项目名称').fill(TITLE);
    await page.getByLabel('技术领域').click();
    await option(page, '先进制造与自动化');
    await page.getByLabel('申请金额').fill('30');
    await page.getByLabel('项目简介').fill('采用低温硫化工艺回收利用鞋底边角料，降低能耗。');
    await seen(page.getByText(/已自动保存/));
    // The file is missing: the check says so and 提交 waits for it.
    await seen(page.getByText('缺少必需附件：项目申报书').first());
    expect(await page.getByRole('button', { name: '提交', exact: true }).isDisabled()).toBe(true);
    await shot(page, '03-enterprise-draft');
    await page
      .getByRole('row', { name: /项目申报书/ })
      .locator('input[type=file]')
      .setInputFiles({ name: '项目申报书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await seen(page.getByText('已上传 项目申报书.pdf'));
    await seen(page.getByText('符合申报条件，必需附件齐全'));
    await submitWithDeclaration(page);
    await stateIs(page, '已提交（待推荐）');
    await seen(page.getByText('下一步：等待县（市、区）科技局推荐'));
    // The applicant may withdraw, never recommend.
    await seen(page.getByRole('button', { name: '撤回' }));
    expect(await page.getByRole('button', { name: '推荐' }).count()).toBe(0);
    // The 申报书 of what was sent, with its hash, to download instead of printing and stamping.
    await seen(page.getByText(/^第 1 次提交：/));
    const code = page.locator('.ant-typography code').filter({ hasText: /^[0-9a-f]{64}$/ });
    const hash = ((await code.textContent()) ?? '').trim();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载申报书（Word）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${TITLE}-申报书.docx`);
    const verified = await page.evaluate(
      async (h) => (await fetch(`/api/v1/public/projects/submissions/${h}`)).json(),
      hash,
    );
    expect(verified).toMatchObject({ applicationTitle: TITLE, seq: 1, latest: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, '04-enterprise-submitted');
    // The call's limit (one per applicant) is used: 立即申报 is no longer offered, and the list says why.
    await open(page, '申报指南');
    const row = page.getByRole('row', { name: new RegExp(CALL) });
    await seen(row.getByText('已达限报数（已报 1 项）'));
    expect(await row.getByRole('link', { name: '立即申报' }).count()).toBe(0);
    await shot(page, '04b-enterprise-calls-limit');
  });

  it('another county neither sees the application nor may act on it', async () => {
    const page = await as('county.nanan');
    await open(page, '待推荐');
    await seen(page.locator('tbody tr.ant-table-row'));
    expect(await page.getByText(TITLE).count()).toBe(0);
    await page.goto(applicationUrl);
    await seen(page.getByText('申报不存在或您无权查看'));
  });

  it('the county is told, and returns it with a reason', async () => {
    const page = await as('county.jinjiang');
    await notifications(page);
    await seen(page.getByText(`「${TITLE}」已提交，请审核推荐或退回`));
    await shot(page, '05-county-notifications');
    await open(page, '待推荐');
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await row.getByRole('button', { name: '退回' }).click();
    await dialog(page).getByLabel('理由').fill(RETURN_REASON);
    await shot(page, '06-county-return');
    await dialog(page).getByRole('button', { name: '退回' }).click();
    await seen(page.getByText('已退回'));
    await expect.poll(() => page.getByRole('row', { name: new RegExp(TITLE) }).count()).toBe(0);
  });

  it('the enterprise reads why, corrects and resubmits', async () => {
    const page = await as('enterprise.demo');
    await notifications(page);
    const note = page.getByRole('listitem').filter({ hasText: `「${TITLE}」已退回修改：${RETURN_REASON}` });
    await note.getByRole('button', { name: '查看' }).click();
    await stateIs(page, '已退回修改');
    await seen(page.getByText(`退回意见（县(市、区)科技局）：${RETURN_REASON}`));
    await shot(page, '07-enterprise-returned');
    await page
      .getByLabel('项目简介')
      .fill('采用低温硫化工艺回收利用鞋底边角料，年节约原料 300 吨，预期新增产值 800 万元。');
    await seen(page.getByText(/已自动保存/));
    await submitWithDeclaration(page);
    await stateIs(page, '已提交（待推荐）');
    await seen(page.getByText(/^第 2 次提交：/));
  });

  it('the county recommends it', async () => {
    const page = await as('county.jinjiang');
    await open(page, '待推荐');
    await page
      .getByRole('row', { name: new RegExp(TITLE) })
      .getByRole('button', { name: '推荐' })
      .click();
    await confirm(page, '推荐');
    await seen(page.getByText('已推荐'));
  });

  it('staff pass the formal review, draw the panel and appoint the demo expert with a reason', {
    timeout: 90_000,
  }, async () => {
    const page = await as('staff');
    await open(page, '项目管理');
    await page.getByLabel('指南名称').click();
    await option(page, `${YEAR} · ${CALL}`);
    await page.getByRole('tab', { name: '项目列表' }).click();
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await seen(row.getByText('已推荐（待形式审查）'));
    await row.getByRole('button', { name: '形式审查通过' }).click();
    await confirm(page, '形式审查通过');
    await seen(row.getByText('专家评审中'));
    await page.getByRole('tab', { name: '专家抽取' }).click();
    await page.getByRole('button', { name: '抽取专家' }).click();
    await confirm(page, '抽取专家');
    await seen(page.getByText('全部项目专家已足额'));
    await shot(page, '08-staff-draw');

    await page.goto(`${applicationUrl}?tab=scores`);
    const drawn = page.locator('tbody tr.ant-table-row').first();
    await drawn.getByRole('button', { name: '更换专家' }).click();
    const d = dialog(page);
    await d.getByLabel('理由').fill('原抽取专家近期出国，无法按期评审');
    await d.getByLabel('替补专家').click();
    await page.keyboard.type('杨丽');
    await page.locator('.ant-select-dropdown:visible').getByText(DEMO_EXPERT).click();
    await shot(page, '09-staff-replace');
    await d.getByRole('button', { name: '更换专家' }).click();
    await seen(page.getByText(`已更换为 ${DEMO_EXPERT}`));
    await seen(page.getByRole('row', { name: new RegExp(DEMO_EXPERT) }).getByText('待确认'));
    await seen(page.getByText('原抽取专家近期出国，无法按期评审'));
    await shot(page, '10-staff-panel');
  });

  it('staff see the account each expert reviews with, and one account serves one expert', async () => {
    const page = await as('staff');
    await open(page, '专家库');
    await page.getByLabel('关键词').fill('杨丽');
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.getByRole('row', { name: new RegExp(DEMO_EXPERT.replace(/[（）]/g, '.')) });
    await seen(row.getByText('expert.demo'));
    await row.getByRole('button', { name: '编辑' }).click();
    await seen(dialog(page).getByText(/关联后，专家用此账号登录/));
    await seen(dialog(page).locator('.ant-select-content[title^="expert.demo"]'));
    await shot(page, '10b-staff-expert-account');
    await dialog(page).getByRole('button', { name: '取消' }).click();
    // A new expert cannot take an account that already serves another.
    await page.getByRole('button', { name: '新增专家' }).click();
    await dialog(page).getByLabel('专家账号').click();
    const taken = page.locator('.ant-select-dropdown:visible .ant-select-item-option-disabled');
    await seen(taken.getByText(`expert.demo（评审专家（演示）） · 已关联：${DEMO_EXPERT}`));
    await page.keyboard.press('Escape');
    await dialog(page).getByRole('button', { name: '取消' }).click();
  });

  it('the expert is told, declares no conflict, scores each criterion and submits', async () => {
    const page = await as('expert.demo');
    await notifications(page);
    await seen(page.getByText('您有 1 个新的项目评审任务'));
    await open(page, '评审任务');
    await page.getByRole('link', { name: TITLE }).click();
    await seen(page.getByText('请先作无利益冲突声明，再评分'));
    await shot(page, '11-expert-review');
    await page.getByRole('button', { name: '无利益冲突声明' }).click();
    await seen(page.getByText('已声明无利益冲突，可以评分'));
    // The whole application beside the score sheet, and the PDF shown in the page.
    await page.setViewportSize({ width: 1366, height: 768 });
    await seen(page.getByText('采用低温硫化工艺回收利用鞋底边角料，年节约原料 300 吨').first());
    await page.getByRole('tab', { name: /^附件/ }).click();
    const preview = page.getByTestId('attachment-preview');
    await seen(preview);
    const src = (await preview.getAttribute('src')) ?? '';
    expect(src).toMatch(/\/reviews\/[0-9a-f-]{36}\/attachments\/[0-9a-f-]{36}$/);
    const served = await page.evaluate(async (u) => {
      const r = await fetch(u);
      return {
        status: r.status,
        type: r.headers.get('content-type'),
        disposition: r.headers.get('content-disposition'),
      };
    }, src);
    expect(served).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(served.disposition).toMatch(/^inline;/);
    await page.getByRole('tab', { name: '单位档案' }).click();
    await seen(page.getByText('泉州示范鞋业科技有限公司').first());
    await page.getByRole('tab', { name: /^附件/ }).click();
    await shot(page, '11b-expert-reads-application');
    // A score above the maximum is refused with a message naming the criterion, not cut down.
    await page.getByLabel('技术创新性').fill('45');
    await page.getByLabel('技术创新性').blur();
    await seen(page.getByText('「技术创新性」的得分应在 0 到 40 之间'));
    expect(await page.getByLabel('技术创新性').inputValue()).toBe('45.0');
    await shot(page, '11c-expert-over-max');
    await page.getByLabel('技术创新性').fill('34');
    await page.getByLabel('实施可行性').fill('25');
    await page.getByLabel('经济社会效益').fill('26');
    await page.getByLabel('评审意见').fill('工艺路线成熟，节能降耗效果明显，建议支持。');
    await seen(page.getByText('合计 85 / 100'));
    await page.getByRole('button', { name: '提交评分' }).click();
    await confirm(page, '提交评分');
    await seen(page.getByText('评分已提交'));
    await shot(page, '12-expert-submitted');
  });

  it('staff close the review and propose funding within the cap', async () => {
    const page = await as('staff');
    await page.goto(applicationUrl);
    await page.getByRole('button', { name: '结束评审' }).click();
    await confirm(page, '结束评审');
    await stateIs(page, '评审完成');
    await seen(page.getByText('85.00').first());
    await page.getByRole('button', { name: '拟立项' }).click();
    const d = dialog(page);
    await d.getByLabel('拟资助金额').fill('40');
    await d.getByRole('button', { name: '拟立项' }).click();
    await seen(d.getByText('超过单项资助上限 30.00 万元'));
    await d.getByLabel('拟资助金额').fill('25');
    await d.getByRole('button', { name: '拟立项' }).click();
    await stateIs(page, '拟立项（待领导审批）');
    // Staff propose; only the leader approves.
    expect(await page.getByRole('button', { name: '批准', exact: true }).count()).toBe(0);
    await shot(page, '13-staff-proposed');
  });

  it('the leader approves', async () => {
    const page = await as('leader');
    await open(page, '待审批');
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await seen(row.getByText('25.00 万元'));
    await shot(page, '14-leader-approvals');
    await row.getByRole('button', { name: '批准', exact: true }).click();
    await confirm(page, '批准');
    await seen(page.getByText('已批准'));
  });

  it('staff publish it for publicity; 立项 waits for the period to end', async () => {
    const page = await as('staff');
    await page.goto(applicationUrl);
    await page.getByRole('button', { name: '公示', exact: true }).click();
    await confirm(page, '公示');
    await stateIs(page, '公示中');
    await seen(page.getByText(/下一步：公示期至 \d{4}-\d{2}-\d{2}，期满无异议后方可立项/));
    expect(await page.getByRole('button', { name: '立项', exact: true }).count()).toBe(0);
    await shot(page, '15-staff-publicity');
  });

  it('the enterprise sees the approval and the publicity', async () => {
    const page = await as('enterprise.demo');
    await notifications(page);
    await seen(page.getByText(`「${TITLE}」已批准（待公示）`));
    await open(page, '我的申报');
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await seen(row.getByText('公示中'));
    await shot(page, '16-enterprise-mine');
  });

  it('staff establish a project whose publicity is over', async () => {
    const page = await as('staff');
    await open(page, '项目管理');
    await page.getByLabel('关键词').fill(PUBLICITY_OVER);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: PUBLICITY_OVER }).click();
    await page.waitForURL(/\/projects\/applications\/[0-9a-f-]{36}/);
    // The route changes before the record's page has replaced the list (whose rows have buttons too).
    await seen(page.getByRole('tab', { name: '办理记录' }));
    await seen(page.getByText(/公示期已于 \d{4}-\d{2}-\d{2} 届满/));
    await page.getByRole('button', { name: '立项', exact: true }).click();
    await confirm(page, '立项');
    await stateIs(page, '已立项（待签任务书）');
  });

  it('the institute’s project: task contract, payments, mid-term check, acceptance, closure', {
    timeout: 120_000,
  }, async () => {
    const staff = await as('staff');
    await open(staff, '项目管理');
    await staff.getByLabel('关键词').fill(INSTITUTE_PROJECT);
    await staff.getByRole('button', { name: '查询' }).click();
    await staff.getByRole('link', { name: INSTITUTE_PROJECT }).click();
    await staff.waitForURL(/\/projects\/applications\/[0-9a-f-]{36}/);
    // The route changes before the record's page has replaced the list (whose rows have buttons too).
    await seen(staff.getByRole('tab', { name: '办理记录' }));
    const projectUrl = new URL(staff.url()).pathname;
    await staff.getByRole('button', { name: '签订任务书' }).click();
    const end = `${YEAR + 2}-12-31`;
    await dialog(staff).getByLabel('项目结束日期（任务书约定）').fill(end);
    await staff.keyboard.press('Tab');
    await dialog(staff).getByRole('button', { name: '签订任务书' }).click();
    await stateIs(staff, '执行中');
    await staff.getByRole('tab', { name: /拨款/ }).click();
    for (const amount of ['80', '40']) {
      await staff.getByRole('button', { name: '登记拨款' }).click();
      await dialog(staff).getByLabel('金额').fill(amount);
      await dialog(staff).getByRole('button', { name: '保存' }).click();
      await seen(staff.getByRole('cell', { name: `${amount}.00 万元` }));
    }
    await seen(staff.getByText('已拨付：120.00 万元'));
    await shot(staff, '17-staff-payments');
    await staff.getByRole('button', { name: '中期检查通过' }).click();
    await confirm(staff, '中期检查通过');
    await seen(staff.getByText('已中期检查通过'));

    const institute = await as('institution.demo');
    await open(institute, '我的申报');
    await institute.getByRole('link', { name: INSTITUTE_PROJECT }).first().click();
    await institute.waitForURL(/\/projects\/my-applications\/[0-9a-f-]{36}/);
    await stateIs(institute, '执行中');
    await institute
      .getByRole('row', { name: /验收材料/ })
      .locator('input[type=file]')
      .setInputFiles({ name: '结题报告.pdf', mimeType: 'application/pdf', buffer: PDF });
    await seen(institute.getByText('已上传 结题报告.pdf'));
    await institute.getByRole('button', { name: '提交验收材料' }).click();
    await confirm(institute, '提交验收材料');
    await stateIs(institute, '待验收');
    await shot(institute, '18-institute-final');

    await staff.goto(projectUrl);
    await staff.getByRole('button', { name: '验收通过（结题）' }).click();
    await confirm(staff, '验收通过（结题）');
    await stateIs(staff, '已结题');
    await seen(staff.getByText('下一步：流程已结束'));
    await shot(staff, '19-staff-closed');

    await notifications(institute);
    await seen(institute.getByText(`「${INSTITUTE_PROJECT}」已结题`));
    await shot(institute, '20-institute-notifications');
  });
});
