/**
 * Test factories: a test file makes a world of its own — a fresh county with a zone, organisations
 * in it, users of each role bound to them, calls — rather than claiming a year no other file writes
 * in the one shared database.
 *
 * A plan test's figures are of data-holding counties and of the whole city, so a plan test file
 * makes a city of its own (`freshCity`): a second region-tree root with counties holding data, and
 * an app pointed at it. The bureau's city never sees it (an app sees only its own city's regions,
 * platform/region-tree.ts), so its rankings, target splits and city totals are untouched, and the
 * file's figures are exactly what it entered (engine, figure-cache, rankings). The park ranking
 * and summary tests still claim years of their own: parks are not regions, and the summary is of
 * the bureau's city. The registry refuses organisations in a region holding
 * no data, so the review tests, which register organisations through its API, stay in a real
 * county with fresh organisations.
 */
import { randomBytes } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { makeUscc } from '../../domain/identifiers';
import { buildApp } from '../app';
import { organizations, regions } from '../db/schema';
import { call, signedIn, type TestContext, uniq } from './harness';

export const PROJECTS_API = '/api/v1/projects';
const DAY = 86_400_000;

export interface FreshRegion {
  /** A county of the city that exists for this test file only. */
  county: string;
  /** A functional zone inside it (zones roll up into their county). */
  zone: string;
  /** The county's Chinese name. */
  name: string;
}

/**
 * A fresh county under the city, with one functional zone. It holds no data (`holdsData` false), so
 * the plan's rankings, target splits and templates — which take every data-holding county of the
 * city — do not change when it appears. The app holds the region tree in memory: it is rebuilt so
 * that scopes, eligibility rules and notifications know the new regions. Call it in `beforeAll`.
 */
export async function freshRegion(ctx: TestContext): Promise<FreshRegion> {
  // The bureau's city: the first in display order (a plan test's own cities come after it).
  const [city] = await ctx.database.db
    .select()
    .from(regions)
    .where(eq(regions.level, 'city'))
    .orderBy(asc(regions.sort))
    .limit(1);
  const county = `T${randomBytes(4).toString('hex')}`;
  const zone = `${county}Z1`;
  const name = uniq('测试县');
  await ctx.database.db.insert(regions).values([
    {
      code: county,
      name,
      nameEn: `Test county ${county}`,
      level: 'county',
      parentCode: city.code,
      statsCountyCode: county,
      sort: 9_000,
      holdsData: false,
    },
    {
      code: zone,
      name: `${name}开发区`,
      nameEn: `Test zone ${zone}`,
      level: 'zone',
      parentCode: county,
      statsCountyCode: county,
      sort: 9_001,
      holdsData: false,
    },
  ]);
  await ctx.app.close();
  ctx.app = await buildApp({ database: ctx.database, loginAttemptsPerMinute: 10_000 });
  return { county, zone, name };
}

export interface FreshCity {
  /** The city: a region-tree root of its own. */
  city: string;
  /** Its counties (two unless asked for more), holding data. */
  counties: string[];
  /** A functional zone of the second county. */
  zone: string;
}

/**
 * A city of the test file's own, with `n` counties and a functional zone in the second, and the
 * test's app rebuilt to be of that city: the indicator values, drill-down, rankings and registry
 * of that app see these regions only, and the rest of the shared database's apps never see them.
 * Call it in `beforeAll`; users signed in afterwards belong to the new app.
 */
export async function freshCity(ctx: TestContext, n = 2): Promise<FreshCity> {
  const city = `C${randomBytes(4).toString('hex')}`;
  const counties = Array.from({ length: n }, (_, i) => `${city}${String(i + 1).padStart(2, '0')}`);
  const zone = `${counties[1]}Z1`;
  const name = uniq('测试市');
  const row = (code: string, level: 'city' | 'county' | 'zone', parentCode: string | null, i: number) => ({
    code,
    name: level === 'city' ? name : `${name}${level === 'county' ? '县' : '开发区'}${i}`,
    nameEn: `Test ${level} ${code}`,
    level,
    parentCode,
    statsCountyCode: level === 'city' ? null : parentCode === city ? code : parentCode,
    sort: 9_100 + i,
    holdsData: true,
  });
  await ctx.database.db
    .insert(regions)
    .values([
      row(city, 'city', null, 0),
      ...counties.map((code, i) => row(code, 'county', city, i + 1)),
      row(zone, 'zone', counties[1], n + 1),
    ]);
  await ctx.app.close();
  ctx.app = await buildApp({ database: ctx.database, loginAttemptsPerMinute: 10_000, city });
  return { city, counties, zone };
}

/** A random valid USCC (I, O, S, V and Z are not USCC characters); a zone's or test county's code gives the city's region part. */
export function testUscc(regionCode = '350582'): string {
  const base = randomBytes(4)
    .toString('hex')
    .toUpperCase()
    .replace(/[IOSVZ]/g, '1')
    .slice(0, 8);
  const region6 = /^\d{6}/.test(regionCode) ? regionCode.slice(0, 6) : '350500';
  return makeUscc('9', '1', region6, base);
}

/** A fresh organisation in a region, with a valid USCC (the region part is the city's: codes of test regions are not GB/T 2260). */
export async function makeOrg(
  ctx: TestContext,
  regionCode: string,
  kind: 'enterprise' | 'institute' = 'enterprise',
) {
  const [org] = await ctx.database.db
    .insert(organizations)
    .values({ uscc: testUscc(regionCode), name: uniq('测试单位'), kind, regionCode })
    .returning();
  return org;
}

/**
 * An organisation registered by staff through the registry API, as a user would: the registry's
 * own checks run (a factory insert would skip them). `regionCode` may be a zone's.
 */
export async function registerOrg(
  ctx: TestContext,
  cookie: string,
  regionCode = '350582',
  body: Record<string, unknown> = {},
) {
  const res = await call(ctx.app, {
    method: 'POST',
    url: '/api/v1/registry/orgs',
    cookie,
    body: {
      uscc: testUscc(regionCode),
      name: uniq('评审测试单位'),
      kind: 'enterprise',
      regionCode,
      ...body,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; regionCode: string; name: string; uscc: string; version: number };
}

/**
 * An applicant organisation in the region with an enterprise account, the region's county account,
 * bureau staff and a leader — each role signed in.
 */
export async function world(ctx: TestContext, regionCode: string) {
  const org = await makeOrg(ctx, regionCode);
  const [enterprise, county, staff, leader] = await Promise.all([
    signedIn(ctx, 'enterprise', { orgId: org.id }),
    signedIn(ctx, 'county', { regionCode }),
    signedIn(ctx, 'staff'),
    signedIn(ctx, 'leader'),
  ]);
  return { org, enterprise, county, staff, leader };
}

/** A call open since yesterday for ten days, with one required attachment and a two-criterion rubric. */
export function callBody(overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    programmeCode: 'nc_special',
    year: 2026,
    title: uniq('数控一代专项'),
    opensAt: new Date(now - DAY).toISOString(),
    closesAt: new Date(now + 10 * DAY).toISOString(),
    budget: '100',
    fundingCap: '50',
    maxPerApplicant: 1,
    eligibility: [{ type: 'org_kind_in', kinds: ['enterprise'] }],
    requiredAttachments: [{ code: 'plan', name: '可行性研究报告', nameEn: 'Feasibility report' }],
    rubric: [
      { code: 'innovation', name: '创新性', nameEn: 'Innovation', max: 60 },
      { code: 'benefit', name: '效益', nameEn: 'Benefit', max: 40 },
    ],
    expertsPerApplication: 5,
    reviewFields: ['advanced-manufacturing'],
    publicityDays: 7,
    ...overrides,
  };
}

/** A call created through the API by a staff member. */
export async function createCall(ctx: TestContext, cookie: string, overrides: Record<string, unknown> = {}) {
  const res = await call(ctx.app, {
    method: 'POST',
    url: `${PROJECTS_API}/calls`,
    cookie,
    body: callBody(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
