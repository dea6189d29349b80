/**
 * The one way an application changes state. Every action goes through `act`: visible to the actor
 * (404), allowed to its role and ownership (403), at the version the actor saw and from a state the
 * transition table allows (409), with a reason where one is required (400), past the action's own
 * guard; then a conditional UPDATE (…WHERE version = seen AND state = from) so two people acting at
 * once get one success and one conflict — never a double transition — and the history row, the
 * audit record and the notifications commit with it.
 */
import type { ActionBody } from '../../../../domain/contracts/projects';
import { type Msg, msg } from '../../../../domain/message';
import { type ActionCode, TRANSITIONS, type Transition } from '../../../../domain/projects';
import type { Tx } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { type AuditContext, writeAudit } from '../../../platform/audit';
import { clock } from '../../../platform/clock';
import type { Deps } from '../../../platform/deps';
import { conflict, forbidden } from '../../../platform/errors';
import { getCall } from '../calls/calls-repo';
import { applicationLink, notify } from '../notifications/notify';
import { actionRefusal } from '../policy';
import {
  type ApplicationRecord,
  applicantUserIds,
  countyUserIds,
  insertEvent,
  updateIfUnchanged,
} from './applications-repo';
import { applicationDetail, loadVisibleApplication, staleVersion } from './applications-service';
import { stateName } from './presenter';
import { GUARDS, reasonMissing } from './transition-guards';

/** Who hears of a transition: the county that must recommend, or the applicant it concerns. */
const NOTIFY: Partial<Record<ActionCode, 'applicant' | 'county'>> = {
  submit: 'county',
  county_return: 'applicant',
  staff_return: 'applicant',
  recommend: 'applicant',
  reject: 'applicant',
  approve: 'applicant',
  sign_contract: 'applicant',
  midterm_pass: 'applicant',
  decline: 'applicant',
  establish: 'applicant',
  midterm_rectify: 'applicant',
  terminate: 'applicant',
  accept_final: 'applicant',
  fail_final: 'applicant',
};

const DONE: Partial<Record<ActionCode, (title: string) => Msg>> = {
  sign_contract: (title) =>
    msg(
      `「${title}」任务书已签订，项目进入执行阶段`,
      `"${title}": the task contract is signed; the project is under way`,
    ),
  midterm_pass: (title) => msg(`「${title}」中期检查通过`, `"${title}" passed its mid-term check`),
};

async function notifyTransition(
  tx: Tx,
  deps: Deps,
  app: ApplicationRecord,
  action: ActionCode,
  to: string,
  reason: string | null,
) {
  const who = NOTIFY[action];
  if (!who) return;
  const recipients =
    who === 'county'
      ? await countyUserIds(tx, deps.regions, app.regionCode)
      : await applicantUserIds(tx, app.orgId);
  const state = stateName(to);
  // The county is asked to act; the applicant is told where its application now stands, or —
  // where the state stays or says little — what was done.
  const title =
    who === 'county'
      ? msg(
          `「${app.title}」已提交，请审核推荐或退回`,
          `"${app.title}" was submitted: recommend it or return it`,
        )
      : action in DONE
        ? DONE[action]!(app.title)
        : msg(
            `「${app.title}」${state.zh}${reason ? `：${reason}` : ''}`,
            `"${app.title}": ${state.en}${reason ? ` — ${reason}` : ''}`,
          );
  await notify(tx, recipients, { kind: `application.${action}`, title, link: applicationLink(app.id) });
}

export async function act(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  action: ActionCode,
  body: ActionBody,
) {
  await deps.db.transaction((tx) => actIn(tx, deps, ctx, actor, id, action, body));
  return applicationDetail(deps, actor, id);
}

/**
 * One transition inside the caller's transaction (a batch takes several in one): every check of
 * `act`, the conditional update, the history row, the audit record and the notifications.
 * Returns the record as it was before, for the caller's report.
 */
export async function actIn(
  tx: Tx,
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  action: ActionCode,
  body: ActionBody,
): Promise<ApplicationRecord> {
  const t: Transition = TRANSITIONS[action];
  const { app, scope } = await loadVisibleApplication(tx, deps, actor, id);
  const refusal = actionRefusal(actor, scope, app, action);
  if (refusal === 'role') throw forbidden();
  if (body.version !== app.version) throw staleVersion();
  if (refusal === 'state')
    throw conflict(
      msg(
        `当前状态为「${stateName(app.state).zh}」，不能执行「${t.name.zh}」`,
        `"${t.name.en}" is not possible while the application is ${stateName(app.state).en}`,
      ),
      'state',
    );
  const reason = body.reason?.trim() || null;
  if (t.reasonRequired && !reason) throw reasonMissing();
  const call = (await getCall(tx, app.callId, action === 'propose'))!;
  // The guards decide by the platform clock (a call's deadline); the record is stamped when it is written.
  const now = new Date();
  const set =
    (await GUARDS[action]?.({
      tx,
      deps,
      app,
      call,
      body,
      now: clock.now(),
      today: clock.today(),
      actorId: actor.id,
    })) ?? {};
  const after = await updateIfUnchanged(
    tx,
    id,
    { version: body.version, state: app.state },
    { ...set, state: t.to, updatedAt: now },
  );
  if (!after) throw staleVersion();
  const said = reason ?? body.note?.trim() ?? null;
  await insertEvent(tx, {
    applicationId: id,
    action,
    fromState: app.state,
    toState: t.to,
    actorId: actor.id,
    actorUsername: actor.username,
    actorRole: actor.role,
    reason: said || null,
    at: now,
  });
  await writeAudit(tx, ctx, {
    action: `application.${action}`,
    targetType: 'application',
    targetId: id,
    before: { state: app.state, version: app.version },
    after: { state: t.to, version: after.version, ...set, ...(said ? { reason: said } : {}) },
  });
  await notifyTransition(tx, deps, app, action, t.to, reason);
  return app;
}
