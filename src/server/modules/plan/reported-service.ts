/**
 * Reported indicator values (GDP, R&D spending, population … and, until their modules exist, patents
 * and contracts): entered by staff or imported, each with source and vintage. A correction never
 * overwrites: the earlier row is marked superseded by the new one in the same transaction and stays
 * as history; the engine reads only current rows.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ReportedValue, reportedValueBodySchema } from '../../../domain/contracts/plan';
import { type Msg, msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import type { RegionTree } from '../../platform/region-tree';
import { inScope, type Scope, scopeOf } from '../../platform/scope';
import { indicatorOf } from './catalogue';
import {
  currentReported,
  insertReported,
  lockReportedWrites,
  type ReportedRow,
  supersedeReported,
} from './reported-repo';

export type ReportedBody = z.infer<typeof reportedValueBodySchema>;
type Row = ReportedRow;

/** `54010.0000` → `54010`, `462721.0600` → `462721.06`. */
export function decimalText(v: string): string {
  return v.includes('.') ? v.replace(/\.?0+$/, '') : v;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export function presentReported(r: Row, regions: RegionTree): ReportedValue {
  const indicator = indicatorOf(r.indicatorCode);
  return {
    id: r.id,
    indicatorCode: r.indicatorCode,
    indicatorName: indicator?.name ?? r.indicatorCode,
    unit: indicator?.unit ?? '',
    year: r.year,
    regionCode: r.regionCode,
    regionName: regions.get(r.regionCode)?.name ?? r.regionCode,
    value: decimalText(r.value),
    source: r.source,
    sourceDate: r.sourceDate,
    vintage: r.vintage,
    note: r.note,
    enteredBy: r.enteredBy,
    enteredAt: iso(r.enteredAt)!,
    current: r.supersededAt === null,
    supersededAt: iso(r.supersededAt),
    supersededBy: r.supersededBy,
  };
}

/** Why an indicator code cannot take a reported value, or null when it can. */
export function indicatorProblem(code: string): Msg | null {
  const indicator = indicatorOf(code);
  if (!indicator) return msg(`指标「${code}」不存在`, `No indicator "${code}"`);
  if (indicator.kind !== 'reported') {
    const kind = indicator.kind === 'computed' ? '由登记数据计算' : '由其他指标派生';
    return msg(
      `指标「${indicator.name}」${kind}，不能填报`,
      `"${indicator.nameEn}" is ${indicator.kind}, not a reported indicator`,
    );
  }
  return null;
}

/** Why a region cannot take a reported value from this actor, or null when it can. */
export function regionProblem(regions: RegionTree, scope: Scope, code: string): Msg | null {
  const region = regions.get(code);
  if (!region) return msg(`区域「${code}」不存在`, `No region "${code}"`);
  if (!region.holdsData) return msg(`${region.name}不填报数据`, `${region.nameEn} holds no data`);
  if (!inScope(scope, { regionCode: code }))
    return msg('超出本单位管辖区域', 'The region is outside your jurisdiction');
  return null;
}

export function valueProblem(value: string): Msg | null {
  return value.startsWith('-') ? msg('数值不能为负数', 'The value cannot be negative') : null;
}

/**
 * Writes reported values, superseding the current row of each (indicator, year, region) the batch
 * touches. The caller owns the transaction (and its audit entry). Answers the rows written and the
 * rows they replaced.
 */
export async function writeReported(tx: Tx, rows: ReportedBody[], enteredBy: string) {
  await lockReportedWrites(tx);
  if (rows.length === 0) return { inserted: [] as Row[], superseded: [] as Row[] };
  const key = (r: { indicatorCode: string; year: number; regionCode: string }) =>
    `${r.indicatorCode}|${r.year}|${r.regionCode}`;
  const codes = [...new Set(rows.map((r) => r.indicatorCode))];
  const years = [...new Set(rows.map((r) => r.year))];
  const candidates = await currentReported(tx, codes, years);
  const currentByKey = new Map(candidates.map((r) => [key(r), r]));
  const fresh = rows.map((r) => ({ ...r, id: randomUUID(), enteredBy }));
  const replaced = fresh.flatMap((r) => {
    const old = currentByKey.get(key(r));
    return old ? [{ old, newId: r.id }] : [];
  });
  await supersedeReported(
    tx,
    replaced.map((p) => ({ oldId: p.old.id, newId: p.newId })),
  );
  const inserted = await insertReported(tx, fresh);
  return { inserted, superseded: replaced.map((p) => p.old) };
}

/** Enters one value (or corrects the current one); refused with the field when it cannot be. */
export async function saveReported(deps: Deps, ctx: AuditContext, actor: Actor, body: ReportedBody) {
  const scope = scopeOf(actor, deps.regions);
  const checks: [string, Msg | null][] = [
    ['indicatorCode', indicatorProblem(body.indicatorCode)],
    ['regionCode', regionProblem(deps.regions, scope, body.regionCode)],
    ['value', valueProblem(body.value)],
  ];
  const failed = checks.find(([, m]) => m !== null);
  if (failed) throw invalid(failed[0], failed[1]!);
  return deps.db.transaction(async (tx) => {
    const { inserted, superseded } = await writeReported(tx, [body], actor.username);
    const row = inserted[0];
    await writeAudit(tx, ctx, {
      action: superseded.length > 0 ? 'plan.reported-value.correct' : 'plan.reported-value.create',
      targetType: 'reported_value',
      targetId: row.id,
      before: superseded[0] ?? null,
      after: row,
    });
    return presentReported(row, deps.regions);
  });
}
