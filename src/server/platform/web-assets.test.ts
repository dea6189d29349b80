import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { precompress } from '../../../scripts/web-build-stamp';
import { buildApp } from '../app';
import type { Database } from '../db/client';
import { openTestDatabase } from '../test/harness';

let app: FastifyInstance;
let database: Database;
let webDir: string;
// A hashed asset large enough to be worth compressing, written the way the build writes it.
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `科创 ${i}`))};\n`;
const ASSET = 'assets/index-Ab12Cd34.js';

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kechuang-web-'));
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.mkdirSync(path.join(webDir, '.vite'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>科创</title>');
  fs.writeFileSync(path.join(webDir, ASSET), SCRIPT);
  fs.writeFileSync(path.join(webDir, '.vite/manifest.json'), '{}');
  await precompress(webDir);
  database = await openTestDatabase('pglite');
  app = await buildApp({ database, webDir });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

it('sends a hashed asset brotli- or gzip-compressed as the browser accepts, cached for a year', async () => {
  for (const [accept, encoding] of [
    ['br, gzip', 'br'],
    ['gzip', 'gzip'],
  ] as const) {
    const res = await app.inject({ url: `/${ASSET}`, headers: { 'accept-encoding': accept } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.rawPayload.length).toBeLessThan(SCRIPT.length / 3);
    expect(
      res.rawPayload.equals(
        fs.readFileSync(path.join(webDir, `${ASSET}.${encoding === 'br' ? 'br' : 'gz'}`)),
      ),
    ).toBe(true);
  }
  const plain = await app.inject({ url: `/${ASSET}`, headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body).toBe(SCRIPT);
});

it('has the page itself checked on every use, so a new build shows at once', async () => {
  for (const url of ['/', '/registry/orgs', '/index.html']) {
    const res = await app.inject({ url });
    expect(res.statusCode, url).toBe(200);
    expect(res.headers['content-type'], url).toContain('text/html');
    expect(res.headers['cache-control'], url).toBe('no-cache');
  }
});

it('opens the public portal for a visitor at / and under /public, the app for a session and the market page', async () => {
  fs.writeFileSync(path.join(webDir, 'portal.html'), '<!doctype html><title>门户</title>');
  try {
    const page = async (url: string, cookie?: string) =>
      (await app.inject({ url, headers: cookie ? { cookie } : {} })).body.includes('门户') ? 'portal' : 'app';
    expect(await page('/')).toBe('portal');
    expect(await page('/public/calls')).toBe('portal');
    expect(await page('/public')).toBe('portal');
    expect(await page('/', 'kc_session=abc')).toBe('app');
    expect(await page('/public/market')).toBe('app');
    expect(await page('/registry/orgs')).toBe('app');
  } finally {
    fs.rmSync(path.join(webDir, 'portal.html'));
  }
});

it('serves neither the compressed copies nor the build manifest under URLs of their own', async () => {
  for (const url of [`/${ASSET}.br`, `/${ASSET}.gz`, '/.vite/manifest.json']) {
    const res = await app.inject({ url });
    // The single-page app's catch-all answers with the page, never with the file.
    expect(res.headers['content-type'], url).toContain('text/html');
  }
});
