import type { z } from 'zod';
import type {
  qualificationBodySchema,
  qualificationUpdateSchema,
  revokeBodySchema,
} from '../../../domain/contracts/registry';
import { validateHteCertificate } from '../../../domain/identifiers';
import { msg } from '../../../domain/message';
import { qualificationValiditySchema } from '../../../domain/reference';
import { validUntilFor } from '../../../domain/registry';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { inScope, scopeOf } from '../../platform/scope';
import { loadVisibleOrg } from './orgs-service';
import { canWriteInScope } from './policy';
import {
  findQualificationRow,
  findQualificationType,
  getQualification,
  insertQualification,
  updateQualificationRow,
} from './qualifications-repo';

const QUALIFICATION = msg('资质', 'qualification');

async function typeOf(tx: Tx, code: string) {
  const type = await findQualificationType(tx, code);
  if (!type) throw invalid('typeCode', msg('资质类型不存在', 'No such qualification type'));
  return type;
}

type Body = z.infer<typeof qualificationBodySchema>;

/** Checks a qualification's fields against its type and fills the last valid day from the type's rule. */
async function normalise(tx: Tx, body: Omit<Body, 'orgId'>) {
  const type = await typeOf(tx, body.typeCode);
  if (body.level && !type.levels.includes(body.level)) {
    throw invalid(
      'level',
      msg(
        `${type.name}的级别只能是 ${type.levels.join('/')}`,
        `Level must be one of ${type.levels.join(', ')}`,
      ),
    );
  }
  if (type.code === 'hte' && body.certificateNo) {
    const r = validateHteCertificate(body.certificateNo);
    if (!r.ok) throw invalid('certificateNo', r.reason);
    body = { ...body, certificateNo: r.value };
  }
  const validity = qualificationValiditySchema.parse(type.validity);
  const validUntil = body.validUntil === undefined ? validUntilFor(validity, body.issuedOn) : body.validUntil;
  if (validUntil !== null && validUntil < body.issuedOn) {
    throw invalid(
      'validUntil',
      msg('有效期至不能早于认定日期', 'The end of validity cannot precede the issue date'),
    );
  }
  return {
    ...body,
    level: body.level ?? (type.levels.length === 1 ? (type.levels[0] as Body['level']) : null),
    validUntil,
  };
}

function uniqueViolation(e: unknown) {
  const text = String((e as { cause?: unknown })?.cause ?? e);
  if (text.includes('qualifications_certificate_key')) {
    return conflict(
      msg('该证书编号已登记', 'This certificate number is already registered'),
      'certificateNo',
    );
  }
  return e;
}

export async function createQualification(deps: Deps, ctx: AuditContext, actor: Actor, body: Body) {
  const scope = scopeOf(actor, deps.regions);
  return deps.db
    .transaction(async (tx) => {
      const org = await loadVisibleOrg(tx, scope, body.orgId);
      if (!canWriteInScope(actor, scope, { regionCode: org.regionCode, orgId: org.id, parkId: org.parkId }))
        throw forbidden();
      const values = await normalise(tx, body);
      const row = await insertQualification(tx, { ...values, orgId: org.id, regionCode: org.regionCode });
      await writeAudit(tx, ctx, {
        action: 'qualification.create',
        targetType: 'qualification',
        targetId: row.id,
        after: row,
      });
      return (await getQualification(tx, row.id))!;
    })
    .catch((e) => {
      throw uniqueViolation(e);
    });
}

async function loadWritable(tx: Tx, deps: Deps, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  const row = await findQualificationRow(tx, id);
  if (!row) throw notFound(QUALIFICATION);
  const org = await loadVisibleOrg(tx, scope, row.orgId).catch(() => {
    throw notFound(QUALIFICATION);
  });
  if (!inScope(scope, { regionCode: row.regionCode, orgId: row.orgId, parkId: org.parkId }))
    throw notFound(QUALIFICATION);
  if (!canWriteInScope(actor, scope, { regionCode: row.regionCode, orgId: row.orgId, parkId: org.parkId }))
    throw forbidden();
  return row;
}

export async function updateQualification(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof qualificationUpdateSchema>,
) {
  return deps.db
    .transaction(async (tx) => {
      const before = await loadWritable(tx, deps, actor, id);
      const merged = {
        typeCode: body.typeCode ?? before.typeCode,
        level: body.level === undefined ? before.level : body.level,
        certificateNo: body.certificateNo === undefined ? before.certificateNo : body.certificateNo,
        issuedOn: body.issuedOn ?? before.issuedOn,
        // A new issue date recomputes the end unless one is given.
        validUntil:
          body.validUntil !== undefined ? body.validUntil : body.issuedOn ? undefined : before.validUntil,
        documentNo: body.documentNo === undefined ? before.documentNo : body.documentNo,
        batch: body.batch === undefined ? before.batch : body.batch,
      };
      const values = await normalise(tx, merged);
      const after = await updateQualificationRow(tx, id, values);
      await writeAudit(tx, ctx, {
        action: 'qualification.update',
        targetType: 'qualification',
        targetId: id,
        before,
        after,
      });
      return (await getQualification(tx, id))!;
    })
    .catch((e) => {
      throw uniqueViolation(e);
    });
}

export async function revokeQualification(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof revokeBodySchema>,
) {
  return deps.db.transaction(async (tx) => {
    const before = await loadWritable(tx, deps, actor, id);
    if (before.revoked) throw conflict(msg('该资质已撤销', 'The qualification is already revoked'));
    if (body.revokedOn < before.issuedOn) {
      throw invalid(
        'revokedOn',
        msg('撤销日期不能早于认定日期', 'The revocation cannot precede the issue date'),
      );
    }
    await updateQualificationRow(tx, id, {
      revoked: true,
      revokedOn: body.revokedOn,
      revokeReason: body.reason,
    });
    await writeAudit(tx, ctx, {
      action: 'qualification.revoke',
      targetType: 'qualification',
      targetId: id,
      before: { revoked: false },
      after: { revoked: true, revokedOn: body.revokedOn, reason: body.reason },
    });
    return (await getQualification(tx, id))!;
  });
}
