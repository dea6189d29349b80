import type {
  FacilityEndBody,
  PlatformBody,
  PlatformUpdate,
} from '../../../domain/contracts/registry-facilities';
import { msg } from '../../../domain/message';
import { rdPlatforms } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { AuditContext } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { scopeOf } from '../../platform/scope';
import {
  createFacility,
  endFacility,
  type FacilityKind,
  loadVisibleFacility,
  updateFacility,
} from './facility-service';
import { getPlatformRow, type PlatformRow } from './platforms-repo';

/** 研发平台: hosted by an organisation (依托单位). */
const PLATFORM: FacilityKind<PlatformRow> = {
  table: rdPlatforms,
  ownerField: 'hostOrgId',
  audit: { prefix: 'platform', targetType: 'rd_platform' },
  says: {
    record: msg('研发平台', 'R&D platform'),
    ownerUnknown: msg('依托单位不存在或不在管辖范围内', 'No such host organisation in your scope'),
    nameTaken: msg('该依托单位已有同名研发平台', 'The host already has an R&D platform of this name'),
    ended: msg('该研发平台已终止', 'The R&D platform has already ended'),
  },
  row: getPlatformRow,
};

export async function platformDetail(deps: Deps, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  const { canEdit } = await loadVisibleFacility(PLATFORM, deps.db, actor, scope, id);
  return { platform: (await getPlatformRow(deps.db, id))!, abilities: { edit: canEdit } };
}

export const createPlatform = (deps: Deps, ctx: AuditContext, actor: Actor, body: PlatformBody) =>
  createFacility(PLATFORM, deps, ctx, actor, body);

export const updatePlatform = (
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: PlatformUpdate,
) => updateFacility(PLATFORM, deps, ctx, actor, id, body);

export const endPlatform = (deps: Deps, ctx: AuditContext, actor: Actor, id: string, body: FacilityEndBody) =>
  endFacility(PLATFORM, deps, ctx, actor, id, body);
