/**
 * The year's plan: one target per indicator, year and region — a level ("reach 5.3"), a growth
 * ("+15% on last year"), an increment ("+10 new") or "rising" — each shown with the number it asks
 * for (resolved against last year's value), this year's value and the progress toward it.
 */
import type { z } from 'zod';
import type { Target, targetBodySchema, targetQuerySchema } from '../../../domain/contracts/plan';
import { elapsedShare, progressOf, resolveTarget, round } from '../../../domain/indicators';
import { msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import type { RegionTree } from '../../platform/region-tree';
import { inScope, scopeOf } from '../../platform/scope';
import { CATALOGUE, indicatorOf } from './catalogue';
import { defaultAsOf, evaluateYears, type YearFigures } from './engine';
import { decimalText } from './reported-service';
import {
  deleteTargetById,
  findTarget,
  findTargetById,
  listTargetRows,
  type TargetRow,
  upsertTarget,
} from './targets-repo';

type TargetBody = z.infer<typeof targetBodySchema>;
const TARGET = msg('目标', 'target');

/** Target rows with the number each asks for, the year's value so far and the progress. */
export async function resolveTargets(tx: Tx, regions: RegionTree, rows: TargetRow[]): Promise<Target[]> {
  const years = [...new Set(rows.map((r) => r.year))];
  const today = clock.today();
  const contexts = years.flatMap((y) => [
    { year: y, asOf: defaultAsOf(y, today) },
    { year: y - 1, asOf: `${y - 1}-12-31` },
  ]);
  const unique = [...new Map(contexts.map((c) => [c.year, c])).values()];
  const figures: Map<number, YearFigures> =
    unique.length > 0 ? await evaluateYears(tx, regions, unique) : new Map();
  const order = new Map(CATALOGUE.map((i, n) => [i.code, n]));
  const regionOrder = (code: string) => regions.get(code)?.sort ?? 9999;
  return [...rows]
    .sort(
      (a, b) =>
        a.year - b.year ||
        (order.get(a.indicatorCode) ?? 999) - (order.get(b.indicatorCode) ?? 999) ||
        regionOrder(a.regionCode) - regionOrder(b.regionCode),
    )
    .map((t) => {
      const indicator = indicatorOf(t.indicatorCode);
      const value = t.value === null ? null : Number(t.value);
      const base = {
        id: t.id,
        year: t.year,
        indicatorCode: t.indicatorCode,
        indicatorName: indicator?.name ?? t.indicatorCode,
        unit: indicator?.unit ?? '',
        regionCode: t.regionCode,
        regionName: regions.get(t.regionCode)?.name ?? t.regionCode,
        kind: t.kind,
        value: t.value === null ? null : decimalText(t.value),
        note: t.note,
        updatedBy: t.updatedBy,
        updatedAt: new Date(t.updatedAt).toISOString(),
      };
      const now = figures.get(t.year);
      const before = figures.get(t.year - 1);
      if (!indicator || !now || !before)
        return { ...base, lastYear: null, resolved: null, current: null, progress: null, warning: null };
      const d = indicator.decimals;
      const rawLast = before.get(indicator, t.regionCode).value;
      const lastYear = rawLast === null ? null : round(rawLast, d);
      const rawNow = now.get(indicator, t.regionCode).value;
      const current = rawNow === null ? null : round(rawNow, d);
      const resolved = resolveTarget({ kind: t.kind, value }, lastYear);
      const p = progressOf({
        value: current,
        target: resolved,
        lastYear,
        measure: indicator.measure,
        kind: t.kind,
        elapsed: elapsedShare(t.year, now.ctx.asOf),
      });
      return {
        ...base,
        lastYear,
        resolved: resolved === null ? null : round(resolved, d),
        current,
        progress: p.percent,
        warning: p.warning,
      };
    });
}

export async function listTargets(deps: Deps, actor: Actor, q: z.infer<typeof targetQuerySchema>) {
  const rows = await listTargetRows(deps.db, scopeOf(actor, deps.regions), q);
  const items = await resolveTargets(deps.db, deps.regions, rows);
  return { items, total: items.length };
}

/** Sets the target of an indicator, year and region (creating or replacing it). */
export async function putTarget(deps: Deps, ctx: AuditContext, actor: Actor, body: TargetBody) {
  const indicator = indicatorOf(body.indicatorCode);
  if (!indicator)
    throw invalid(
      'indicatorCode',
      msg(`指标「${body.indicatorCode}」不存在`, `No indicator "${body.indicatorCode}"`),
    );
  const region = deps.regions.get(body.regionCode);
  if (!region?.holdsData) throw invalid('regionCode', msg('区域不存在', 'No such region'));
  if (!inScope(scopeOf(actor, deps.regions), { regionCode: region.code }))
    throw invalid('regionCode', msg('超出本单位管辖区域', 'The region is outside your jurisdiction'));
  if (body.kind !== 'rising' && (body.value === null || body.value === undefined)) {
    throw invalid(
      'value',
      msg('请填写目标值（“逐步提高”除外）', 'A target value is required unless the kind is rising'),
    );
  }
  if (body.kind === 'increase_pct' && Number(body.value) <= -100)
    throw invalid('value', msg('增长率不能低于 -100%', 'A growth rate cannot be -100% or less'));
  const value = body.kind === 'rising' ? null : body.value;
  return deps.db.transaction(async (tx) => {
    const key = { year: body.year, indicatorCode: body.indicatorCode, regionCode: body.regionCode };
    const before = await findTarget(tx, key);
    const fields = { kind: body.kind, value, note: body.note ?? null, updatedBy: actor.username };
    const after = await upsertTarget(tx, key, fields);
    await writeAudit(tx, ctx, {
      action: before ? 'plan.target.update' : 'plan.target.create',
      targetType: 'plan_target',
      targetId: after.id,
      before: before ?? null,
      after,
    });
    return (await resolveTargets(tx, deps.regions, [after]))[0];
  });
}

export async function deleteTarget(deps: Deps, ctx: AuditContext, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  return deps.db.transaction(async (tx) => {
    const before = await findTargetById(tx, id);
    if (!before || !inScope(scope, { regionCode: before.regionCode })) throw notFound(TARGET);
    await deleteTargetById(tx, id);
    await writeAudit(tx, ctx, {
      action: 'plan.target.delete',
      targetType: 'plan_target',
      targetId: id,
      before,
      after: null,
    });
    return { ok: true as const };
  });
}
