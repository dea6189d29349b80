import type { ParkAnnualBody, ParkListQuery } from '../../../domain/contracts/registry-facilities';
import { msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { forbidden, invalid, notFound } from '../../platform/errors';
import { pageOf } from '../../platform/listing';
import { inScope, type Scope, scopeOf } from '../../platform/scope';
import {
  countParks,
  getPark,
  getParkAnnual,
  getParkRow,
  listParks,
  parkAnnualRows,
  upsertParkAnnual,
} from './parks-repo';

const PARK = msg('园区', 'park');

type ParkFacts = { id: string; regionCode: string };

/**
 * Who may report a park's yearly figures: a registry writer whose scope holds the park (the city,
 * or the county the park lies in). Park accounts read their own park's figures.
 */
export function canEditParkFigures(actor: Actor, scope: Scope, park: ParkFacts): boolean {
  return (
    actor.permissions.has('registry.write') &&
    inScope(scope, { regionCode: park.regionCode, parkId: park.id })
  );
}

export async function listParkPage(deps: Deps, actor: Actor, q: ParkListQuery) {
  const scope = scopeOf(actor, deps.regions);
  const { limit, offset } = pageOf(q);
  const [items, total] = await Promise.all([
    listParks(deps.db, scope, q, deps.regions, limit, offset),
    countParks(deps.db, scope, q, deps.regions),
  ]);
  return { items, total };
}

async function loadVisible(tx: Tx, scope: Scope, id: string) {
  const park = await getPark(tx, id);
  if (!park || !inScope(scope, { regionCode: park.regionCode, parkId: park.id })) throw notFound(PARK);
  return park;
}

export async function parkDetail(deps: Deps, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  const park = await loadVisible(deps.db, scope, id);
  const [row, annual] = await Promise.all([getParkRow(deps.db, id), parkAnnualRows(deps.db, id)]);
  return { park: row!, annual, abilities: { editAnnual: canEditParkFigures(actor, scope, park) } };
}

/** 园区年度数据: one year replaced whole, stored with the park's region. */
export async function saveParkAnnual(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  year: number,
  body: ParkAnnualBody,
) {
  if (body.enterprises !== null && body.hteCount !== null && body.hteCount > body.enterprises) {
    throw invalid(
      'hteCount',
      msg('高新技术企业数不能大于企业数', 'High-tech enterprises cannot exceed enterprises'),
    );
  }
  const scope = scopeOf(actor, deps.regions);
  return deps.db.transaction(async (tx) => {
    const park = await loadVisible(tx, scope, id);
    if (!canEditParkFigures(actor, scope, park)) throw forbidden();
    const before = await getParkAnnual(tx, id, year);
    const row = await upsertParkAnnual(tx, { parkId: id, year, regionCode: park.regionCode, ...body });
    await writeAudit(tx, ctx, {
      action: 'park.annual',
      targetType: 'park',
      targetId: id,
      before: before ?? null,
      after: row,
    });
    return row;
  });
}
