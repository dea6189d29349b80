/**
 * Bulk writes of annual statistics, qualifications, platforms and carriers. Their `region_code`
 * is the organisation's, copied so they can be scoped and summed by region alone.
 */
import type { Tx } from '../../../db/client';
import { carriers, orgAnnualStats, qualifications, rdPlatforms } from '../../../db/schema';
import { bool, bulkUpdate, type Cell, type Col, type Mode, num, str, type WriteResult } from './bulk-repo';
import type { ImportKind } from './columns';
import type { ValidRow } from './validate';

type Level = typeof qualifications.$inferInsert.level;
type PlatformKind = typeof rdPlatforms.$inferInsert.kind;
type CarrierKind = typeof carriers.$inferInsert.kind;

const keep = (type: Col['type'], ...names: string[]): Col[] =>
  names.map((name) => ({ name, type, keep: true }));

async function insertStats(tx: Tx, rows: ValidRow[]) {
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

async function insertQualifications(tx: Tx, rows: ValidRow[]) {
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

async function insertFacilities(tx: Tx, kind: 'platforms' | 'carriers', rows: ValidRow[]) {
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

interface UpdatePlan {
  table: string;
  keys: Col[];
  cols: Col[];
  row: (r: ValidRow) => Cell[];
}

const ID: Col[] = [{ name: 'id', type: 'uuid' }];
const REGION: Col = { name: 'region_code', type: 'text' };

const UPDATES: Record<Exclude<ImportKind, 'organizations'>, UpdatePlan> = {
  'annual-stats': {
    table: 'org_annual_stats',
    keys: [
      { name: 'org_id', type: 'uuid' },
      { name: 'year', type: 'int' },
    ],
    cols: [
      REGION,
      ...keep('numeric', 'revenue', 'rd_expense', 'hitech_revenue'),
      ...keep('int', 'staff', 'st_staff'),
      ...keep('bool', 'above_size', 'has_rd_activity', 'owns_core_tech'),
    ],
    row: ({ org, values: v }) => [
      org!.id,
      v.year,
      org!.regionCode,
      v.revenue,
      v.rdExpense,
      v.hitechRevenue,
      v.staff,
      v.stStaff,
      v.aboveSize,
      v.hasRdActivity,
      v.ownsCoreTech,
    ],
  },
  qualifications: {
    table: 'qualifications',
    keys: ID,
    // The end of validity follows the issue date (defaulted from the type's rule when blank).
    cols: [
      REGION,
      ...keep('text', 'level', 'certificate_no'),
      { name: 'issued_on', type: 'date' },
      { name: 'valid_until', type: 'date' },
      ...keep('text', 'document_no'),
    ],
    row: ({ existingId, org, values: v }) => [
      existingId,
      org!.regionCode,
      v.level,
      v.certificateNo,
      v.issuedOn,
      v.validUntil,
      v.documentNo,
    ],
  },
  platforms: facilityPlan('rd_platforms'),
  carriers: facilityPlan('carriers'),
};

function facilityPlan(table: string): UpdatePlan {
  return {
    table,
    keys: ID,
    cols: [
      REGION,
      { name: 'kind', type: 'text' },
      { name: 'level', type: 'text' },
      { name: 'recognized_on', type: 'date' },
      ...keep('text', 'document_no'),
    ],
    row: ({ existingId, org, values: v }) => [
      existingId,
      org!.regionCode,
      v.kind,
      v.level,
      v.recognizedOn,
      v.documentNo,
    ],
  };
}

/** `add` leaves existing records alone (counted as skipped); `upsert` updates them. */
export async function writeRecords(
  tx: Tx,
  kind: Exclude<ImportKind, 'organizations'>,
  mode: Mode,
  rows: ValidRow[],
): Promise<WriteResult> {
  const fresh = rows.filter((r) => !r.existingId);
  const existing = mode === 'upsert' ? rows.filter((r) => r.existingId) : [];
  let inserted = 0;
  if (fresh.length > 0) {
    const done =
      kind === 'annual-stats'
        ? await insertStats(tx, fresh)
        : kind === 'qualifications'
          ? await insertQualifications(tx, fresh)
          : await insertFacilities(tx, kind, fresh);
    inserted = done.length;
  }
  const plan = UPDATES[kind];
  const updated = await bulkUpdate(tx, plan.table, plan.keys, plan.cols, existing.map(plan.row));
  return { inserted, updated, skipped: rows.length - inserted - updated };
}
