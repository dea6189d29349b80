/** Bulk statements: one INSERT and one UPDATE per batch of rows, never one per row. */
import { type SQL, type SQLChunk, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../../db/client';
import type { Value } from './columns';

export type Mode = 'add' | 'upsert';
export interface WriteResult {
  inserted: number;
  updated: number;
  skipped: number;
}

export type SqlType = 'text' | 'uuid' | 'int' | 'numeric' | 'bool' | 'date';
/** A column of a bulk update: `keep` columns take the new value only when one is given. */
export interface Col {
  name: string;
  type: SqlType;
  keep?: boolean;
}

export type Cell = Value | null | undefined;

const list = (parts: SQLChunk[]) => sql.join(parts, sql`, `);

/**
 * The rows as one array parameter per column, `unnest`ed back into rows: a batch of 1,000 rows is
 * a dozen parameters, not twelve thousand, and PostgreSQL parses and plans one small statement.
 */
function unnest(cols: Col[], rows: Cell[][]): SQL {
  return sql`unnest(${list(cols.map((c, i) => sql`${sql.param(rows.map((r) => r[i] ?? null))}::${sql.raw(c.type)}[]`))})`;
}

/** Inserts the rows, skipping any whose key already exists; answers how many were inserted. */
export async function bulkInsert(tx: Tx, table: string, cols: Col[], rows: Cell[][]): Promise<number> {
  if (rows.length === 0) return 0;
  const names = list(cols.map((c) => sql.identifier(c.name)));
  const inserted = await queryRows<{ ok: number }>(
    tx,
    sql`insert into ${sql.identifier(table)} (${names}) select * from ${unnest(cols, rows)}
        on conflict do nothing returning 1 as ok`,
  );
  return inserted.length;
}

/** Updates the rows matched by `keys`; `keep` columns change only where the row gives a value. */
export async function bulkUpdate(
  tx: Tx,
  table: string,
  keys: Col[],
  cols: Col[],
  rows: Cell[][],
): Promise<number> {
  if (rows.length === 0) return 0;
  const all = [...keys, ...cols];
  const set = list(
    cols.map((c) => {
      const col = sql.identifier(c.name);
      return c.keep ? sql`${col} = coalesce(v.${col}, t.${col})` : sql`${col} = v.${col}`;
    }),
  );
  const names = list(all.map((c) => sql.identifier(c.name)));
  const where = sql.join(
    keys.map((k) => sql`t.${sql.identifier(k.name)} = v.${sql.identifier(k.name)}`),
    sql` and `,
  );
  const updated = await queryRows<{ ok: number }>(
    tx,
    sql`update ${sql.identifier(table)} as t set ${set}, updated_at = now()
        from ${unnest(all, rows)} as v(${names}) where ${where} returning 1 as ok`,
  );
  return updated.length;
}

export const str = (v: Cell) => (v === undefined || v === null ? null : String(v));
export const num = (v: Cell) => (v === undefined || v === null ? null : Number(v));
export const bool = (v: Cell) => (v === undefined || v === null ? null : Boolean(v));
