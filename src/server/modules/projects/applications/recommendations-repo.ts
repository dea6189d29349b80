/** A county's 推荐函 and the order of priority it gives its applications. */
import { and, eq, notExists, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { recommendationItems, recommendations } from '../../../db/schema';

export type RecommendationInsert = typeof recommendations.$inferInsert;

export async function insertRecommendation(tx: Tx, values: RecommendationInsert) {
  const [row] = await tx
    .insert(recommendations)
    .values(values)
    .returning({ id: recommendations.id, fileName: recommendations.fileName });
  return row;
}

export async function insertRecommendationItems(tx: Tx, recommendationId: string, applicationIds: string[]) {
  await tx
    .insert(recommendationItems)
    .values(applicationIds.map((applicationId, i) => ({ recommendationId, applicationId, priority: i + 1 })));
}

/**
 * An uploaded letter of this county not yet used for a batch (a letter recommends one batch),
 * locked for the batch that takes it.
 */
export async function unusedLetterOf(tx: Tx, id: string, regionCode: string) {
  const [row] = await tx
    .select({ id: recommendations.id })
    .from(recommendations)
    .where(
      and(
        eq(recommendations.id, id),
        eq(recommendations.regionCode, regionCode),
        eq(recommendations.generated, false),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(recommendationItems)
            .where(eq(recommendationItems.recommendationId, recommendations.id)),
        ),
      ),
    )
    .for('update');
  return row;
}

/** The letter's file if the county (or, with no region, the bureau) may read it. */
export async function letterFile(tx: Tx, id: string, regionCodes: string[] | null) {
  const [row] = await tx
    .select({
      fileName: recommendations.fileName,
      mime: recommendations.mime,
      content: recommendations.content,
      regionCode: recommendations.regionCode,
    })
    .from(recommendations)
    .where(eq(recommendations.id, id));
  if (!row || (regionCodes && !regionCodes.includes(row.regionCode))) return undefined;
  return row;
}
