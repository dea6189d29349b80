import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { Database } from '../db/client';
import { openTestDatabase } from '../test/harness';
import { CSRF_HEADER, CSRF_VALUE } from './access';

const FAVICON = path.resolve('src/web/public/favicon.ico');
let app: FastifyInstance;
let database: Database;
let webDir: string;

// With the web app served, as in production: its catch-all must not swallow API paths.
beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kechuang-web-'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>科创</title>');
  fs.copyFileSync(FAVICON, path.join(webDir, 'favicon.ico'));
  database = await openTestDatabase('pglite');
  app = await buildApp({ database, webDir });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

it('answers unknown /api paths with 404 in the error shape, not the web page', async () => {
  for (const url of ['/api', '/api/nope', '/api/v1/no-such-module/things', '/api/v1/registry/orgz?q=1']) {
    const res = await app.inject({ url });
    expect(res.statusCode, url).toBe(404);
    expect(res.headers['content-type'], url).toContain('application/json');
    expect(res.json().error, url).toMatchObject({ code: 'not_found', requestId: expect.any(String) });
  }
  const post = await app.inject({
    method: 'POST',
    url: '/api/v1/nope',
    headers: { [CSRF_HEADER]: CSRF_VALUE },
    payload: {},
  });
  expect(post.statusCode).toBe(404);
});

it('answers an over-long path parameter with 404 in the error shape, without echoing it', async () => {
  const long = 'x'.repeat(5000);
  for (const url of [`/api/v1/registry/orgs/${long}`, `/api/v1/reference/code-lists/${long}`]) {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect(res.body).not.toContain(long);
  }
  const malformed = await app.inject({ url: '/api/v1/registry/orgs/%E0%A4%A' });
  expect(malformed.statusCode).toBeLessThan(500);
  expect(malformed.json().error.requestId).toEqual(expect.any(String));
});

it('still serves the web page for its own paths, and a real icon for /favicon.ico', async () => {
  const page = await app.inject({ url: '/registry/orgs/123' });
  expect(page.statusCode).toBe(200);
  expect(page.headers['content-type']).toContain('text/html');
  const icon = await app.inject({ url: '/favicon.ico' });
  expect(icon.statusCode).toBe(200);
  expect(icon.headers['content-type']).toMatch(/^image\//);
  expect(icon.rawPayload.equals(fs.readFileSync(FAVICON))).toBe(true);
  // An ICO directory with one 32×32 image.
  expect([icon.rawPayload.readUInt16LE(2), icon.rawPayload.readUInt16LE(4), icon.rawPayload[6]]).toEqual([
    1, 1, 32,
  ]);
});
