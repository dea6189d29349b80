/**
 * The import's multi-row inserts of annual statistics, qualifications, platforms and carriers: one
 * statement per batch, with each record's region copied from its organisation.
 */
import type { Tx } from '../../../db/client';
import { carriers, orgAnnualStats, qualifications, rdPlatforms } from '../../../db/schema';
import { bool, num, str } from './bulk-repo';
import type { ValidRow } from './validate';

type Level = typeof qualifications.$inferInsert.level;
type PlatformKind = typeof rdPlatforms.$inferInsert.kind;
type CarrierKind = typeof carriers.$inferInsert.kind;

export async function insertStats(tx: Tx, rows: ValidRow[]) {
  return tx
    .insert(orgAnnualStats)
    .values(
      rows.map(({ values: v, org }) => ({
        orgId: org!.id,
        year: Number(v.year),
        regionCode: org!.regionCode,
        revenue: str(v.revenue),
        rdExpense: str(v.rdExpense),
        staff: num(v.staff),
        stStaff: num(v.stStaff),
        hitechRevenue: str(v.hitechRevenue),
        // The year's flag; when the file does not say, the organisation's current one.
        aboveSize: bool(v.aboveSize) ?? org!.aboveSize,
        hasRdActivity: bool(v.hasRdActivity) ?? false,
        ownsCoreTech: bool(v.ownsCoreTech) ?? false,
      })),
    )
    .onConflictDoNothing()
    .returning({ year: orgAnnualStats.year });
}

export async function insertQualifications(tx: Tx, rows: ValidRow[]) {
  return tx
    .insert(qualifications)
    .values(
      rows.map(({ values: v, org }) => ({
        orgId: org!.id,
        regionCode: org!.regionCode,
        typeCode: String(v.typeCode),
        level: str(v.level) as Level,
        certificateNo: str(v.certificateNo),
        issuedOn: String(v.issuedOn),
        validUntil: str(v.validUntil),
        documentNo: str(v.documentNo),
      })),
    )
    .onConflictDoNothing()
    .returning({ id: qualifications.id });
}

const facility = ({ values: v, org }: ValidRow) => ({
  regionCode: org!.regionCode,
  name: String(v.name),
  level: String(v.level) as NonNullable<Level>,
  recognizedOn: String(v.recognizedOn),
  documentNo: str(v.documentNo),
});

export async function insertFacilities(tx: Tx, kind: 'platforms' | 'carriers', rows: ValidRow[]) {
  if (kind === 'platforms') {
    return tx
      .insert(rdPlatforms)
      .values(
        rows.map((r) => ({
          ...facility(r),
          hostOrgId: r.org!.id,
          kind: String(r.values.kind) as PlatformKind,
        })),
      )
      .returning({ id: rdPlatforms.id });
  }
  return tx
    .insert(carriers)
    .values(
      rows.map((r) => ({
        ...facility(r),
        operatorOrgId: r.org!.id,
        kind: String(r.values.kind) as CarrierKind,
      })),
    )
    .returning({ id: carriers.id });
}
