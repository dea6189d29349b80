/** Patents written straight into a test database, for figures and lists that count them. */
import { randomInt } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { patentCheckChar } from '../../domain/identifiers';
import type { PatentKind, PatentStatus } from '../../domain/ip';
import { ipLegalEvents, ipPatents } from '../db/schema';
import type { TestContext } from './harness';

const TYPE: Record<PatentKind, string> = { invention: '1', utility: '2', design: '3' };

/**
 * The serial part of test application numbers: from a random start, one after another, so numbers
 * made in one process never repeat (random ones did, about once in fourteen runs of 1,200) and
 * other processes sharing the database start elsewhere.
 */
let serial = randomInt(0, 9_000_000);

/** A valid application number of a year and kind, new in this process. */
export function testPatentNumber(year: number, kind: PatentKind = 'invention'): string {
  serial = (serial + 1) % 10_000_000;
  const body = `${year}${TYPE[kind]}${String(serial).padStart(7, '0')}`;
  return `${body}.${patentCheckChar(body)}`;
}

export interface PatentSpec {
  regionCode: string;
  kind?: PatentKind;
  filedOn: string;
  grantedOn?: string | null;
  endedOn?: string | null;
  status?: PatentStatus;
  orgId?: string;
  applicant?: string;
  title?: string;
}

/** `n` patents alike (distinct numbers). */
export async function makePatents(ctx: TestContext, n: number, s: PatentSpec) {
  const kind = s.kind ?? 'invention';
  const applicant = s.applicant ?? '测试申请人';
  const rows = Array.from({ length: n }, () => ({
    appNo: testPatentNumber(Number(s.filedOn.slice(0, 4)), kind),
    kind,
    title: s.title ?? '一种测试装置',
    applicants: [{ name: applicant, orgId: s.orgId ?? null }],
    applicantNames: applicant,
    applicantKeys: [applicant],
    orgIds: s.orgId ? [s.orgId] : [],
    filedOn: s.filedOn,
    grantedOn: s.grantedOn ?? null,
    endedOn: s.endedOn ?? null,
    status: s.status ?? (s.endedOn ? 'lapsed' : s.grantedOn ? 'granted' : 'pending'),
    regionCode: s.regionCode,
  }));
  for (let i = 0; i < rows.length; i += 1000)
    await ctx.database.db.insert(ipPatents).values(rows.slice(i, i + 1000));
  return rows.map((r) => r.appNo);
}

/**
 * Removes the patents filed on a day (with their events): a test owning a far-future year clears
 * what an earlier run on the same PostgreSQL database left there.
 */
export async function clearPatentsFiledOn(ctx: TestContext, filedOn: string) {
  const db = ctx.database.db;
  await db
    .delete(ipLegalEvents)
    .where(
      inArray(
        ipLegalEvents.patentId,
        db.select({ id: ipPatents.id }).from(ipPatents).where(eq(ipPatents.filedOn, filedOn)),
      ),
    );
  await db.delete(ipPatents).where(eq(ipPatents.filedOn, filedOn));
}
