/** Writes a checked achievement sheet: owners by USCC within the importer's scope, all or nothing. */
import type { ImportResult } from '../../../domain/contracts/market';
import { msg } from '../../../domain/message';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { inScope, scopeOf } from '../../platform/scope';
import { insertAchievements, orgsByUscc } from './achievements-repo';
import { IMPORT_COLUMNS, parseAchievementSheet } from './import';
import { insertTermRows } from './matching-repo';

export async function importAchievements(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  file: Buffer,
): Promise<ImportResult> {
  const { rows, errors } = await parseAchievementSheet(file, clock.today());
  const scope = scopeOf(actor, deps.regions);
  const orgs = new Map(
    (await orgsByUscc(deps.db, [...new Set(rows.map((r) => r.uscc))])).map((o) => [o.uscc, o]),
  );
  const usccColumn = IMPORT_COLUMNS[1].header;
  for (const r of rows) {
    const org = orgs.get(r.uscc);
    if (!org) {
      errors.push({
        row: r.row,
        column: usccColumn,
        message: msg('该单位未在一企一档中登记', 'The organisation is not in the registry'),
      });
    } else if (!inScope(scope, { regionCode: org.regionCode })) {
      errors.push({
        row: r.row,
        column: usccColumn,
        message: msg('该单位不在管辖范围内', 'The organisation is outside your scope'),
      });
    }
  }
  if (errors.length > 0) return { imported: 0, errors: errors.sort((a, b) => a.row - b.row).slice(0, 1000) };
  await deps.db.transaction(async (tx) => {
    const ids = await insertAchievements(
      tx,
      rows.map((r) => {
        const org = orgs.get(r.uscc)!;
        return { ...r.values, ownerOrgId: org.id, regionCode: org.regionCode };
      }),
    );
    await insertTermRows(
      tx,
      ids.flatMap(({ id }, i) =>
        [...rows[i].vector].map(([term, tf]) => ({ kind: 'achievement' as const, recordId: id, term, tf })),
      ),
    );
    await writeAudit(tx, ctx, {
      action: 'market.achievement.import',
      targetType: 'market_achievement',
      targetId: undefined,
      after: {
        rows: rows.length,
        batches: [...new Set(rows.map((r) => r.values.sourceBatch).filter(Boolean))],
      },
    });
  });
  return { imported: rows.length, errors: [] };
}
