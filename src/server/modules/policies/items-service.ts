/**
 * 政策兑现: items of a policy document, their eligibility rule (versioned), the 免申即享 list and
 * its confirmation, each organisation's answer, and payment batches. Every write audited.
 */
import type {
  BatchBody,
  BenefitResponse,
  EligibilityRule,
  ItemBody,
  ItemUpdate,
} from '../../../domain/contracts/policy-items';
import { eligibilityRuleSchema } from '../../../domain/contracts/policy-items';
import { creditRefusal } from '../../../domain/credit';
import { msg } from '../../../domain/message';
import { maskAccount } from '../../../domain/policy-items';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { type Scope, scopeOf } from '../../platform/scope';
import { activeCreditOf } from '../credit/repo';
import { cents, wan } from '../projects/money';
import { notify } from '../projects/notifications/notify';
import {
  alreadyPaid,
  beneficiariesOf,
  callExists,
  countEligible,
  eligibleRows,
  excludedByCredit,
  getBeneficiary,
  getItem,
  insertBatch,
  insertItem,
  insertPayments,
  insertRuleVersion,
  lockBeneficiary,
  lockItem,
  orgIdsByUscc,
  orgsByIds,
  pendingOrgIds,
  type RuleInput,
  ruleVersions,
  setBeneficiaryStatus,
  snapshotBeneficiaries,
  updateBeneficiary,
  updateItemRow,
  usersOfOrgs,
} from './items-repo';
import { canManagePolicy } from './policy';
import { getPolicy, lockPolicy } from './repo';

const ITEM = msg('兑现事项', 'policy item');
const BENEFITS_LINK = '/policies/benefits';

/** The rule with its regions checked and expanded (a county takes its zones along). */
export function ruleInput(deps: Deps, rule: EligibilityRule): RuleInput {
  for (const code of rule.regionCodes)
    if (!deps.regions.get(code))
      throw invalid('rule.regionCodes', msg(`区域 ${code} 不存在`, `No such region: ${code}`));
  const expanded = rule.regionCodes.flatMap((c) => deps.regions.selfAndDescendants(c));
  return {
    rule,
    ruleRegions: rule.regionCodes.length > 0 ? [...new Set(expanded)] : null,
    today: clock.today(),
  };
}

function checkBenefit(b: Pick<ItemBody, 'benefitKind' | 'amount' | 'percent'>) {
  if (b.benefitKind === 'fixed' && !b.amount)
    throw invalid('amount', msg('定额奖补须填写每家金额（万元）', 'A fixed benefit needs its amount'));
  if (b.benefitKind === 'percent' && !b.percent)
    throw invalid('percent', msg('按比例补助须填写比例', 'A percentage benefit needs its percentage'));
  if (b.amount && cents(b.amount) <= 0n)
    throw invalid('amount', msg('金额须大于 0', 'The amount must be positive'));
}

function storedRule(raw: unknown): EligibilityRule | null {
  return raw ? eligibilityRuleSchema.parse(raw) : null;
}

export async function itemDetail(deps: Deps, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  const item = await getItem(deps.db, scope, deps.regions, id);
  if (!item) throw notFound(ITEM);
  const row = await lockItemRead(deps.db, id);
  const versions = await ruleVersions(deps.db, id);
  const manage = canManagePolicy(actor, scope, item);
  return {
    item: { ...item, rule: storedRule(row.rule) },
    versions: versions.map((v) => ({
      ...v,
      rule: eligibilityRuleSchema.parse(v.rule),
      savedAt: v.savedAt ?? '',
    })),
    abilities: {
      edit: manage,
      confirm: manage && item.noApplication && !item.listConfirmedAt && item.ruleVersion > 0,
      pay: manage,
    },
  };
}

async function lockItemRead(tx: Tx, id: string) {
  return (await lockItem(tx, id))!;
}

/** Reads the item for a write: out of scope 404, in scope but not a manager's 403. */
async function loadForWrite(deps: Deps, tx: Tx, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  const visible = await getItem(tx, scope, deps.regions, id);
  if (!visible) throw notFound(ITEM);
  if (!canManagePolicy(actor, scope, visible)) throw forbidden();
  const row = await lockItem(tx, id);
  return { row, visible, scope };
}

async function checkCall(tx: Tx, body: Pick<ItemBody, 'callId'>) {
  if (body.callId && !(await callExists(tx, body.callId)))
    throw invalid('callId', msg('申报指南不存在', 'No such call'));
}

async function saveRule(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  itemId: string,
  version: number,
  rule: EligibilityRule,
) {
  ruleInput(deps, rule);
  await insertRuleVersion(tx, { itemId, version, rule, savedBy: actor.username });
}

export async function createItem(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  body: ItemBody & { documentId: string },
) {
  checkBenefit(body);
  const scope = scopeOf(actor, deps.regions);
  const id = await deps.db.transaction(async (tx) => {
    const doc = await getPolicy(tx, scope, deps.regions, body.documentId);
    if (!doc) throw invalid('documentId', msg('政策文件不存在', 'No such policy document'));
    await lockPolicy(tx, doc.id);
    if (!canManagePolicy(actor, scope, doc)) throw forbidden();
    await checkCall(tx, body);
    const { rule, ...rest } = body;
    const row = await insertItem(tx, {
      ...rest,
      regionCode: doc.regionCode,
      rule: rule ?? null,
      ruleVersion: rule ? 1 : 0,
    });
    if (rule) await saveRule(deps, tx, actor, row.id, 1, rule);
    await writeAudit(tx, ctx, {
      action: 'policy-item.create',
      targetType: 'policy_item',
      targetId: row.id,
      after: row,
    });
    return row.id;
  });
  return itemDetail(deps, actor, id);
}

export async function updateItem(deps: Deps, ctx: AuditContext, actor: Actor, id: string, body: ItemUpdate) {
  await deps.db.transaction(async (tx) => {
    const { row } = await loadForWrite(deps, tx, actor, id);
    checkBenefit({
      benefitKind: body.benefitKind ?? row.benefitKind,
      amount: body.amount === undefined ? row.amount : body.amount,
      percent: body.percent === undefined ? row.percent : body.percent,
    });
    await checkCall(tx, body);
    const { rule, ...rest } = body;
    const set: Parameters<typeof updateItemRow>[2] = { ...rest };
    // Each saved rule that differs from the current one is a new version; the old ones are kept.
    if (rule && JSON.stringify(rule) !== JSON.stringify(storedRule(row.rule))) {
      const version = row.ruleVersion + 1;
      await saveRule(deps, tx, actor, id, version, rule);
      set.rule = rule;
      set.ruleVersion = version;
    }
    const after = await updateItemRow(tx, id, set);
    await writeAudit(tx, ctx, {
      action: 'policy-item.update',
      targetType: 'policy_item',
      targetId: id,
      before: row,
      after,
    });
  });
  return itemDetail(deps, actor, id);
}

/** A rule (the one being edited, or the item's current one) against the registry: count, first rows, who credit keeps out. */
export async function previewRule(deps: Deps, actor: Actor, id: string, rule: EligibilityRule | undefined) {
  const scope = scopeOf(actor, deps.regions);
  const item = await getItem(deps.db, scope, deps.regions, id);
  if (!item) throw notFound(ITEM);
  const current = rule ?? storedRule((await lockItemRead(deps.db, id)).rule);
  if (!current) throw invalid('rule', msg('该事项尚未设置资格规则', 'The item has no eligibility rule yet'));
  const input = ruleInput(deps, current);
  const [total, rows, excluded] = await Promise.all([
    countEligible(deps.db, scope, input, {}, deps.regions),
    eligibleRows(deps.db, scope, input, { page: 1, pageSize: 20 }, deps.regions, 20, 0),
    excludedByCredit(deps.db, scope, input, 50),
  ]);
  return { total, rows, excludedTotal: excluded.total, excluded: excluded.rows };
}

/** The current rule of an item a viewer may read, for the eligible list. */
export async function currentRule(deps: Deps, scope: Scope, id: string): Promise<RuleInput> {
  const item = await getItem(deps.db, scope, deps.regions, id);
  if (!item) throw notFound(ITEM);
  const rule = storedRule((await lockItemRead(deps.db, id)).rule);
  if (!rule) throw invalid('rule', msg('该事项尚未设置资格规则', 'The item has no eligibility rule yet'));
  return ruleInput(deps, rule);
}

/** 免申即享: staff confirm the list the rule gives now; each organisation is listed and told. */
export async function confirmList(deps: Deps, ctx: AuditContext, actor: Actor, id: string) {
  await deps.db.transaction(async (tx) => {
    const { row } = await loadForWrite(deps, tx, actor, id);
    if (!row.noApplication)
      throw conflict(
        msg('该事项需申报，不适用免申即享名单', 'The item needs an application; it has no list'),
        'noApplication',
      );
    if (row.listConfirmedAt)
      throw conflict(msg('名单已确认', 'The list is already confirmed'), 'listConfirmedAt');
    const rule = storedRule(row.rule);
    if (!rule) throw invalid('rule', msg('该事项尚未设置资格规则', 'The item has no eligibility rule yet'));
    const input = ruleInput(deps, rule);
    const amount = row.benefitKind === 'fixed' ? row.amount : null;
    const orgIds = await snapshotBeneficiaries(tx, id, row.ruleVersion, amount, input);
    await updateItemRow(tx, id, { listConfirmedAt: new Date(), listRuleVersion: row.ruleVersion });
    const notified = await notify(tx, await usersOfOrgs(tx, orgIds), {
      kind: 'policy.benefit',
      title: msg(
        `您单位符合「${row.title}」（免申即享），请确认收款账户`,
        `Your organisation qualifies for "${row.title}" (no application needed): confirm your bank account`,
      ),
      link: BENEFITS_LINK,
    });
    await writeAudit(tx, ctx, {
      action: 'policy-item.confirm',
      targetType: 'policy_item',
      targetId: id,
      after: { ruleVersion: row.ruleVersion, organisations: orgIds.length, notified },
    });
  });
  return itemDetail(deps, actor, id);
}

/** Tells again those who have not answered (催办). */
export async function remindPending(deps: Deps, ctx: AuditContext, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => {
    const { row } = await loadForWrite(deps, tx, actor, id);
    const orgIds = await pendingOrgIds(tx, id);
    const notified = await notify(tx, await usersOfOrgs(tx, orgIds), {
      kind: 'policy.benefit-reminder',
      title: msg(
        `请尽快确认「${row.title}」的收款账户`,
        `Please confirm your bank account for "${row.title}"`,
      ),
      link: BENEFITS_LINK,
    });
    await writeAudit(tx, ctx, {
      action: 'policy-item.remind',
      targetType: 'policy_item',
      targetId: id,
      after: { organisations: orgIds.length, notified },
    });
    return { organisations: orgIds.length, notified };
  });
}

/** The organisation's answer: its bank account, or that it declines. */
export async function respondToBenefit(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: BenefitResponse,
  /** Given when staff record the answer on the organisation's behalf (received on paper). */
  itemId?: string,
) {
  await deps.db.transaction(async (tx) => {
    const row = await lockBeneficiary(tx, id);
    const notice = msg('兑现通知', 'benefit notice');
    if (!row) throw notFound(notice);
    if (itemId) {
      if (row.itemId !== itemId) throw notFound(notice);
      await loadForWrite(deps, tx, actor, itemId);
    } else if (!actor.orgId || row.orgId !== actor.orgId) throw notFound(notice);
    if (row.status !== 'notified' && row.status !== 'accepted')
      throw conflict(msg('该事项已拨付或已放弃，不能再修改', 'Already paid or declined'), 'status');
    const set = body.accept
      ? {
          status: 'accepted' as const,
          bankName: body.bankName,
          bankAccount: body.bankAccount.replace(/\s+/g, ''),
          accountName: body.accountName,
          declineReason: null,
        }
      : {
          status: 'declined' as const,
          declineReason: body.reason,
          bankName: null,
          bankAccount: null,
          accountName: null,
        };
    await updateBeneficiary(tx, id, { ...set, respondedAt: new Date() });
    await writeAudit(tx, ctx, {
      action: body.accept ? 'policy-benefit.accept' : 'policy-benefit.decline',
      targetType: 'policy_beneficiary',
      targetId: id,
      after: { ...set, bankAccount: maskAccount(set.bankAccount), onBehalf: !!itemId },
    });
  });
  const out = (await getBeneficiary(deps.db, id))!;
  return { ...out, bankAccount: maskAccount(out.bankAccount) };
}

/** A payment batch: amounts per organisation and the pay date; a 免申即享 item pays confirmed ones only. */
export async function recordBatch(deps: Deps, ctx: AuditContext, actor: Actor, id: string, raw: BatchBody) {
  if (raw.paidOn > clock.today())
    throw invalid('paidOn', msg('拨付日期不能晚于今天', 'The pay date cannot be in the future'));
  const usccs = raw.payments.filter((p) => !p.orgId).map((p) => (p.uscc ?? '').toUpperCase());
  const byUscc = new Map((await orgIdsByUscc(deps.db, usccs)).map((o) => [o.uscc, o.id]));
  const unknown = usccs.filter((u) => !byUscc.has(u));
  if (unknown.length > 0)
    throw invalid(
      'payments',
      msg(
        `创新主体库中没有：${unknown.slice(0, 5).join('、')}`,
        `Not in the registry: ${unknown.slice(0, 5).join(', ')}`,
      ),
    );
  const body = {
    ...raw,
    payments: raw.payments.map((p) => ({
      orgId: p.orgId ?? (byUscc.get((p.uscc ?? '').toUpperCase()) as string),
      amount: p.amount,
    })),
  };
  const orgIds = body.payments.map((p) => p.orgId);
  if (new Set(orgIds).size !== orgIds.length)
    throw invalid('payments', msg('同一批次中单位重复', 'An organisation appears twice in the batch'));
  return deps.db.transaction(async (tx) => {
    const { row } = await loadForWrite(deps, tx, actor, id);
    const cap = row.amount ? cents(row.amount) : null;
    for (const p of body.payments) {
      const c = cents(p.amount);
      if (c <= 0n) throw invalid('payments', msg('拨付金额须大于 0', 'Amounts must be positive'));
      if (cap !== null && c > cap)
        throw invalid(
          'payments',
          msg(`单家金额不得超过 ${row.amount} 万元`, `No payment may exceed ${row.amount} (10k yuan)`),
        );
    }
    const orgs = await orgsByIds(tx, orgIds);
    if (orgs.length !== orgIds.length)
      throw invalid('payments', msg('有单位不在创新主体库中', 'An organisation is not in the registry'));
    const paid = await alreadyPaid(tx, id, orgIds);
    if (paid.length > 0)
      throw conflict(
        msg(`有 ${paid.length} 家单位已拨付过该事项`, `${paid.length} organisation(s) were already paid`),
        'payments',
      );
    if (row.noApplication) {
      const listed = new Map((await beneficiariesOf(tx, id, orgIds)).map((x) => [x.orgId, x.status]));
      const notReady = orgIds.filter((o) => listed.get(o) !== 'accepted');
      if (notReady.length > 0)
        throw conflict(
          msg(
            `有 ${notReady.length} 家单位不在已确认名单中或尚未确认收款账户`,
            `${notReady.length} organisation(s) are not listed or have not confirmed their account`,
          ),
          'payments',
        );
    }
    for (const org of orgIds) {
      const record = await activeCreditOf(tx, { orgId: org }, clock.today());
      if (record) throw conflict(creditRefusal(record), 'payments');
    }
    const batch = await insertBatch(tx, {
      itemId: id,
      paidOn: body.paidOn,
      note: body.note ?? null,
      createdBy: actor.username,
    });
    const region = new Map(orgs.map((o) => [o.id, o.regionCode]));
    await insertPayments(
      tx,
      body.payments.map((p) => ({
        batchId: batch.id,
        itemId: id,
        orgId: p.orgId,
        regionCode: region.get(p.orgId)!,
        amount: p.amount,
        paidOn: body.paidOn,
      })),
    );
    await setBeneficiaryStatus(tx, id, orgIds, 'paid');
    const total = wan(body.payments.reduce((a, p) => a + cents(p.amount), 0n));
    await writeAudit(tx, ctx, {
      action: 'policy-item.batch',
      targetType: 'policy_item',
      targetId: id,
      after: { batchId: batch.id, paidOn: body.paidOn, payments: body.payments.length, total },
    });
    return {
      id: batch.id,
      itemId: id,
      paidOn: body.paidOn,
      note: batch.note,
      payments: body.payments.length,
      total,
      createdBy: actor.username,
      createdAt: batch.createdAt.toISOString(),
    };
  });
}
