/**
 * Bulk writes of annual statistics, qualifications, platforms and carriers. Their `region_code`
 * is the organisation's, copied so they can be scoped and summed by region alone.
 */
import type { Tx } from '../../../db/client';
import { bulkUpdate, type Cell, type Col, type Mode, type WriteResult } from './bulk-repo';
import type { ImportKind } from './columns';
import { insertFacilities, insertQualifications, insertStats } from './records-repo';
import type { ValidRow } from './validate';

const keep = (type: Col['type'], ...names: string[]): Col[] =>
  names.map((name) => ({ name, type, keep: true }));

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
