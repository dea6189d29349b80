import { createHash } from 'node:crypto';
import { msg } from '../../../../domain/message';
import type { Tx } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { type AuditContext, writeAudit } from '../../../platform/audit';
import type { Deps } from '../../../platform/deps';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors';
import { callRules, loadCall } from '../calls/calls-service';
import { attachmentAbility, FINAL_REPORT, mayChangeAttachment, projectScope } from '../policy';
import { type ApplicationRecord, getVisibleApplication } from './applications-repo';
import { loadVisibleApplication } from './applications-service';
import { getAttachment, insertAttachment, removeAttachment } from './attachments-repo';
import { checkFile } from './sniff';

const ATTACHMENT = msg('附件', 'attachment');
export const OTHER = 'other';
const iso = (v: Date | string) => new Date(v).toISOString();

export interface Upload {
  kind: string;
  fileName: string;
  file: Buffer;
}

/** The kinds of file the application takes now: the call's required ones and "other" while the
 *  form is editable; only the final report (验收材料) while the project is under way. */
async function kindsAccepted(tx: Tx, actor: Actor, app: ApplicationRecord): Promise<string[]> {
  if (app.state === 'in_progress') return [FINAL_REPORT];
  const call = await loadCall(tx, actor, app.callId);
  return [...callRules(call).requiredAttachments.map((a) => a.code), OTHER];
}

function refuseChange(actor: Actor, app: ApplicationRecord): never {
  if (actor.orgId !== app.orgId) throw forbidden();
  throw conflict(
    msg('当前状态下不能修改附件', 'Attachments cannot be changed in the application’s current state'),
    'state',
  );
}

export async function addAttachment(deps: Deps, ctx: AuditContext, actor: Actor, appId: string, up: Upload) {
  return deps.db.transaction(async (tx) => {
    const { app } = await loadVisibleApplication(tx, deps, actor, appId);
    if (!attachmentAbility(actor, app)) refuseChange(actor, app);
    const kinds = await kindsAccepted(tx, actor, app);
    if (!kinds.includes(up.kind))
      throw invalid(
        'kind',
        msg(`kind: 附件类别应为 ${kinds.join(' / ')}`, `kind: must be one of ${kinds.join(', ')}`),
      );
    const { mime } = checkFile(up.fileName, up.file);
    const sha256 = createHash('sha256').update(up.file).digest('hex');
    const row = await insertAttachment(tx, {
      applicationId: app.id,
      kind: up.kind,
      fileName: up.fileName,
      mime,
      size: up.file.length,
      sha256,
      content: up.file,
      uploadedBy: actor.id,
    });
    const { content: _c, ...meta } = row;
    await writeAudit(tx, ctx, {
      action: 'attachment.create',
      targetType: 'attachment',
      targetId: row.id,
      after: meta,
    });
    return { ...meta, uploadedAt: iso(meta.uploadedAt) };
  });
}

/**
 * An attachment whose application the actor may see, else 404. Experts read files only through
 * their review (GET /reviews/:id/attachments/…), which also checks the conflict of interest and
 * that the review still runs.
 */
export async function loadVisibleAttachment(tx: Tx, deps: Deps, actor: Actor, id: string) {
  const row = await getAttachment(tx, id);
  if (!row) throw notFound(ATTACHMENT);
  const scope = projectScope(actor, deps.regions);
  if (scope.kind === 'assigned') throw notFound(ATTACHMENT);
  const app = await getVisibleApplication(tx, scope, row.applicationId);
  if (!app) throw notFound(ATTACHMENT);
  return { attachment: row, app };
}

export async function deleteAttachment(deps: Deps, ctx: AuditContext, actor: Actor, id: string) {
  await deps.db.transaction(async (tx) => {
    const { attachment, app } = await loadVisibleAttachment(tx, deps, actor, id);
    if (!mayChangeAttachment(actor, app, attachment.kind)) refuseChange(actor, app);
    await removeAttachment(tx, id);
    const { content: _c, ...meta } = attachment;
    await writeAudit(tx, ctx, {
      action: 'attachment.delete',
      targetType: 'attachment',
      targetId: id,
      before: meta,
    });
  });
  return { ok: true as const };
}

/** RFC 6266 / RFC 5987: an ASCII fallback name and the UTF-8 name percent-encoded. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
