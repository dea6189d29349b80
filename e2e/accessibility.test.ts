/**
 * 信息无障碍: axe-core checks the main pages of every role in Chromium; no serious or critical
 * violation may remain. Each page is also photographed (test-results/screenshots/axe-*.png) and
 * the violations found are written to test-results/axe.json, for whoever fixes them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, signIn, startPlatform } from './harness';

const platform = startPlatform();
const AXE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
const OUT = path.resolve('test-results');

/** Each role's main pages: its home page and what it works in most. */
const PAGES: Record<string, string[]> = {
  sysadmin: ['/', '/admin/users', '/admin/departments'],
  secadmin: ['/admin/roles', '/admin/security-policy', '/admin/sessions'],
  auditadmin: ['/admin/audit'],
  leader: ['/', '/plan/cockpit', '/plan/indicators', '/plan/rankings'],
  staff: [
    '/registry/orgs',
    '/registry/qualifications',
    '/registry/imports',
    '/projects/manage',
    '/projects/calls',
  ],
  'county.jinjiang': ['/', '/projects/recommend', '/registry/cultivation'],
  'park.jinjiang': ['/', '/registry/parks'],
  'enterprise.demo': ['/', '/registry/my-org', '/projects/open-calls', '/projects/my-applications'],
  'institution.demo': ['/'],
  'expert.demo': ['/', '/projects/reviews'],
};

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** The page once its data has arrived: no request running, no spinner or skeleton left. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page
    .waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .boot'), null, {
      timeout: 15_000,
    })
    .catch(() => {});
  // Entry animations (cards, menus) end before colours are read.
  await page.waitForTimeout(400);
}

async function seriousViolations(page: Page, name: string): Promise<Violation[]> {
  // The pointer left where the last click was would hover whatever is drawn there now; the page is
  // judged at rest.
  await page.mouse.move(0, 0);
  await settled(page);
  fs.mkdirSync(path.join(OUT, 'screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(OUT, 'screenshots', `axe-${name}.png`), fullPage: true });
  // Evaluated through the browser's debugging channel: the page's CSP forbids inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  })) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      count: v.nodes.length,
    }));
}

describe('accessibility (axe-core)', () => {
  it('finds no serious or critical violation on the main pages of any role', async () => {
    const found: Record<string, Violation[]> = {};

    const login = await platform.newPage();
    await login.goto('/login');
    await login.getByLabel('用户名').waitFor();
    found['/login'] = await seriousViolations(login, 'login');
    await login.context().close();

    for (const [username, paths] of Object.entries(PAGES)) {
      const page = await platform.newPage();
      await signIn(page, username, DEMO_PASSWORD);
      for (const url of paths) {
        if (url !== '/') await page.goto(url);
        const name = `${username}${url.replace(/\//g, '_')}`.replace(/_$/, '_home');
        found[`${username} ${url}`] = await seriousViolations(page, name);
      }
      await page.context().close();
    }

    fs.writeFileSync(path.join(OUT, 'axe.json'), `${JSON.stringify(found, null, 2)}\n`);
    const summary = Object.entries(found)
      .filter(([, v]) => v.length > 0)
      .map(
        ([where, v]) =>
          `${where}: ${v.map((x) => `${x.id} (${x.impact}, ${(x as Violation & { count: number }).count})`).join(', ')}`,
      );
    expect(summary, 'serious or critical axe violations (details in test-results/axe.json)').toEqual([]);
  }, 600_000);
});
