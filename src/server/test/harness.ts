import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { makeUscc } from '../../domain/identifiers';
import { ROLE_BINDING, type RoleCode } from '../../domain/roles';
import { buildApp } from '../app';
import { type Database, type Driver, openDatabase } from '../db/client';
import { organizations, users } from '../db/schema';
import { loadReferenceData } from '../db/seed/reference';
import { CSRF_HEADER, CSRF_VALUE } from '../platform/access';
import { hashPassword } from '../platform/passwords';

export const TEST_PASSWORD = 'Test#Pass2026';
let passwordHash: Promise<string> | undefined;

/** The databases API tests run on: always the embedded PGlite, and PostgreSQL when given one. */
export const DRIVERS: Driver[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

let template: Blob | undefined;

export async function openTestDatabase(driver: Driver): Promise<Database> {
  // PostgreSQL is migrated and loaded once for the run (global-setup.ts); files share it and
  // keep apart by creating their own rows.
  if (driver === 'postgres') return openDatabase({ url: process.env.TEST_DATABASE_URL });
  // Each suite gets its own embedded database, a copy of the run's migrated one (global-setup.ts).
  const file = inject('pgliteTemplate');
  if (file) {
    template ??= new Blob([fs.readFileSync(file)]);
    return openDatabase({ dataDir: 'memory', from: template });
  }
  const database = await openDatabase({ dataDir: 'memory' });
  await loadReferenceData(database.db, 'quanzhou');
  return database;
}

export interface TestContext {
  driver: Driver;
  app: FastifyInstance;
  database: Database;
}

/** Runs a suite once per database driver, with a freshly built app on each. */
export function describeEachDb(name: string, suite: (ctx: TestContext) => void) {
  for (const driver of DRIVERS) {
    describe(`${name} [${driver}]`, () => {
      const ctx = { driver } as TestContext;
      beforeAll(async () => {
        ctx.database = await openTestDatabase(driver);
        ctx.app = await buildApp({ database: ctx.database, loginAttemptsPerMinute: 10_000 });
      });
      afterAll(async () => {
        await ctx.app?.close();
        await ctx.database?.close();
      });
      suite(ctx);
    });
  }
}

export function uniq(prefix: string): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

/** A fresh organisation with a valid USCC, so tests never share rows. */
export async function createOrg(
  database: Database,
  regionCode = '350582',
  kind: 'enterprise' | 'institute' = 'enterprise',
) {
  const base = randomBytes(4)
    .toString('hex')
    .toUpperCase()
    .replace(/[IOSVZ]/g, '1')
    .slice(0, 8);
  const [org] = await database.db
    .insert(organizations)
    .values({
      uscc: makeUscc('9', '1', regionCode.slice(0, 6), base),
      name: uniq('测试单位'),
      kind,
      regionCode,
    })
    .returning();
  return org;
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
}

/** A fresh user of a role, bound to a fresh organisation or the given region/park as the role needs. */
export async function createUser(
  database: Database,
  role: RoleCode,
  opts: {
    regionCode?: string;
    orgId?: string;
    parkId?: string;
    mustChangePassword?: boolean;
    /** Sign in with a second factor as a real deployment's account does (default: exempt). */
    mfa?: boolean;
  } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const binding = ROLE_BINDING[role];
  const orgId = binding === 'org' ? (opts.orgId ?? (await createOrg(database)).id) : null;
  const username = uniq(`${role}.`);
  const [u] = await database.db
    .insert(users)
    .values({
      username,
      displayName: username,
      role,
      regionCode: binding === 'region' ? (opts.regionCode ?? '350582') : null,
      orgId,
      parkId: binding === 'park' ? (opts.parkId ?? null) : null,
      passwordHash: await passwordHash,
      mustChangePassword: opts.mustChangePassword ?? false,
      mfaExempt: !opts.mfa,
    })
    .returning();
  return { id: u.id, username, password: TEST_PASSWORD };
}

export interface Call {
  method?: InjectOptions['method'];
  url: string;
  cookie?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A request as the web app sends it: JSON, the CSRF header on writes, the session cookie. */
export function call(app: FastifyInstance, c: Call): Promise<LightMyRequestResponse> {
  const method = c.method ?? 'GET';
  const headers: Record<string, string> = { ...(c.headers ?? {}) };
  if (method !== 'GET' && !(CSRF_HEADER in headers)) headers[CSRF_HEADER] = CSRF_VALUE;
  if (c.cookie) headers.cookie = c.cookie;
  return app.inject({
    method,
    url: c.url,
    headers,
    ...(c.body !== undefined ? { payload: c.body as object } : {}),
  });
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<string> {
  const res = await call(app, { method: 'POST', url: '/api/v1/auth/login', body: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === 'kc_session');
  return `kc_session=${set!.value}`;
}

/** Creates a user of a role and signs them in; returns the cookie and the user. */
export async function signedIn(
  ctx: TestContext,
  role: RoleCode,
  opts: Parameters<typeof createUser>[2] = {},
) {
  const user = await createUser(ctx.database, role, opts);
  return { user, cookie: await login(ctx.app, user.username) };
}
