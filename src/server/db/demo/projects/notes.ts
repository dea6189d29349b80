/** The demo accounts' notifications: what each has to do, as the real flow (or a reminder) says it. */
import { msg } from '../../../../domain/message';
import type { ApplicationState } from '../../../../domain/projects';
import { applicationLink } from '../../../modules/projects/notifications/notify';
import type { notifications } from '../../schema';
import type { Rng } from '../rng';
import type { BuildContext, Plan } from './build';

type Note = typeof notifications.$inferInsert;

/** What each demo account has to do, as the notifications the real flow (or a reminder) gives. */
export function notesFor(ctx: BuildContext, plans: Plan[], rng: Rng, demoReviews: number): Note[] {
  const notes: Note[] = [];
  const add = (username: string, kind: string, zh: string, en: string, link: string, read = false) => {
    const userId = ctx.users.get(username);
    if (!userId) return;
    const createdAt = new Date(ctx.now.getTime() - rng.int(1, 72) * 3_600_000);
    notes.push({
      id: rng.uuid(),
      userId,
      kind,
      title: msg(zh, en),
      link,
      readAt: read ? createdAt : null,
      createdAt,
    });
  };
  const inState = (s: ApplicationState) => plans.filter((p) => p.app.state === s);
  for (const p of plans.filter((x) => x.app.orgId === ctx.demoOrgs.enterprise)) {
    const { title, state } = p.app;
    if (state === 'returned')
      add(
        'enterprise.demo',
        'application.county_return',
        `「${title}」已退回修改，请补正后重新提交`,
        `"${title}" was returned for correction`,
        applicationLink(p.app.id),
      );
    if (state === 'draft')
      add(
        'enterprise.demo',
        'application.draft',
        `「${title}」尚未提交，请在申报截止前提交`,
        `"${title}" is not submitted yet`,
        applicationLink(p.app.id),
      );
    if (state === 'in_progress')
      add(
        'enterprise.demo',
        'application.establish',
        `「${title}」已立项，执行中，请按任务书提交验收材料`,
        `"${title}" is established and in progress`,
        applicationLink(p.app.id),
        true,
      );
  }
  for (const p of plans.filter((x) => x.app.orgId === ctx.demoOrgs.institution))
    add(
      'institution.demo',
      'application.establish',
      `「${p.app.title}」已立项，待签订任务书`,
      `"${p.app.title}" is established`,
      applicationLink(p.app.id),
    );
  for (const [county, username] of [
    ['350582', 'county.jinjiang'],
    ['350583', 'county.nanan'],
  ] as const)
    for (const p of inState('submitted').filter((x) => ctx.countyOf(x.app.regionCode) === county))
      add(
        username,
        'application.submit',
        `「${p.app.title}」已提交，待推荐`,
        `"${p.app.title}" was submitted and awaits recommendation`,
        applicationLink(p.app.id),
      );
  const callsOf = (s: ApplicationState) => [...new Set(inState(s).map((p) => p.app.callId))];
  for (const callId of callsOf('recommended')) {
    const n = inState('recommended').filter((p) => p.app.callId === callId).length;
    add(
      'staff',
      'pending.recommended',
      `${n} 个已推荐项目待形式审查`,
      `${n} recommended application(s) await formal review`,
      `/projects/calls/${callId}`,
    );
  }
  for (const callId of callsOf('expert_review'))
    add(
      'staff',
      'pending.expert_review',
      '专家评审进行中，请跟踪评分进度',
      'Expert review is under way',
      `/projects/calls/${callId}`,
    );
  for (const callId of callsOf('proposed')) {
    const n = inState('proposed').filter((p) => p.app.callId === callId).length;
    add(
      'leader',
      'pending.proposed',
      `${n} 个拟立项项目待审批`,
      `${n} proposed application(s) await approval`,
      `/projects/calls/${callId}`,
    );
  }
  if (demoReviews > 0)
    add(
      'expert.demo',
      'review_assigned',
      `您有 ${demoReviews} 个新的项目评审任务`,
      `You have ${demoReviews} new application(s) to review`,
      '/projects/reviews',
    );
  return notes;
}
