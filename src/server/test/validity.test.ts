/**
 * "Valid on D" is written twice: `isValidOn` for one record in TypeScript and `qualificationValidOn`
 * in SQL for lists and figures. They must agree on every boundary day, or a page and a count would
 * disagree about the same certificate.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { isValidOn } from '../../domain/registry';
import { qualifications } from '../db/schema';
import { qualificationValidOn } from '../modules/registry/validity-sql';
import { makeOrg } from './factories';
import { describeEachDb } from './harness';

const ISSUED = '2026-01-10';
const LAST_DAY = '2029-01-09';
const REVOKED_ON = '2027-06-01';

/** Issued, last valid day and revocation day, with the days either side of each. */
const DAYS = [
  '2026-01-09',
  ISSUED,
  '2026-01-11',
  '2027-05-31',
  REVOKED_ON,
  '2027-06-02',
  LAST_DAY,
  '2029-01-10',
];

const CASES = {
  'three years': { issuedOn: ISSUED, validUntil: LAST_DAY, revoked: false, revokedOn: null },
  'no end': { issuedOn: ISSUED, validUntil: null, revoked: false, revokedOn: null },
  'revoked on a day': { issuedOn: ISSUED, validUntil: LAST_DAY, revoked: true, revokedOn: REVOKED_ON },
  'revoked, day unknown': { issuedOn: ISSUED, validUntil: LAST_DAY, revoked: true, revokedOn: null },
  'revoked on its issue day': { issuedOn: ISSUED, validUntil: LAST_DAY, revoked: true, revokedOn: ISSUED },
} as const;

describeEachDb('isValidOn and its SQL twin', (ctx) => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const org = await makeOrg(ctx, '350582');
    for (const [name, facts] of Object.entries(CASES)) {
      const [row] = await ctx.database.db
        .insert(qualifications)
        .values({
          orgId: org.id,
          regionCode: org.regionCode,
          typeCode: 'hte',
          ...facts,
          revokeReason: facts.revoked ? '测试撤销' : null,
        })
        .returning({ id: qualifications.id });
      ids[name] = row.id;
    }
  });

  async function sqlSays(id: string, day: string): Promise<boolean> {
    const rows = await ctx.database.db
      .select({ id: qualifications.id })
      .from(qualifications)
      .where(and(eq(qualifications.id, id), qualificationValidOn(day)));
    return rows.length === 1;
  }

  it('agree on the issue day, the last valid day, the day after and the day of revocation', async () => {
    for (const [name, facts] of Object.entries(CASES)) {
      for (const day of DAYS) {
        expect(await sqlSays(ids[name], day), `${name} on ${day}`).toBe(isValidOn(facts, day));
      }
    }
  });

  it('say what the rule says on those days', () => {
    const three = CASES['three years'];
    expect(isValidOn(three, '2026-01-09')).toBe(false);
    expect(isValidOn(three, ISSUED)).toBe(true);
    expect(isValidOn(three, LAST_DAY)).toBe(true);
    expect(isValidOn(three, '2029-01-10')).toBe(false);
    expect(isValidOn(CASES['no end'], '2029-01-10')).toBe(true);
    const revoked = CASES['revoked on a day'];
    expect(isValidOn(revoked, '2027-05-31')).toBe(true);
    expect(isValidOn(revoked, REVOKED_ON)).toBe(false);
    expect(isValidOn(CASES['revoked, day unknown'], ISSUED)).toBe(false);
    expect(isValidOn(CASES['revoked on its issue day'], ISSUED)).toBe(false);
  });
});
