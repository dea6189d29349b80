/** 科技成果: posting, checking, publishing and versioned editing; every write audited. */
import type { AchievementBody, AchievementUpdate, ListingActionBody } from '../../../domain/contracts/market';
import { validatePatentNumber } from '../../../domain/identifiers';
import { msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { forbidden, invalid, notFound } from '../../platform/errors';
import { inScope, scopeOf } from '../../platform/scope';
import {
  achievementText,
  achievementVersions,
  getAchievement,
  insertAchievement,
  insertAchievementVersion,
  lockAchievement,
  orgOf,
  updateAchievementRow,
} from './achievements-repo';
import { ACHIEVEMENT, applyAction } from './listing-flow';
import { hasInterest, interestsIn } from './matches-repo';
import { writeTerms } from './matching-repo';
import { actionsFor, canEdit, canExpressInterest, seesPrivate } from './policy';
import { achievementVector, vectorLength } from './text';

/** Patent application numbers, each checked; the error names the one that is wrong. */
export function checkPatents(nos: string[] | undefined): string[] | undefined {
  if (!nos) return undefined;
  return nos.map((no, i) => {
    const r = validatePatentNumber(no);
    if (!r.ok) {
      throw invalid(
        'patentNos',
        msg(
          `第 ${i + 1} 个专利申请号 ${no}：${r.reason.zh}`,
          `Patent number ${i + 1} (${no}): ${r.reason.en}`,
        ),
      );
    }
    return r.value;
  });
}

/** The organisation a new listing is posted for: the poster's own, or the one staff name. */
export async function ownerFor(deps: Deps, tx: Tx, actor: Actor, given: string | undefined, field: string) {
  const scope = scopeOf(actor, deps.regions);
  const manager = actor.permissions.has('market.manage');
  if (!manager && !actor.permissions.has('market.post')) throw forbidden();
  const id = manager ? (given ?? actor.orgId) : actor.orgId;
  if (!id || (!manager && given && given !== actor.orgId)) {
    throw invalid(field, msg('只能以本单位名义发布', 'You may post only for your own organisation'));
  }
  const org = await orgOf(tx, id);
  if (!org) throw invalid(field, msg('单位不存在', 'No such organisation'));
  if (manager && !inScope(scope, { regionCode: org.regionCode }) && actor.orgId !== id) {
    throw invalid(field, msg('该单位不在管辖范围内', 'The organisation is outside your scope'));
  }
  return org;
}

export async function achievementDetail(deps: Deps, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  const item = await getAchievement(deps.db, scope, id);
  if (!item) throw notFound(ACHIEVEMENT);
  const rec = { orgId: item.ownerOrgId, regionCode: item.regionCode, status: item.status };
  const text = await achievementText(deps.db, id);
  const privy = seesPrivate(actor, scope, rec);
  const contacts = privy || (!!actor.orgId && (await hasInterest(deps.db, 'achievement', id, actor.orgId)));
  return {
    achievement: {
      ...item,
      ...text,
      contactPerson: contacts ? text.contactPerson : null,
      contactPhone: contacts ? text.contactPhone : null,
    },
    versions: await achievementVersions(deps.db, id),
    interests: privy ? await interestsIn(deps.db, 'achievement', id) : [],
    abilities: {
      edit: canEdit(actor, scope, rec),
      actions: actionsFor(actor, scope, rec),
      matches: privy,
      interest: canExpressInterest(actor, rec),
    },
  };
}

/** Posting is for an organisation's users holding market.post and for the bureau's managers. */
export function checkMayPost(actor: Actor) {
  if (!actor.permissions.has('market.post') && !actor.permissions.has('market.manage')) throw forbidden();
}

export async function createAchievement(deps: Deps, ctx: AuditContext, actor: Actor, body: AchievementBody) {
  checkMayPost(actor);
  const patentNos = checkPatents(body.patentNos) ?? [];
  const id = await deps.db.transaction(async (tx) => {
    const org = await ownerFor(deps, tx, actor, body.ownerOrgId, 'ownerOrgId');
    const vector = achievementVector(body);
    const row = await insertAchievement(tx, {
      ...body,
      patentNos,
      ownerOrgId: org.id,
      regionCode: org.regionCode,
      status: 'draft',
      termCount: vectorLength(vector),
    });
    await writeTerms(tx, 'achievement', row.id, vector);
    await writeAudit(tx, ctx, {
      action: 'market.achievement.create',
      targetType: 'market_achievement',
      targetId: row.id,
      after: { ...row, contactPhone: undefined },
    });
    return row.id;
  });
  return (await getAchievement(deps.db, scopeOf(actor, deps.regions), id))!;
}

/** Reads for a write: out of scope is not found, locked until the transaction ends. */
async function loadForWrite(deps: Deps, tx: Tx, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  if (!(await getAchievement(tx, scope, id))) throw notFound(ACHIEVEMENT);
  const row = await lockAchievement(tx, id);
  return { row, scope, rec: { orgId: row.ownerOrgId, regionCode: row.regionCode, status: row.status } };
}

/** Edits; once published, the text before the edit is kept as a version. */
export async function updateAchievement(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: AchievementUpdate,
) {
  const patentNos = checkPatents(body.patentNos);
  await deps.db.transaction(async (tx) => {
    const { row, scope, rec } = await loadForWrite(deps, tx, actor, id);
    if (!canEdit(actor, scope, rec)) throw forbidden();
    const versioned = row.status === 'published';
    if (versioned) {
      const { contactPhone: _phone, ...snapshot } = row;
      await insertAchievementVersion(tx, {
        achievementId: id,
        version: row.version,
        snapshot,
        changedBy: actor.id,
      });
    }
    const merged = { ...row, ...body };
    const vector = achievementVector(merged);
    const after = await updateAchievementRow(tx, id, {
      ...body,
      ...(patentNos ? { patentNos } : {}),
      version: versioned ? row.version + 1 : row.version,
      termCount: vectorLength(vector),
    });
    await writeTerms(tx, 'achievement', id, vector);
    await writeAudit(tx, ctx, {
      action: 'market.achievement.update',
      targetType: 'market_achievement',
      targetId: id,
      before: { ...row, contactPhone: undefined },
      after: { ...after, contactPhone: undefined },
    });
  });
  return (await getAchievement(deps.db, scopeOf(actor, deps.regions), id))!;
}

export async function actOnAchievement(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  { action, comment }: ListingActionBody,
) {
  await deps.db.transaction(async (tx) => {
    const { row, scope, rec } = await loadForWrite(deps, tx, actor, id);
    const set = applyAction(actor, scope, rec, action, clock.today(), comment);
    await updateAchievementRow(tx, id, set);
    await writeAudit(tx, ctx, {
      action: `market.achievement.${action}`,
      targetType: 'market_achievement',
      targetId: id,
      before: { status: row.status },
      after: { ...set, comment },
    });
  });
  return (await getAchievement(deps.db, scopeOf(actor, deps.regions), id))!;
}
