/**
 * Replacing an expert with one staff name (指定替补专家) instead of a drawn substitute: when the
 * bureau needs a particular specialist, or the draw keeps landing on experts who cannot attend.
 * The same rules hold as for a draw — the expert is in the pool, was never on this application,
 * and has no conflict of interest with the applicant — and the reason is recorded with the change.
 */
import { hasConflict } from '../../../../domain/expert-draw';
import { msg } from '../../../../domain/message';
import type { Tx } from '../../../db/client';
import { clock } from '../../../platform/clock';
import { invalid } from '../../../platform/errors';
import { notify } from '../notifications/notify';
import { expertForPanel } from './review-experts-repo';
import { expertIdsOn, insertAssignments } from './review-repo';

/** Puts the named expert on the panel instead of drawing one. Runs after the application's lock. */
export async function appointedSubstitute(
  tx: Tx,
  app: { id: string; orgId: string },
  expertId: string,
  reviewsLink: string,
) {
  const expert = await expertForPanel(tx, expertId);
  if (!expert) throw invalid('expertId', msg('所选专家不在专家库中', 'No such expert in the pool'));
  if (!expert.active)
    throw invalid(
      'expertId',
      msg(`专家「${expert.name}」已不在库，不能指定`, `${expert.name} is no longer in the pool`),
    );
  if ((await expertIdsOn(tx, app.id)).includes(expert.id))
    throw invalid(
      'expertId',
      msg(
        `专家「${expert.name}」已在（或曾在）本项目的评审组中`,
        `${expert.name} is or was on this application's panel already`,
      ),
    );
  if (hasConflict(expert, app.orgId, clock.today()))
    throw invalid(
      'expertId',
      msg(
        `专家「${expert.name}」与申报单位存在利益冲突，须回避`,
        `${expert.name} has a conflict of interest with the applicant and must stand aside`,
      ),
    );
  const [substitute] = await insertAssignments(tx, [{ applicationId: app.id, expertId: expert.id }]);
  if (expert.userId)
    await notify(tx, [expert.userId], {
      kind: 'review_assigned',
      title: msg('您有 1 个新的项目评审任务', 'You have 1 new application to review'),
      link: reviewsLink,
    });
  return { substitute, shortfall: null };
}
