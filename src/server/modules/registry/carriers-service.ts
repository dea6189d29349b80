import type {
  CarrierAnnualBody,
  CarrierBody,
  CarrierUpdate,
  FacilityEndBody,
} from '../../../domain/contracts/registry-facilities';
import { msg } from '../../../domain/message';
import { carriers } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';
import {
  type CarrierRow,
  carrierAnnualRows,
  getCarrierAnnual,
  getCarrierRow,
  moveCarrierAnnual,
  upsertCarrierAnnual,
} from './carriers-repo';
import {
  createFacility,
  endFacility,
  type FacilityKind,
  loadVisibleFacility,
  loadWritableFacility,
  updateFacility,
} from './facility-service';

/** 孵化载体: run by an organisation (运营单位); its yearly figures carry its region too. */
const CARRIER: FacilityKind<CarrierRow> = {
  table: carriers,
  ownerField: 'operatorOrgId',
  audit: { prefix: 'carrier', targetType: 'carrier' },
  says: {
    record: msg('孵化载体', 'incubation carrier'),
    ownerUnknown: msg('运营单位不存在或不在管辖范围内', 'No such operator in your scope'),
    nameTaken: msg(
      '该运营单位已有同名孵化载体',
      'The operator already runs an incubation carrier of this name',
    ),
    ended: msg('该孵化载体已终止', 'The carrier has already ended'),
  },
  row: getCarrierRow,
  ownerMoved: moveCarrierAnnual,
};

export async function carrierDetail(deps: Deps, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  const { canEdit } = await loadVisibleFacility(CARRIER, deps.db, actor, scope, id);
  const [carrier, annual] = await Promise.all([getCarrierRow(deps.db, id), carrierAnnualRows(deps.db, id)]);
  return { carrier: carrier!, annual, abilities: { edit: canEdit } };
}

export const createCarrier = (deps: Deps, ctx: AuditContext, actor: Actor, body: CarrierBody) =>
  createFacility(CARRIER, deps, ctx, actor, body);

export const updateCarrier = (deps: Deps, ctx: AuditContext, actor: Actor, id: string, body: CarrierUpdate) =>
  updateFacility(CARRIER, deps, ctx, actor, id, body);

export const endCarrier = (deps: Deps, ctx: AuditContext, actor: Actor, id: string, body: FacilityEndBody) =>
  endFacility(CARRIER, deps, ctx, actor, id, body);

/** 孵化载体年度数据: stored with the carrier's region so figures sum by region alone. */
export async function saveCarrierAnnual(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  year: number,
  body: CarrierAnnualBody,
) {
  const { incubatees = null, graduates = null, areaM2 = null } = body;
  if (incubatees !== null && graduates !== null && graduates > incubatees) {
    throw invalid('graduates', msg('毕业企业数不能大于在孵企业数', 'Graduates cannot exceed incubatees'));
  }
  const scope = scopeOf(actor, deps.regions);
  return deps.db.transaction(async (tx) => {
    const carrier = await loadWritableFacility(CARRIER, tx, actor, scope, id);
    const before = await getCarrierAnnual(tx, id, year);
    const figures = { ...body, areaM2, incubatees, graduates };
    const row = await upsertCarrierAnnual(tx, {
      carrierId: id,
      year,
      regionCode: carrier.regionCode,
      ...figures,
    });
    await writeAudit(tx, ctx, {
      action: 'carrier.annual',
      targetType: 'carrier',
      targetId: id,
      before: before ?? null,
      after: row,
    });
    return row;
  });
}
