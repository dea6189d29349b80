/**
 * The SQL of matching: the term vectors written with each record, and BM25 over them. The
 * candidates are the published records sharing a term with the query, scored in one statement
 * (term frequencies from `market_terms`, document lengths from the record, IDF over the kind).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client';
import { marketAchievements, marketDemands, marketTerms, organizations, regions } from '../../db/schema';

export type TermKind = 'achievement' | 'demand';

/** Replaces a record's terms (on every write of its text). */
export async function writeTerms(tx: Tx, kind: TermKind, recordId: string, vector: Map<string, number>) {
  await tx.delete(marketTerms).where(and(eq(marketTerms.kind, kind), eq(marketTerms.recordId, recordId)));
  const rows = [...vector].map(([term, tf]) => ({ kind, recordId, term, tf }));
  if (rows.length > 0) await tx.insert(marketTerms).values(rows);
}

/** Many records' terms at once (imports, demo data), in batches the driver takes. */
export async function insertTermRows(tx: Tx, rows: (typeof marketTerms.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 5000) await tx.insert(marketTerms).values(rows.slice(i, i + 5000));
}

export interface ScoredRow {
  id: string;
  score: number;
  shared: string[];
  title: string;
  field: string;
  maturity: string | null;
  regionCode: string;
  orgName: string;
  regionName: string;
}

const K1 = 1.2;
const B = 0.75;

/**
 * The published records of `kind` sharing terms with the query vector, by BM25 (query terms
 * weighted by their own frequency), best first, at most `limit`, with the shared terms.
 */
export function bm25(tx: Tx, kind: TermKind, query: Map<string, number>, limit: number, exceptId?: string) {
  const entries = [...query].slice(0, 60);
  if (entries.length === 0) return Promise.resolve([] as ScoredRow[]);
  const t = kind === 'achievement' ? marketAchievements : marketDemands;
  const org = kind === 'achievement' ? marketAchievements.ownerOrgId : marketDemands.orgId;
  const maturity = kind === 'achievement' ? sql`${marketAchievements.maturity}` : sql`null`;
  const values = sql.join(
    entries.map(([term, w]) => sql`(${term}::text, ${w}::float8)`),
    sql`, `,
  );
  const except = exceptId ? sql` and ${t.id} <> ${exceptId}` : sql``;
  return queryRows<ScoredRow>(
    tx,
    sql`with q(term, qw) as (values ${values}),
      n as (select count(*)::float8 as n, greatest(avg(${t.termCount}), 1)::float8 as avgdl from ${t} where ${t.status} = 'published'),
      df as (select mt.term, count(*)::float8 as df from ${marketTerms} mt join q on q.term = mt.term where mt.kind = ${kind} group by mt.term),
      s as (
        select mt.record_id as id,
          sum(q.qw * ln(1 + (n.n - df.df + 0.5) / (df.df + 0.5)) * mt.tf * ${sql.raw(String(K1 + 1))} / (mt.tf + ${sql.raw(String(K1))} * (1 - ${sql.raw(String(B))} + ${sql.raw(String(B))} * r.term_count / n.avgdl)))::float8 as score,
          array_agg(mt.term order by mt.tf * q.qw desc) as shared
        from ${marketTerms} mt
        join q on q.term = mt.term
        join df on df.term = mt.term
        join ${t} r on r.id = mt.record_id and r.status = 'published'
        cross join n
        where mt.kind = ${kind}${except}
        group by mt.record_id
        order by 2 desc
        limit ${limit}
      )
      select s.id::text as id, s.score, s.shared, ${t.title} as title, ${t.field} as field, ${maturity} as maturity,
        ${t.regionCode} as "regionCode", ${organizations.name} as "orgName", coalesce(${regions.name}, ${t.regionCode}) as "regionName"
      from s join ${t} on ${t.id} = s.id
      join ${organizations} on ${organizations.id} = ${org}
      left join ${regions} on ${regions.code} = ${t.regionCode}
      order by s.score desc, s.id`,
  );
}

/** The terms stored for a record (its query vector when it is matched against the other kind). */
export async function termsOf(tx: Tx, kind: TermKind, recordId: string) {
  const rows = await tx
    .select({ term: marketTerms.term, tf: marketTerms.tf })
    .from(marketTerms)
    .where(and(eq(marketTerms.kind, kind), eq(marketTerms.recordId, recordId)));
  return new Map(rows.map((r) => [r.term, r.tf]));
}

/** Several records' terms (for the quality check over the demo set). */
export async function termsOfMany(tx: Tx, kind: TermKind, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ recordId: marketTerms.recordId, term: marketTerms.term, tf: marketTerms.tf })
    .from(marketTerms)
    .where(and(eq(marketTerms.kind, kind), inArray(marketTerms.recordId, ids)));
}
