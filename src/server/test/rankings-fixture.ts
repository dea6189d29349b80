/** Fixture helpers shared by the ranking API tests (rankings.test.ts, rankings-park.test.ts). */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { RankingResult } from '../../domain/contracts/plan';
import { reportedValues } from '../db/schema';
import { testUscc } from './factories';
import { call, type TestContext } from './harness';

export type Unit = RankingResult['units'][number];

/** Registry writes as bureau staff, the way the web app makes them. */
export function registry(ctx: TestContext, cookie: string) {
  const send = async (method: 'POST' | 'PUT', url: string, body: unknown) => {
    const res = await call(ctx.app, { method, url: `/api/v1/registry${url}`, cookie, body });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  const org = (regionCode: string, parkId?: string) =>
    send('POST', '/orgs', {
      uscc: testUscc(regionCode),
      name: `排名测试${randomBytes(4).toString('hex')}有限公司`,
      kind: 'enterprise',
      regionCode,
      ...(parkId ? { parkId } : {}),
    });
  return {
    send,
    /** Organisations each holding one 高企 certificate (three years from `issuedOn`). */
    hte: (regionCode: string, issuedOn: string, n = 1, parkId?: string) =>
      Promise.all(
        Array.from({ length: n }, async () => {
          const o = await org(regionCode, parkId);
          await send('POST', '/qualifications', { orgId: o.id, typeCode: 'hte', issuedOn });
          return o;
        }),
      ),
    stats: (orgId: string, year: number, hasRdActivity: boolean) =>
      send('PUT', `/orgs/${orgId}/stats/${year}`, {
        ...{ revenue: null, rdExpense: null, staff: null, stStaff: null, hitechRevenue: null },
        ...{ aboveSize: true, hasRdActivity, ownsCoreTech: false },
      }),
  };
}

export async function report(ctx: TestContext, rows: [string, number, string, number][]) {
  await ctx.database.db
    .insert(reportedValues)
    .values(
      rows.map(([indicatorCode, year, regionCode, value]) => ({
        ...{ indicatorCode, year, regionCode, value: String(value) },
        ...{ source: '排名测试', enteredBy: 'rankings.test' },
      })),
    )
    .onConflictDoNothing();
}

/** Fixture-heavy tests: dozens of registry writes before anything is ranked. */
export const SLOW = 90_000;

export async function rankingOf(ctx: TestContext, cookie: string, scheme: string, year: number) {
  const res = await call(ctx.app, {
    url: `/api/v1/plan/rankings?scheme=${scheme}&year=${year}&asOf=${year}-12-31`,
    cookie,
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as RankingResult;
  return { body, unit: (id: string) => body.units.find((u) => u.id === id)! };
}

export const points = (u: Unit) => u.items.map((i) => i.points);
