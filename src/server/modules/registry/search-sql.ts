/** The keyword search over organisations as SQL: its matching condition and its rank. */
import { type SQL, sql } from 'drizzle-orm';
import { queryTerms, tsQueryOf } from './search';

export interface KeywordSearch {
  /** Every word matches, whole or character by character; a region word also by region. */
  where: SQL;
  /**
   * Relevance, higher first: the name holds the whole input (2), the name holds every word (1),
   * every word is found whole rather than only character by character (1), the organisation is
   * in the county a region word names (1), plus the trigram similarity of name and input (0–1),
   * which orders names within a tier. Each term costs a few microseconds a row: ranking reads
   * the stored lexemes, never the text.
   */
  rank: SQL;
}

export interface SearchColumns {
  vector: SQL;
  name: SQL;
  regionCode: SQL;
}

/** The query as written, lexeme for lexeme, as the stored vectors hold their words. */
const tsq = (q: string) => sql`${q}::tsquery`;

/** Matching condition and rank for a keyword search over organisations. */
export function searchCondition(
  cols: SearchColumns,
  input: string,
  regions: Map<string, string[]> = new Map(),
): KeywordSearch | null {
  const terms = queryTerms(input);
  if (terms.length === 0) return null;
  const text = input.trim();
  const compact = text.replace(/\s+/g, '').toLowerCase();
  const { vector, name, regionCode } = cols;
  const inRegion = (codes: string[]) =>
    sql`${regionCode} in (${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )})`;
  const placeTerms = terms.filter((t) => regions.has(t));
  const wordTerms = terms.filter((t) => !regions.has(t));
  // The other words in one tsquery, so the GIN index can serve them together.
  const conds: SQL[] = wordTerms.length > 0 ? [sql`${vector} @@ ${tsq(tsQueryOf(wordTerms, false))}`] : [];
  for (const t of placeTerms) {
    conds.push(sql`(${inRegion(regions.get(t)!)} or ${vector} @@ ${tsq(tsQueryOf([t], false))})`);
  }
  const whole = tsQueryOf(terms, true);
  const wholeRank = whole === tsQueryOf(terms, false) ? sql`1` : sql`(${vector} @@ ${tsq(whole)})::int`;
  const inName = sql.join(
    terms.map((t) => sql`strpos(lower(${name}), ${t}) > 0`),
    sql` and `,
  );
  const placeRank = placeTerms.map((t) => sql` + (${inRegion(regions.get(t)!)})::int`);
  return {
    where: sql.join(conds, sql` and `),
    rank: sql`2 * (strpos(lower(${name}), ${compact}) > 0)::int + (${inName})::int + ${wholeRank}${sql.join(placeRank)} + similarity(${name}, ${text})`,
  };
}
