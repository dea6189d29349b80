/** Fixtures of the expert review API tests: organisations, calls, applications and experts. */
import { and, eq, notInArray } from 'drizzle-orm';
import { expect } from 'vitest';
import { experts } from '../db/schema';
import { createCall, registerOrg } from './factories';
import { call, createUser, login, type TestContext, uniq } from './harness';
import { API, insertApplication } from './projects-fixtures';

export { API, registerOrg };
export const RUBRIC = [
  { code: 'innovation', name: '创新性', nameEn: 'Innovation', max: 60 },
  { code: 'benefit', name: '效益', nameEn: 'Benefit', max: 40 },
];
export const COMMENT = '技术路线清晰，创新性较强，建议支持。';

export async function send(
  ctx: TestContext,
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
) {
  return call(ctx.app, { method, url: `${API}${url}`, cookie, body });
}

/**
 * The pool is shared by every test of a database, so each test draws in a field of its own (the
 * draw prefers the field; nothing falls back while the field has enough) — which assumes a fresh
 * database, as every run gets. Where a test needs the pool to run dry, it takes every other expert
 * out: only on PGlite, whose database belongs to one file; on PostgreSQL, files running at once
 * would lose their experts.
 */
export async function isolatePool(ctx: TestContext, keep: string[]) {
  if (ctx.driver !== 'pglite') return false;
  await ctx.database.db
    .update(experts)
    .set({ active: false })
    .where(and(eq(experts.active, true), notInArray(experts.id, keep)));
  return true;
}

export async function reviewCall(ctx: TestContext, cookie: string, expertsPerApplication: number) {
  return (await createCall(ctx, cookie, { expertsPerApplication, rubric: RUBRIC, reviewFields: [] })) as {
    id: string;
  };
}

/** An application already in expert review (the states before are the lifecycle's tests). */
export async function reviewApplication(
  ctx: TestContext,
  callId: string,
  org: { id: string; regionCode: string },
  field: string,
) {
  return insertApplication(ctx, {
    callId,
    orgId: org.id,
    regionCode: org.regionCode,
    state: 'expert_review',
    field,
  });
}

export interface TestExpert {
  id: string;
  name: string;
  userId: string | null;
  cookie: string;
}

/** An expert of the pool, added by staff; with an expert account signed in unless `account` is false. */
export async function addExpert(
  ctx: TestContext,
  staffCookie: string,
  field: string,
  body: { orgId?: string } = {},
  account = true,
): Promise<TestExpert> {
  const user = account ? await createUser(ctx.database, 'expert') : null;
  const res = await send(ctx, staffCookie, 'POST', '/experts', {
    name: uniq('专家'),
    title: '教授级高级工程师',
    fields: [field],
    orgId: body.orgId ?? null,
    userId: user?.id ?? null,
  });
  expect(res.statusCode, res.body).toBe(201);
  const expert = res.json();
  return {
    id: expert.id,
    name: expert.name,
    userId: user?.id ?? null,
    cookie: user ? await login(ctx.app, user.username) : '',
  };
}

export async function addConflict(
  ctx: TestContext,
  staffCookie: string,
  expertId: string,
  body: { orgId: string; reason: string; endedOn?: string },
) {
  const res = await send(ctx, staffCookie, 'POST', `/experts/${expertId}/conflicts`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function draw(ctx: TestContext, staffCookie: string, callId: string) {
  const res = await send(ctx, staffCookie, 'POST', `/calls/${callId}/draw`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    applications: number;
    assigned: number;
    outOfField: number;
    notified: number;
    shortfalls: { applicationId: string; title: string; reason: string; message: string }[];
  };
}

export interface PanelRow {
  id: string;
  expertId: string;
  status: string;
  total: number | null;
  replacedReason: string | null;
  dropped: string | null;
}

export async function panel(ctx: TestContext, staffCookie: string, applicationId: string) {
  const res = await send(ctx, staffCookie, 'GET', `/applications/${applicationId}/scores`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { panelScore: number | null; trimmed: boolean; active: number; experts: PanelRow[] };
}

/** The expert's own live reviews. */
export async function queue(ctx: TestContext, cookie: string, query = '') {
  const res = await send(ctx, cookie, 'GET', `/reviews?pageSize=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { id: string; applicationId: string; expertId: string; version: number; status: string }[];
    total: number;
  };
}

export async function declareAndSubmit(
  ctx: TestContext,
  cookie: string,
  reviewId: string,
  scores: Record<string, number>,
) {
  const declared = await send(ctx, cookie, 'POST', `/reviews/${reviewId}/declare-no-conflict`);
  expect(declared.statusCode, declared.body).toBe(200);
  return send(ctx, cookie, 'POST', `/reviews/${reviewId}/submit`, {
    scores,
    comment: COMMENT,
    version: declared.json().version,
  });
}

/** An ISO date `years` years before today (China time), for employment end dates. */
export function yearsAgo(years: number, extraDays = 0) {
  const d = new Date(Date.now() + 8 * 3_600_000);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - extraDays);
  return d.toISOString().slice(0, 10);
}
