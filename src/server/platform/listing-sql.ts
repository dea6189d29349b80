import { asc, desc, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { msg } from '../../domain/message';
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
