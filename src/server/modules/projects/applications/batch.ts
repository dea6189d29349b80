/**
 * Batch work on applications (issue 11): one action on several records — a county's 推荐 in its
 * order of priority with a 推荐函, staff's 形式审查, the leaders' 审批 — through the same transition
 * as one record (`actIn`: scope, role, version, state, reason, guards, history, audit, notices),
 * one audited action per record.
 *
 * All or nothing: every record is tried in order inside one transaction; if any is refused, the
 * transaction is rolled back, nothing changes, and the answer says for each record whether it was
 * refused and why, or held back with the others. A clerk fixes the selection and tries again.
 */
import { createHash } from 'node:crypto';
import type { BatchActionBody, BatchResult, LetterInput } from '../../../../domain/contracts/projects-batch';
import { type Msg, msg } from '../../../../domain/message';
import { type BatchAction, TRANSITIONS } from '../../../../domain/projects';
import type { Permission } from '../../../../domain/roles';
import type { Tx } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { type AuditContext, writeAudit } from '../../../platform/audit';
import type { Deps } from '../../../platform/deps';
import { AppError, forbidden, invalid } from '../../../platform/errors';
import { projectScope } from '../policy';
import { visibleListRows } from './applications-repo';
import { stateName } from './presenter';
import { LETTER_MIME, recommendingCounty, renderLetter } from './recommendation-letter';
import { insertRecommendation, insertRecommendationItems, unusedLetterOf } from './recommendations-repo';
import { actIn } from './transitions';

/** Who may take each batch action (the transition table then decides record by record). */
const BATCH_PERMISSION: Record<BatchAction, Permission> = {
  recommend: 'projects.recommend',
  county_return: 'projects.recommend',
  accept: 'projects.manage',
  staff_return: 'projects.manage',
  reject: 'projects.manage',
  establish: 'projects.manage',
  approve: 'projects.approve',
  decline: 'projects.approve',
};

const HELD_BACK = msg(
  '可以执行，但因同批其他记录被拒，本批未执行',
  'Possible, but not done because others in the batch were refused',
);

/** Thrown inside the transaction to roll it back when any record was refused. */
class Refused extends Error {}

function checkBody(action: BatchAction, body: BatchActionBody) {
  if (new Set(body.items.map((i) => i.id)).size !== body.items.length)
    throw invalid('items', msg('同一申报不能重复列入', 'An application is listed twice'));
  if (TRANSITIONS[action].reasonRequired && !body.reason?.trim())
    throw invalid('reason', msg('请填写理由', 'Give a reason'));
  if (action === 'recommend' && !body.letter)
    throw invalid('letter', msg('请上传或生成推荐函', 'Upload or generate the letter of recommendation'));
  if (action !== 'recommend' && body.letter)
    throw invalid('letter', msg('只有推荐附推荐函', 'Only a recommendation carries a letter'));
}

/** The letter filed with a recommendation: the uploaded one (unused, of this county) or a generated one. */
async function fileLetter(tx: Tx, deps: Deps, actor: Actor, letter: LetterInput, ids: string[]) {
  const county = recommendingCounty(deps, actor);
  if (letter.kind === 'uploaded') {
    const row = await unusedLetterOf(tx, letter.letterId, county.code);
    if (!row)
      throw invalid(
        'letter',
        msg('推荐函不存在、不属本地区或已用于另一批推荐', 'No such unused letter of this region'),
      );
    return row.id;
  }
  const { buffer, fileName } = await renderLetter(tx, deps, actor, ids);
  const row = await insertRecommendation(tx, {
    regionCode: county.code,
    fileName,
    mime: LETTER_MIME,
    size: buffer.length,
    sha256: createHash('sha256').update(buffer).digest('hex'),
    content: buffer,
    generated: true,
    createdBy: actor.id,
  });
  return row.id;
}

export async function batchAct(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  action: BatchAction,
  body: BatchActionBody,
): Promise<BatchResult> {
  if (!actor.permissions.has(BATCH_PERMISSION[action])) throw forbidden();
  checkBody(action, body);
  const ids = body.items.map((i) => i.id);
  const outcome: { id: string; error: Msg | null }[] = [];
  let recommendationId: string | null = null;
  let done = false;
  try {
    await deps.db.transaction(async (tx) => {
      outcome.length = 0;
      for (const item of body.items) {
        try {
          await actIn(tx, deps, ctx, actor, item.id, action, {
            version: item.version,
            reason: body.reason,
            note: body.note,
          });
          outcome.push({ id: item.id, error: null });
        } catch (e) {
          if (!(e instanceof AppError) || e.status >= 500) throw e;
          outcome.push({ id: item.id, error: e.userMessage });
        }
      }
      if (outcome.some((o) => o.error)) throw new Refused();
      if (action === 'recommend' && body.letter) {
        recommendationId = await fileLetter(tx, deps, actor, body.letter, ids);
        await insertRecommendationItems(tx, recommendationId, ids);
        await writeAudit(tx, ctx, {
          action: 'application.recommend-letter',
          targetType: 'recommendation',
          targetId: recommendationId,
          after: { applications: ids, letter: body.letter.kind },
        });
      }
    });
    done = true;
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
  }
  // The report reads the records as they now are, within the caller's scope.
  const rows = await deps.db.transaction((tx) => visibleListRows(tx, projectScope(actor, deps.regions), ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    done,
    recommendationId,
    results: outcome.map((o, i) => {
      const row = byId.get(o.id);
      return {
        id: o.id,
        title: row?.title ?? null,
        ok: !o.error,
        message: o.error ?? (done ? null : HELD_BACK),
        state: row?.state ?? null,
        stateName: row ? stateName(row.state) : null,
        priority: action === 'recommend' ? i + 1 : null,
      };
    }),
  };
}
