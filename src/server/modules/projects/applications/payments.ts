/** Funding paid in tranches (拨款) against the approved amount, while the project runs. */
import type { z } from 'zod';
import type { paymentBodySchema } from '../../../../domain/contracts/projects';
import { msg } from '../../../../domain/message';
import type { Actor } from '../../../platform/actor';
import { type AuditContext, writeAudit } from '../../../platform/audit';
import type { Deps } from '../../../platform/deps';
import { conflict, forbidden, invalid } from '../../../platform/errors';
import { cents, wan } from '../money';
import { applicationLink, notify } from '../notifications/notify';
import { applicantUserIds, lockApplicationRow } from './applications-repo';
import { loadVisibleApplication } from './applications-service';
import { insertPayment, paidSoFar } from './payments-repo';
import { stateName } from './presenter';

const PAYABLE = ['in_progress', 'rectifying'];
const iso = (v: Date | string) => new Date(v).toISOString();

export async function recordPayment(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof paymentBodySchema>,
) {
  return deps.db.transaction(async (tx) => {
    const { app } = await loadVisibleApplication(tx, deps, actor, id);
    if (!actor.permissions.has('projects.manage')) throw forbidden();
    // Locks the application so two tranches recorded at once cannot together exceed the approval.
    await lockApplicationRow(tx, id);
    if (!PAYABLE.includes(app.state))
      throw conflict(
        msg(
          `项目处于「${stateName(app.state).zh}」状态，不能拨款（须在执行中或整改中）`,
          `No payment while the project is ${stateName(app.state).en} (only in progress or rectifying)`,
        ),
        'state',
      );
    const amount = cents(body.amount);
    if (amount <= 0n) throw invalid('amount', msg('拨款金额须大于 0', 'The amount must be positive'));
    const paid = await paidSoFar(tx, id);
    const approved = cents(app.approvedAmount);
    if (cents(paid) + amount > approved)
      throw invalid(
        'amount',
        msg(
          `累计拨款不得超过批准金额 ${wan(approved)} 万元（已拨 ${wan(cents(paid))} 万元）`,
          `Payments cannot exceed the ${wan(approved)} approved (${wan(cents(paid))} paid so far, 万元)`,
        ),
      );
    const row = await insertPayment(tx, {
      applicationId: id,
      amount: wan(amount),
      paidOn: body.paidOn,
      note: body.note ?? null,
      recordedBy: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'payment.create',
      targetType: 'application',
      targetId: id,
      after: row,
    });
    // The project's own accounts are told of each tranche.
    await notify(tx, await applicantUserIds(tx, app.orgId), {
      kind: 'application.payment',
      title: msg(
        `「${app.title}」已拨付 ${wan(amount)} 万元（${body.paidOn}），累计 ${wan(cents(paid) + amount)} 万元`,
        `"${app.title}": ${wan(amount)} (万元) paid on ${body.paidOn}, ${wan(cents(paid) + amount)} in all`,
      ),
      link: applicationLink(id),
    });
    return {
      id: row.id,
      amount: wan(cents(row.amount)),
      paidOn: row.paidOn,
      note: row.note,
      recordedBy: row.recordedBy,
      recordedAt: iso(row.recordedAt),
    };
  });
}
