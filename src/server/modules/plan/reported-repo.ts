import { and, asc, desc, eq, gt, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { ReportedValueQuery } from '../../../domain/contracts/plan';
import type { Tx } from '../../db/client';
import { regions as regionsTable, reportedValues } from '../../db/schema';
import { type Scope, scopeWhere } from '../../platform/scope';

export type ReportedRow = typeof reportedValues.$inferSelect;
export type NewReportedRow = typeof reportedValues.$inferInsert;

/** Every write of reported values takes this lock, so two corrections of one figure never race. */
const WRITE_LOCK = 7310031;

export async function lockReportedWrites(tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(${WRITE_LOCK})`);
}

/** The current rows of these indicators and years (the engine and corrections read only these). */
export function currentReported(tx: Tx, codes: string[], years: number[]) {
  return tx
    .select()
    .from(reportedValues)
    .where(
      and(
        inArray(reportedValues.indicatorCode, codes),
        inArray(reportedValues.year, years),
        isNull(reportedValues.supersededAt),
      ),
    );
}

/** The current figures of these years, every indicator and region. */
export function currentReportedOfYears(tx: Tx, years: number[]) {
  return tx
    .select({
      code: reportedValues.indicatorCode,
      year: reportedValues.year,
      region: reportedValues.regionCode,
      value: reportedValues.value,
      source: reportedValues.source,
    })
    .from(reportedValues)
    .where(and(inArray(reportedValues.year, years), isNull(reportedValues.supersededAt)));
}

/** Marks each old row superseded by its new one; the old row leaves the "current" index first. */
export async function supersedeReported(tx: Tx, pairs: { oldId: string; newId: string }[]) {
  for (let i = 0; i < pairs.length; i += 1000) {
    const values = sql.join(
      pairs.slice(i, i + 1000).map((p) => sql`(${p.oldId}::uuid, ${p.newId}::uuid)`),
      sql`, `,
    );
    await tx.execute(
      sql`update reported_values set superseded_at = now(), superseded_by = v.new_id from (values ${values}) as v(id, new_id) where reported_values.id = v.id`,
    );
  }
}

export async function insertReported(tx: Tx, rows: NewReportedRow[]): Promise<ReportedRow[]> {
  const inserted: ReportedRow[] = [];
  for (let i = 0; i < rows.length; i += 1000)
    inserted.push(
      ...(await tx
        .insert(reportedValues)
        .values(rows.slice(i, i + 1000))
        .returning()),
    );
  return inserted;
}

function listWhere(scope: Scope, q: Partial<ReportedValueQuery>): SQL {
  const conds: SQL[] = [scopeWhere(scope, { regionCode: reportedValues.regionCode })];
  if (q.indicatorCode) conds.push(eq(reportedValues.indicatorCode, q.indicatorCode));
  if (q.year) conds.push(eq(reportedValues.year, q.year));
  if (q.regionCode) conds.push(eq(reportedValues.regionCode, q.regionCode));
  if (!q.includeHistory) conds.push(isNull(reportedValues.supersededAt));
  return and(...conds)!;
}

/** Rows in a stable order: newest year first, then indicator, region (tree order), newest entry. */
export async function reportedRows(
  tx: Tx,
  scope: Scope,
  q: Partial<ReportedValueQuery>,
  limit: number,
  offset: number,
): Promise<ReportedRow[]> {
  const rows = await tx
    .select({ r: reportedValues })
    .from(reportedValues)
    .leftJoin(regionsTable, eq(regionsTable.code, reportedValues.regionCode))
    .where(listWhere(scope, q))
    .orderBy(
      desc(reportedValues.year),
      asc(reportedValues.indicatorCode),
      asc(regionsTable.sort),
      desc(reportedValues.enteredAt),
      asc(reportedValues.id),
    )
    .limit(limit)
    .offset(offset);
  return rows.map((x) => x.r);
}

/** The rows after `afterId` in id order, for the export's keyset batches. */
export function reportedRowsAfter(
  tx: Tx,
  scope: Scope,
  q: Partial<ReportedValueQuery>,
  afterId: string | null,
  limit: number,
): Promise<ReportedRow[]> {
  return tx
    .select()
    .from(reportedValues)
    .where(and(listWhere(scope, q), afterId ? gt(reportedValues.id, afterId) : undefined))
    .orderBy(asc(reportedValues.id))
    .limit(limit);
}

export async function countReported(tx: Tx, scope: Scope, q: Partial<ReportedValueQuery>) {
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(reportedValues)
    .where(listWhere(scope, q));
  return Number(n);
}
