/** Service logs: entered by the commissioner, photographed, checked, and decided by the served party. */
import { createHash } from 'node:crypto';
import type { ConfirmLog, RejectLog, ServiceLogBody } from '../../../domain/contracts/agri';
import { msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';
import { checkFile } from '../projects/applications/sniff';
import { checkLog } from './checks';
import {
  getLog,
  getPhoto,
  insertLog,
  insertPhoto,
  type LogRow,
  lockLog,
  photosOf,
  updateLogRow,
} from './logs-repo';
import { dispatchForWrite, getDispatch } from './people-repo';
import { canAddPhoto, canDecide, canLogUnder } from './policy';

const LOG = msg('服务记录', 'service log');
const PHOTO = msg('照片', 'photo');

/** A log as the API gives it (without the account behind the commissioner). */
export function logItem(row: LogRow) {
  const { commissionerUserId: _u, servedOrgId: _o, ...rest } = row;
  return rest;
}

async function loadVisible(tx: Tx, deps: Deps, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  const row = await getLog(tx, scope, id);
  if (!row) throw notFound(LOG);
  return { row, scope };
}

export async function logDetail(deps: Deps, actor: Actor, id: string) {
  const { row, scope } = await loadVisible(deps.db, deps, actor, id);
  return {
    log: logItem(row),
    photos: await photosOf(deps.db, id),
    abilities: {
      addPhoto: canAddPhoto(actor, row),
      confirm: row.status === 'submitted' && canDecide(actor, scope, row),
    },
  };
}

/** Recomputes a log's anomaly flags from the records (after it is entered and after each photo). */
async function recheck(tx: Tx, id: string) {
  const log = await lockLog(tx, id);
  const found = await dispatchForWrite(tx, log.dispatchId);
  const result = await checkLog(
    tx,
    { id, commissionerId: log.commissionerId, servedAt: new Date(log.servedAt), lat: log.lat, lng: log.lng },
    found.dispatch,
  );
  await updateLogRow(tx, id, result);
  return result;
}

export async function createLog(deps: Deps, ctx: AuditContext, actor: Actor, body: ServiceLogBody) {
  const servedAt = new Date(body.servedAt);
  if (servedAt.getTime() > clock.now().getTime() + 10 * 60_000) {
    throw invalid('servedAt', msg('服务时间不能晚于现在', 'The service time cannot be in the future'));
  }
  if ((body.lat == null) !== (body.lng == null)) {
    throw invalid('lng', msg('经纬度须同时填写', 'Give both latitude and longitude'));
  }
  const scope = scopeOf(actor, deps.regions);
  const id = await deps.db.transaction(async (tx) => {
    // A dispatch not the commissioner's own reads as absent.
    if (!(await getDispatch(tx, scope, body.dispatchId)))
      throw invalid('dispatchId', msg('选派记录不存在', 'No such dispatch'));
    const found = await dispatchForWrite(tx, body.dispatchId);
    if (!canLogUnder(actor, found)) throw forbidden();
    const row = await insertLog(tx, {
      dispatchId: body.dispatchId,
      commissionerId: found.dispatch.commissionerId,
      regionCode: found.dispatch.regionCode,
      servedAt,
      place: body.place,
      lat: body.lat ?? null,
      lng: body.lng ?? null,
      content: body.content,
    });
    const checked = await recheck(tx, row.id);
    await writeAudit(tx, ctx, {
      action: 'agri.service_log.create',
      targetType: 'agri_service_log',
      targetId: row.id,
      after: { ...row, ...checked },
    });
    return row.id;
  });
  return logDetail(deps, actor, id);
}

/** A photo (JPEG or PNG) of the visit; the log is checked again, so a reused photo is flagged at once. */
export async function addPhoto(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  up: { fileName: string; file: Buffer },
) {
  await deps.db.transaction(async (tx) => {
    const { row } = await loadVisible(tx, deps, actor, id);
    if (!canLogUnder(actor, row)) throw forbidden();
    if (!canAddPhoto(actor, row)) {
      throw conflict(
        msg('服务对象已处理的记录不能再添加照片', 'The served party has decided on this log'),
        'status',
      );
    }
    const { type, mime } = checkFile(up.fileName, up.file);
    if (type !== 'jpeg' && type !== 'png')
      throw invalid('file', msg('照片须为 JPG 或 PNG', 'The photo must be a JPEG or PNG'));
    const photo = await insertPhoto(tx, {
      logId: id,
      fileName: up.fileName,
      mime,
      size: up.file.length,
      sha256: createHash('sha256').update(up.file).digest('hex'),
      content: up.file,
    });
    const checked = await recheck(tx, id);
    await writeAudit(tx, ctx, {
      action: 'agri.service_log.photo',
      targetType: 'agri_service_log',
      targetId: id,
      after: { photo, ...checked },
    });
  });
  return logDetail(deps, actor, id);
}

/** A photo, for whoever sees its log. */
export async function photoFile(deps: Deps, actor: Actor, photoId: string) {
  const photo = await getPhoto(deps.db, photoId);
  if (!photo) throw notFound(PHOTO);
  await loadVisible(deps.db, deps, actor, photo.logId).catch(() => {
    throw notFound(PHOTO);
  });
  return photo;
}

async function decide(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  set: { status: 'confirmed' | 'rejected'; satisfaction?: number; rejectReason?: string },
) {
  await deps.db.transaction(async (tx) => {
    const { row, scope } = await loadVisible(tx, deps, actor, id);
    if (!canDecide(actor, scope, row)) throw forbidden();
    const locked = await lockLog(tx, id);
    if (locked.status !== 'submitted') {
      throw conflict(msg('该记录已确认或退回', 'This log has already been decided'), 'status');
    }
    const after = await updateLogRow(tx, id, { ...set, decidedAt: clock.now(), decidedBy: actor.id });
    await writeAudit(tx, ctx, {
      action: `agri.service_log.${set.status === 'confirmed' ? 'confirm' : 'reject'}`,
      targetType: 'agri_service_log',
      targetId: id,
      before: { status: locked.status },
      after: { status: after.status, satisfaction: after.satisfaction, rejectReason: after.rejectReason },
    });
  });
  return logDetail(deps, actor, id);
}

export const confirmLog = (deps: Deps, ctx: AuditContext, actor: Actor, id: string, body: ConfirmLog) =>
  decide(deps, ctx, actor, id, { status: 'confirmed', satisfaction: body.satisfaction });

export const rejectLog = (deps: Deps, ctx: AuditContext, actor: Actor, id: string, body: RejectLog) =>
  decide(deps, ctx, actor, id, { status: 'rejected', rejectReason: body.reason });
