import { eq } from 'drizzle-orm';
import type {
  FacilityEndBody,
  PlatformBody,
  PlatformListQuery,
  PlatformUpdate,
} from '../../../domain/contracts/registry-facilities';
import { msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import { rdPlatforms } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { pageOf } from '../../platform/listing';
import { inScope, type Scope, scopeOf } from '../../platform/scope';
import { facilityNameTaken, getPlatformFacts, lockOrgRow } from './facilities-repo';
import { loadVisibleOrg } from './orgs-service';
import { countPlatforms, getPlatformRow, listPlatforms } from './platforms-repo';
import { canWriteInScope } from './policy';

const PLATFORM = msg('研发平台', 'R&D platform');

export async function listPlatformPage(deps: Deps, actor: Actor, q: PlatformListQuery) {
  const scope = scopeOf(actor, deps.regions);
  const { limit, offset } = pageOf(q);
  const [items, total] = await Promise.all([
    listPlatforms(deps.db, scope, q, deps.regions, limit, offset),
    countPlatforms(deps.db, scope, q, deps.regions),
  ]);
  return { items, total };
}

/**
 * The host named in a body: one the actor may see and write for. An unknown or unseen host is a
 * wrong field value, named as such; it leaks no more than a 404 would.
 */
async function writableHost(tx: Tx, actor: Actor, scope: Scope, hostOrgId: string) {
  const host = await loadVisibleOrg(tx, scope, hostOrgId).catch((e) => {
    throw e instanceof AppError && e.status === 404
      ? invalid('hostOrgId', msg('依托单位不存在或不在管辖范围内', 'No such host organisation in your scope'))
      : e;
  });
  if (!canWriteInScope(actor, scope, { regionCode: host.regionCode, orgId: host.id, parkId: host.parkId }))
    throw forbidden();
  // Serialises writers of this host's platforms, so the name check below holds.
  await lockOrgRow(tx, host.id);
  return host;
}

async function assertNameFree(tx: Tx, hostOrgId: string, name: string, exceptId?: string) {
  if (await facilityNameTaken(tx, rdPlatforms, hostOrgId, name, exceptId)) {
    throw conflict(
      msg('该依托单位已有同名研发平台', 'The host already has an R&D platform of this name'),
      'name',
    );
  }
}

/** Loads a platform the actor may see (404 otherwise), with whether they may change it. */
async function loadVisible(tx: Tx, actor: Actor, scope: Scope, id: string) {
  const facts = await getPlatformFacts(tx, id);
  if (!facts) throw notFound(PLATFORM);
  const rec = {
    regionCode: facts.platform.regionCode,
    orgId: facts.platform.hostOrgId,
    parkId: facts.parkId,
  };
  if (!inScope(scope, rec)) throw notFound(PLATFORM);
  return { platform: facts.platform, canEdit: canWriteInScope(actor, scope, rec) };
}

async function loadWritable(tx: Tx, actor: Actor, scope: Scope, id: string) {
  const { platform, canEdit } = await loadVisible(tx, actor, scope, id);
  if (!canEdit) throw forbidden();
  return platform;
}

export async function platformDetail(deps: Deps, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  const { canEdit } = await loadVisible(deps.db, actor, scope, id);
  return { platform: (await getPlatformRow(deps.db, id))!, abilities: { edit: canEdit } };
}

export async function createPlatform(deps: Deps, ctx: AuditContext, actor: Actor, body: PlatformBody) {
  const scope = scopeOf(actor, deps.regions);
  return deps.db.transaction(async (tx) => {
    const host = await writableHost(tx, actor, scope, body.hostOrgId);
    await assertNameFree(tx, host.id, body.name);
    const [row] = await tx
      .insert(rdPlatforms)
      .values({ ...body, regionCode: host.regionCode })
      .returning();
    await writeAudit(tx, ctx, {
      action: 'platform.create',
      targetType: 'rd_platform',
      targetId: row.id,
      after: row,
    });
    return (await getPlatformRow(tx, row.id))!;
  });
}

export async function updatePlatform(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: PlatformUpdate,
) {
  const scope = scopeOf(actor, deps.regions);
  return deps.db.transaction(async (tx) => {
    const before = await loadWritable(tx, actor, scope, id);
    const host =
      body.hostOrgId && body.hostOrgId !== before.hostOrgId
        ? await writableHost(tx, actor, scope, body.hostOrgId)
        : null;
    if (!host) await lockOrgRow(tx, before.hostOrgId);
    const hostOrgId = host?.id ?? before.hostOrgId;
    if (body.name !== undefined || host) await assertNameFree(tx, hostOrgId, body.name ?? before.name, id);
    const recognizedOn = body.recognizedOn ?? before.recognizedOn;
    if (before.endedOn && before.endedOn < recognizedOn) {
      throw invalid(
        'recognizedOn',
        msg('认定日期不能晚于终止日期', 'The recognition date cannot follow the end date'),
      );
    }
    const [after] = await tx
      .update(rdPlatforms)
      .set({ ...body, ...(host ? { regionCode: host.regionCode } : {}), updatedAt: new Date() })
      .where(eq(rdPlatforms.id, id))
      .returning();
    const changed = [...Object.keys(body), ...(host ? ['regionCode'] : [])] as (keyof typeof before)[];
    await writeAudit(tx, ctx, {
      action: 'platform.update',
      targetType: 'rd_platform',
      targetId: id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    return (await getPlatformRow(tx, id))!;
  });
}

/** 撤销 or 关闭/合并. The schema holds no reason column, so the reason lives in the audit entry. */
export async function endPlatform(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: FacilityEndBody,
) {
  const scope = scopeOf(actor, deps.regions);
  return deps.db.transaction(async (tx) => {
    const before = await loadWritable(tx, actor, scope, id);
    if (before.status !== 'active')
      throw conflict(msg('该研发平台已终止', 'The R&D platform has already ended'));
    if (body.endedOn < before.recognizedOn) {
      throw invalid(
        'endedOn',
        msg('终止日期不能早于认定日期', 'The end date cannot precede the recognition date'),
      );
    }
    await tx
      .update(rdPlatforms)
      .set({ status: body.status, endedOn: body.endedOn, updatedAt: new Date() })
      .where(eq(rdPlatforms.id, id));
    await writeAudit(tx, ctx, {
      action: 'platform.end',
      targetType: 'rd_platform',
      targetId: id,
      before: { status: before.status, endedOn: before.endedOn },
      after: { status: body.status, endedOn: body.endedOn, reason: body.reason },
    });
    return (await getPlatformRow(tx, id))!;
  });
}
