/**
 * Bulk writes of one validated batch, inside the caller's transaction: one multi-row INSERT for the
 * new records and one UPDATE … FROM (VALUES …) for the existing ones, so 1,000 rows cost a few
 * statements. A blank optional cell keeps the stored value on update; it never erases data.
 */
import type { Tx } from '../../../db/client';
import type { RegionTree } from '../../../platform/region-tree';
import { sealPersonal } from '../../../platform/secret-box';
import { orgSearchText } from '../search';
import {
  bool,
  bulkInsert,
  bulkUpdate,
  type Cell,
  type Col,
  type Mode,
  str,
  type WriteResult,
} from './bulk-repo';
import type { ImportKind } from './columns';
import { followRegion, insertFormerNames } from './org-writes-repo';
import type { ValidRow, Values } from './validate';
import { writeRecords } from './write-records';

export type { Mode, WriteResult };

const ORG_COLUMNS: Col[] = [
  { name: 'uscc', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'region_code', type: 'text' },
  { name: 'industry_code', type: 'text' },
  { name: 'above_size', type: 'bool' },
  { name: 'founded_on', type: 'date' },
  { name: 'address', type: 'text' },
  { name: 'contact_person', type: 'text' },
  { name: 'contact_phone', type: 'text' },
  { name: 'search_text', type: 'text' },
];
export interface WriteContext {
  regions: RegionTree;
  /** Username recorded with former names. */
  changedBy: string;
}

/**
 * The organisations' values (with their search text, segmented here) are computed when the batch
 * is prepared, so segmentation runs while the previous batch is still being written.
 */
function prepareOrganizations(
  mode: Mode,
  rows: ValidRow[],
  ctx: WriteContext,
): (tx: Tx) => Promise<WriteResult> {
  const search = (v: Values, org?: ValidRow['org']) =>
    orgSearchText(
      {
        name: String(v.name),
        industryCode: str(v.industryCode) ?? org?.industryCode,
        address: str(v.address) ?? org?.address,
      },
      ctx.regions.get(String(v.regionCode))?.name,
    );
  const fresh = rows.filter((r) => !r.existingId);
  const existing = mode === 'upsert' ? rows.filter((r) => r.existingId) : [];
  const freshValues = fresh.map(({ values: v }) => [
    v.uscc,
    v.name,
    v.kind,
    v.regionCode,
    v.industryCode,
    bool(v.aboveSize) ?? false,
    v.foundedOn,
    v.address,
    v.contactPerson,
    // Raw SQL bypasses the column type: seal as it would (国密 profile).
    sealPersonal(v.contactPhone as string | null | undefined),
    search(v),
  ]);
  const existingValues = existing.map(({ existingId, values: v, org }) => [
    existingId,
    v.name,
    v.kind,
    v.regionCode,
    v.industryCode,
    v.aboveSize,
    v.foundedOn,
    v.address,
    v.contactPerson,
    // Raw SQL bypasses the column type: seal as it would (国密 profile).
    sealPersonal(v.contactPhone as string | null | undefined),
    search(v, org),
  ]);
  return (tx) => writeOrganizations(tx, rows, existing, freshValues, existingValues, ctx);
}

async function writeOrganizations(
  tx: Tx,
  rows: ValidRow[],
  existing: ValidRow[],
  freshValues: Cell[][],
  existingValues: Cell[][],
  ctx: WriteContext,
): Promise<WriteResult> {
  const inserted = await bulkInsert(tx, 'organizations', ORG_COLUMNS, freshValues);
  const renamed = existing.filter((r) => r.org && r.org.name !== r.values.name);
  if (renamed.length > 0) {
    await insertFormerNames(
      tx,
      renamed.map((r) => ({ orgId: r.org!.id, name: r.org!.name, changedBy: ctx.changedBy })),
    );
  }
  const updated = await bulkUpdate(
    tx,
    'organizations',
    [{ name: 'id', type: 'uuid' }],
    [
      { name: 'name', type: 'text' },
      { name: 'kind', type: 'text' },
      { name: 'region_code', type: 'text' },
      { name: 'industry_code', type: 'text', keep: true },
      { name: 'above_size', type: 'bool', keep: true },
      { name: 'founded_on', type: 'date', keep: true },
      { name: 'address', type: 'text', keep: true },
      { name: 'contact_person', type: 'text', keep: true },
      { name: 'contact_phone', type: 'text', keep: true },
      { name: 'search_text', type: 'text' },
    ],
    existingValues,
  );
  // Statistics, qualifications, platforms and carriers carry the region for scoping: they follow a move.
  const moved = existing
    .filter((r) => r.org && r.org.regionCode !== r.values.regionCode)
    .map((r) => r.existingId!);
  if (moved.length > 0) await followRegion(tx, moved);
  return { inserted, updated, skipped: rows.length - inserted - updated };
}

/**
 * Prepares a validated batch for writing: what needs no database is done now, and the answer writes
 * it in the caller's transaction.
 */
export function prepareBatch(
  kind: ImportKind,
  mode: Mode,
  rows: ValidRow[],
  ctx: WriteContext,
): (tx: Tx) => Promise<WriteResult> {
  if (rows.length === 0) return () => Promise.resolve({ inserted: 0, updated: 0, skipped: 0 });
  return kind === 'organizations'
    ? prepareOrganizations(mode, rows, ctx)
    : (tx) => writeRecords(tx, kind, mode, rows);
}
