/**
 * Ranking counterparts: BM25 over the stored term vectors (matching-repo.ts) gives the candidates
 * that share words; field, region and maturity then add to the score, and each counterpart comes
 * with the reasons it was ranked (shared terms, same field, same region, maturity).
 */
import type { MatchReason, Ranked } from '../../../domain/contracts/market';
import { MARKET_FIELD_NAMES, MATURITY_NAMES, type MarketField, type Maturity } from '../../../domain/market';
import type { Tx } from '../../db/client';
import { bm25, type ScoredRow, type TermKind, termsOf } from './matching-repo';

/** How many text candidates are re-ranked with the features. */
export const CANDIDATES = 60;
const FIELD_BONUS = 2.5;
const REGION_BONUS = 0.6;
const MATURITY_BONUS: Record<Maturity, number> = { lab: 0, pilot_small: 0.3, pilot: 0.6, industrial: 0.9 };

export interface Query {
  kind: TermKind;
  id: string;
  field: string;
  regionCode: string;
}

export function scoreCandidates(q: Query, rows: ScoredRow[]): (Ranked & { regionCode: string })[] {
  return rows
    .map((r) => {
      const reasons: MatchReason[] = [{ code: 'terms', detail: r.shared.slice(0, 6).join('、') }];
      let score = r.score;
      if (r.field === q.field) {
        score += FIELD_BONUS;
        reasons.push({ code: 'field', detail: MARKET_FIELD_NAMES[r.field as MarketField]?.zh ?? r.field });
      }
      if (r.regionCode === q.regionCode) {
        score += REGION_BONUS;
        reasons.push({ code: 'region', detail: r.regionName });
      }
      if (r.maturity) {
        const m = r.maturity as Maturity;
        score += MATURITY_BONUS[m] ?? 0;
        if (m === 'pilot' || m === 'industrial')
          reasons.push({ code: 'maturity', detail: MATURITY_NAMES[m].zh });
      }
      return {
        id: r.id,
        title: r.title,
        orgName: r.orgName,
        regionName: r.regionName,
        regionCode: r.regionCode,
        field: r.field as MarketField,
        maturity: (r.maturity as Maturity | null) ?? null,
        score: Math.round(score * 100) / 100,
        reasons,
        match: null,
      };
    })
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** The counterparts of one record, best first: achievements for a demand, demands for an achievement. */
export async function rankCounterparts(tx: Tx, q: Query, limit: number) {
  const vector = await termsOf(tx, q.kind, q.id);
  const other: TermKind = q.kind === 'demand' ? 'achievement' : 'demand';
  const rows = await bm25(tx, other, vector, CANDIDATES);
  return scoreCandidates(q, rows).slice(0, limit);
}
