import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { type ServerProcess, startServer } from './server-process';

export const DEMO_PASSWORD = 'Quanzhou#2017';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve('test-results/screenshots');

export interface Platform {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies and storage) with a page in it. */
  newPage(): Promise<Page>;
}

/**
 * Starts the real server (`src/server/main.ts`, as `npm start` does) on its own copy of the
 * demo database (made once per run by e2e/global-setup.ts), and Chromium; both are shut down
 * after the file.
 */
export function startPlatform(): Platform {
  const platform = {} as Platform;
  let server: ServerProcess | undefined;
  let dataDir: string;
  const contexts: BrowserContext[] = [];
  let current: Page | undefined;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-e2e-'));
    fs.cpSync(inject('e2eTemplateDir'), dataDir, { recursive: true });
    server = await startServer(dataDir);
    platform.baseUrl = server.baseUrl;
    platform.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    platform.newPage = async () => {
      const context = await platform.browser.newContext({
        baseURL: platform.baseUrl,
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
      });
      contexts.push(context);
      current = await context.newPage();
      return current;
    };
  });

  afterEach(async ({ task }) => {
    if (!current || task.result?.state !== 'fail') return;
    fs.mkdirSync(SHOTS, { recursive: true });
    await current
      .screenshot({
        path: path.join(SHOTS, `${task.name.replace(/[^\w\u4e00-\u9fa5-]+/g, '_')}.png`),
        fullPage: true,
      })
      .catch(() => {});
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await platform.browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  return platform;
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** The labels of the side menu as the user sees them. */
export async function menuLabels(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: '主菜单' });
  await nav.waitFor();
  // The items follow the user's abilities, which arrive just after the navigation itself.
  await nav.getByRole('menuitem').first().waitFor();
  // An entry with work waiting carries its count (a badge) after the label; the label is the name.
  return (await nav.getByRole('menuitem').allInnerTexts())
    .map((t) => t.replace(/\s*\d+$/, '').trim())
    .filter(Boolean);
}

/** Waits until the locator is visible; fails the test with what was awaited if it never is. */
export async function seen(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}
