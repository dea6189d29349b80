import { asc, desc, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { PageQuery } from '../../domain/contracts/common';
import { msg } from '../../domain/message';
import { queryRows, type Tx } from '../db/client';
import { invalid } from './errors';

/** ORDER BY from a `field` / `-field` query value, limited to the columns a list allows. */
export function orderBy(
  sort: string | undefined,
  allowed: Record<string, AnyPgColumn>,
  fallback: SQL,
): SQL[] {
  if (!sort) return [fallback];
  const field = sort.replace(/^-/, '');
  const col = allowed[field];
  if (!col) {
    throw invalid(
      'sort',
      msg(`不能按 ${field} 排序`, `Cannot sort by ${field}; use one of ${Object.keys(allowed).join(', ')}`),
    );
  }
  return [sort.startsWith('-') ? desc(col) : asc(col), fallback];
}

export function pageOf(q: PageQuery) {
  return { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
}

/** Escapes LIKE wildcards so a user's % or _ matches itself. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A keyword search stops counting past this many matches: a broad word would otherwise visit every
 * matching row just to count them. The list then says "more than 2,000" (`totalCapped`).
 */
export const COUNT_CAP = 2000;

/** How many rows of `table` meet `where`, counting no further than `cap` + 1. */
export async function countUpTo(tx: Tx, table: SQL, where: SQL | undefined, cap: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from (select 1 from ${table} where ${where ?? sql`true`} limit ${cap + 1}) c`,
  );
  return Number(row.n);
}

/** The planner's estimate of how many rows of `table` meet `where` (no rows are read). */
export async function estimateRows(tx: Tx, table: SQL, where: SQL | undefined): Promise<number> {
  const rows = await queryRows<{ 'QUERY PLAN': unknown }>(
    tx,
    sql`explain (format json) select 1 from ${table} where ${where ?? sql`true`}`,
  );
  const raw = rows[0]?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[];
  return Math.round(plan[0]?.Plan['Plan Rows'] ?? 0);
}

/** `{ total, totalCapped }` of a count that may have stopped past `cap`. */
export function cappedTotal(matched: number, cap: number | undefined) {
  return cap !== undefined && matched > cap
    ? { total: cap, totalCapped: true }
    : { total: matched, totalCapped: false };
}
