/** The SQL of policy fulfilment: items, rule versions, the eligible list, beneficiaries, payments. */

import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type {
  BeneficiaryQuery,
  EligibilityRule,
  EligibleQuery,
  ItemFilters,
  ItemListQuery,
} from '../../../domain/contracts/policy-items';
import type { BeneficiaryStatus } from '../../../domain/policy-items';
import { queryRows, type Tx } from '../../db/client';
import {
  policyBeneficiaries as b,
  creditRecords as c,
  policyDocuments as d,
  policyItems as i,
  policyItemRules as ir,
  organizations as o,
  policyPaymentBatches as pb,
  policyPayments as pp,
  regions,
  users,
} from '../../db/schema';
import { pageRows, rowsAfter } from '../../platform/list-kit';
import { likePattern, orderBy } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import { regionCodesUnder, type Scope, scopeWhere } from '../../platform/scope';
import { creditInForceOn, orgUnderCredit } from '../credit/credit-sql';
import { scopeCondition } from './repo';
import { ruleCondition } from './rule-sql';

const ts = (col: AnyPgColumn) =>
  sql<string | null>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

function itemSelect(tx: Tx) {
  return tx
    .select({
      id: i.id,
      documentId: i.documentId,
      documentTitle: d.title,
      documentNo: d.documentNo,
      regionCode: i.regionCode,
      title: i.title,
      budgetLine: i.budgetLine,
      year: i.year,
      benefitKind: i.benefitKind,
      amount: i.amount,
      percent: i.percent,
      baseLabel: i.baseLabel,
      noApplication: i.noApplication,
      callId: i.callId,
      figure: i.figure,
      ruleVersion: i.ruleVersion,
      listConfirmedAt: ts(i.listConfirmedAt),
      listRuleVersion: i.listRuleVersion,
      beneficiaries: sql<number>`(select count(*)::int from ${b} where ${b.itemId} = ${i.id})`,
      paidCount: sql<number>`(select count(distinct ${pp.orgId})::int from ${pp} where ${pp.itemId} = ${i.id})`,
      paidAmount: sql<string>`(select coalesce(sum(${pp.amount}), 0)::text from ${pp} where ${pp.itemId} = ${i.id})`,
    })
    .from(i)
    .innerJoin(d, eq(d.id, i.documentId))
    .$dynamic();
}
export type ItemRecord = Awaited<ReturnType<typeof itemSelect>>[number];

function itemWhere(scope: Scope, f: ItemFilters, tree: RegionTree): SQL | undefined {
  return and(
    scopeCondition(scope, tree),
    f.documentId ? eq(i.documentId, f.documentId) : undefined,
    f.year ? eq(i.year, f.year) : undefined,
    f.noApplication ? eq(i.noApplication, f.noApplication === 'true') : undefined,
    f.q ? or(ilike(i.title, likePattern(f.q)), ilike(d.title, likePattern(f.q))) : undefined,
  );
}

const ITEM_SORT = { title: i.title, year: i.year, updatedAt: i.updatedAt };

export function listItems(
  tx: Tx,
  scope: Scope,
  q: ItemListQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  const order = orderBy(q.sort ?? '-year', ITEM_SORT, asc(i.id));
  return pageRows(itemSelect(tx), itemWhere(scope, q, tree), order, limit, offset);
}

export async function countItems(tx: Tx, scope: Scope, f: ItemFilters, tree: RegionTree) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(i)
    .innerJoin(d, eq(d.id, i.documentId))
    .where(itemWhere(scope, f, tree));
  return row.n;
}

export function itemsAfter(
  tx: Tx,
  scope: Scope,
  f: ItemFilters,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(itemSelect(tx), itemWhere(scope, f, tree), i.id, afterId, limit);
}

export async function getItem(tx: Tx, scope: Scope, tree: RegionTree, id: string) {
  const [row] = await itemSelect(tx)
    .where(and(eq(i.id, id), scopeCondition(scope, tree)))
    .limit(1);
  return row;
}

export async function lockItem(tx: Tx, id: string) {
  const [row] = await tx.select().from(i).where(eq(i.id, id)).for('update');
  return row;
}

export async function insertItem(tx: Tx, values: typeof i.$inferInsert) {
  const [row] = await tx.insert(i).values(values).returning();
  return row;
}

export async function updateItemRow(tx: Tx, id: string, set: Partial<typeof i.$inferInsert>) {
  const [row] = await tx
    .update(i)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(i.id, id))
    .returning();
  return row;
}

export async function insertRuleVersion(tx: Tx, values: typeof ir.$inferInsert) {
  await tx.insert(ir).values(values);
}

export function ruleVersions(tx: Tx, itemId: string) {
  return tx
    .select({ version: ir.version, rule: ir.rule, savedBy: ir.savedBy, savedAt: ts(ir.savedAt) })
    .from(ir)
    .where(eq(ir.itemId, itemId))
    .orderBy(desc(ir.version));
}

/** A call of the projects module exists (items needing an application link to one). */
export async function callExists(tx: Tx, id: string) {
  const rows = await queryRows<{ id: string }>(tx, sql`select id from calls where id = ${id}`);
  return rows.length > 0;
}

// ---- the eligible list (live, from the current rule) ----

function orgSelect(tx: Tx) {
  return tx
    .select({
      id: o.id,
      name: o.name,
      uscc: o.uscc,
      regionCode: o.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${o.regionCode})`,
      industryCode: o.industryCode,
      aboveSize: o.aboveSize,
    })
    .from(o)
    .leftJoin(regions, eq(regions.code, o.regionCode))
    .$dynamic();
}
export type EligibleRecord = Awaited<ReturnType<typeof orgSelect>>[number];

export interface RuleInput {
  rule: EligibilityRule;
  /** The rule's regions expanded (null: the whole city). */
  ruleRegions: string[] | null;
  today: string;
}

function eligibleWhere(
  scope: Scope,
  r: RuleInput,
  f: Omit<EligibleQuery, 'page' | 'pageSize' | 'sort'>,
  tree: RegionTree,
) {
  const codes = regionCodesUnder(tree, f.regionCode);
  return and(
    ruleCondition(r.rule, r.ruleRegions),
    sql`not ${orgUnderCredit(o.id, r.today)}`,
    scopeWhere(scope, { regionCode: o.regionCode }),
    codes ? inArray(o.regionCode, codes) : undefined,
    f.q ? or(ilike(o.name, likePattern(f.q)), eq(o.uscc, f.q.toUpperCase())) : undefined,
  );
}

export function eligibleRows(
  tx: Tx,
  scope: Scope,
  r: RuleInput,
  q: EligibleQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  const order = orderBy(q.sort ?? 'name', { name: o.name, regionCode: o.regionCode }, asc(o.id));
  return pageRows(orgSelect(tx), eligibleWhere(scope, r, q, tree), order, limit, offset);
}

export async function countEligible(
  tx: Tx,
  scope: Scope,
  r: RuleInput,
  f: Omit<EligibleQuery, 'page' | 'pageSize' | 'sort'>,
  tree: RegionTree,
) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(o)
    .where(eligibleWhere(scope, r, f, tree));
  return row.n;
}

export function eligibleAfter(
  tx: Tx,
  scope: Scope,
  r: RuleInput,
  f: Omit<EligibleQuery, 'page' | 'pageSize' | 'sort'>,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(orgSelect(tx), eligibleWhere(scope, r, f, tree), o.id, afterId, limit);
}

/** Those the rule selects but a credit record in force keeps out, with the record's reason. */
export async function excludedByCredit(tx: Tx, scope: Scope, r: RuleInput, limit: number) {
  const where = and(
    ruleCondition(r.rule, r.ruleRegions),
    orgUnderCredit(o.id, r.today),
    scopeWhere(scope, { regionCode: o.regionCode }),
  );
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(o).where(where);
  const rows = await orgSelect(tx).where(where).orderBy(asc(o.name), asc(o.id)).limit(limit);
  if (rows.length === 0) return { total: n, rows: [] };
  const reasons = await tx
    .select({ orgId: c.orgId, reason: c.reason, validTo: c.validTo })
    .from(c)
    .where(
      and(
        inArray(
          c.orgId,
          rows.map((x) => x.id),
        ),
        creditInForceOn(r.today),
      ),
    )
    .orderBy(asc(c.validFrom));
  const byOrg = new Map(reasons.map((x) => [x.orgId, x]));
  return {
    total: n,
    rows: rows.map((x) => ({
      ...x,
      reason: byOrg.get(x.id)?.reason ?? '',
      validTo: byOrg.get(x.id)?.validTo ?? null,
    })),
  };
}

/** The confirmation: every organisation the rule selects now, as one snapshot with its version. */
export async function snapshotBeneficiaries(
  tx: Tx,
  itemId: string,
  version: number,
  amount: string | null,
  r: RuleInput,
) {
  const rows = await queryRows<{ org_id: string }>(
    tx,
    sql`insert into ${b} (item_id, org_id, region_code, rule_version, amount)
      select ${itemId}, ${o.id}, ${o.regionCode}, ${version}, ${amount}::numeric from ${o}
      where ${ruleCondition(r.rule, r.ruleRegions)} and not ${orgUnderCredit(o.id, r.today)}
      on conflict do nothing returning org_id`,
  );
  return rows.map((x) => x.org_id);
}

/** The enterprise users of these organisations (to notify them). */
export async function usersOfOrgs(tx: Tx, orgIds: string[]) {
  if (orgIds.length === 0) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.orgId, orgIds), eq(users.status, 'active')));
  return rows.map((r) => r.id);
}

// ---- beneficiaries ----

function beneficiarySelect(tx: Tx) {
  return tx
    .select({
      id: b.id,
      itemId: b.itemId,
      itemTitle: i.title,
      orgId: b.orgId,
      orgName: o.name,
      uscc: o.uscc,
      regionCode: b.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${b.regionCode})`,
      ruleVersion: b.ruleVersion,
      amount: b.amount,
      status: b.status,
      bankName: b.bankName,
      bankAccount: b.bankAccount,
      accountName: b.accountName,
      declineReason: b.declineReason,
      respondedAt: ts(b.respondedAt),
      paidAmount: sql<
        string | null
      >`(select sum(${pp.amount})::text from ${pp} where ${pp.itemId} = ${b.itemId} and ${pp.orgId} = ${b.orgId})`,
      paidOn: sql<
        string | null
      >`(select max(${pp.paidOn})::text from ${pp} where ${pp.itemId} = ${b.itemId} and ${pp.orgId} = ${b.orgId})`,
      notifiedAt: sql<string>`to_char(${b.notifiedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
    })
    .from(b)
    .innerJoin(o, eq(o.id, b.orgId))
    .innerJoin(i, eq(i.id, b.itemId))
    .leftJoin(regions, eq(regions.code, b.regionCode))
    .$dynamic();
}
export type BeneficiaryRecord = Awaited<ReturnType<typeof beneficiarySelect>>[number];
type BeneficiaryFilters = Omit<BeneficiaryQuery, 'page' | 'pageSize' | 'sort'> & { itemId?: string };

function beneficiaryWhere(scope: Scope, f: BeneficiaryFilters, tree: RegionTree) {
  const codes = regionCodesUnder(tree, f.regionCode);
  return and(
    scopeWhere(scope, { regionCode: b.regionCode, orgId: b.orgId }),
    f.itemId ? eq(b.itemId, f.itemId) : undefined,
    f.status ? eq(b.status, f.status) : undefined,
    f.pending === 'true' ? inArray(b.status, ['notified', 'accepted']) : undefined,
    f.pending === 'false' ? inArray(b.status, ['declined', 'paid']) : undefined,
    codes ? inArray(b.regionCode, codes) : undefined,
    f.q ? or(ilike(o.name, likePattern(f.q)), eq(o.uscc, f.q.toUpperCase())) : undefined,
  );
}

export function beneficiaryRows(
  tx: Tx,
  scope: Scope,
  f: BeneficiaryFilters & { sort?: string },
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  const order = orderBy(f.sort ?? 'orgName', { orgName: o.name, status: b.status }, asc(b.id));
  return pageRows(beneficiarySelect(tx), beneficiaryWhere(scope, f, tree), order, limit, offset);
}

export async function countBeneficiaries(tx: Tx, scope: Scope, f: BeneficiaryFilters, tree: RegionTree) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(b)
    .innerJoin(o, eq(o.id, b.orgId))
    .where(beneficiaryWhere(scope, f, tree));
  return row.n;
}

export function beneficiariesAfter(
  tx: Tx,
  scope: Scope,
  f: BeneficiaryFilters,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(beneficiarySelect(tx), beneficiaryWhere(scope, f, tree), b.id, afterId, limit);
}

export async function getBeneficiary(tx: Tx, id: string) {
  const [row] = await beneficiarySelect(tx).where(eq(b.id, id)).limit(1);
  return row;
}

export async function lockBeneficiary(tx: Tx, id: string) {
  const [row] = await tx.select().from(b).where(eq(b.id, id)).for('update');
  return row;
}

export async function updateBeneficiary(tx: Tx, id: string, set: Partial<typeof b.$inferInsert>) {
  await tx.update(b).set(set).where(eq(b.id, id));
}

/** The listed organisations of an item with their status, for a batch's checks. */
export async function beneficiariesOf(tx: Tx, itemId: string, orgIds: string[]) {
  return tx
    .select({ orgId: b.orgId, status: b.status, amount: b.amount })
    .from(b)
    .where(and(eq(b.itemId, itemId), inArray(b.orgId, orgIds)));
}

export async function setBeneficiaryStatus(
  tx: Tx,
  itemId: string,
  orgIds: string[],
  status: BeneficiaryStatus,
) {
  if (orgIds.length > 0)
    await tx
      .update(b)
      .set({ status })
      .where(and(eq(b.itemId, itemId), inArray(b.orgId, orgIds)));
}

/** Users of the organisations still to answer or be paid (chasing). */
export async function pendingOrgIds(tx: Tx, itemId: string) {
  const rows = await tx
    .select({ orgId: b.orgId })
    .from(b)
    .where(and(eq(b.itemId, itemId), eq(b.status, 'notified')));
  return rows.map((r) => r.orgId);
}

/** An organisation's open notices (the enterprise's to-do). */
export async function countOpenBenefits(tx: Tx, orgId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(b)
    .where(and(eq(b.orgId, orgId), eq(b.status, 'notified')));
  return row.n;
}

// ---- payments ----

export async function orgsByIds(tx: Tx, ids: string[]) {
  return tx.select({ id: o.id, regionCode: o.regionCode }).from(o).where(inArray(o.id, ids));
}

export async function orgIdsByUscc(tx: Tx, usccs: string[]) {
  if (usccs.length === 0) return [];
  return tx.select({ id: o.id, uscc: o.uscc }).from(o).where(inArray(o.uscc, usccs));
}

export async function insertBatch(tx: Tx, values: typeof pb.$inferInsert) {
  const [row] = await tx.insert(pb).values(values).returning();
  return row;
}

export async function insertPayments(tx: Tx, values: (typeof pp.$inferInsert)[]) {
  for (let k = 0; k < values.length; k += 1000) await tx.insert(pp).values(values.slice(k, k + 1000));
}

/** Organisations of these already paid under the item (one payment per organisation and item). */
export async function alreadyPaid(tx: Tx, itemId: string, orgIds: string[]) {
  const rows = await tx
    .selectDistinct({ orgId: pp.orgId })
    .from(pp)
    .where(and(eq(pp.itemId, itemId), inArray(pp.orgId, orgIds)));
  return rows.map((r) => r.orgId);
}

function batchSelect(tx: Tx) {
  return tx
    .select({
      id: pb.id,
      itemId: pb.itemId,
      paidOn: sql<string>`${pb.paidOn}::text`,
      note: pb.note,
      payments: sql<number>`(select count(*)::int from ${pp} where ${pp.batchId} = ${pb.id})`,
      total: sql<string>`(select coalesce(sum(${pp.amount}), 0)::text from ${pp} where ${pp.batchId} = ${pb.id})`,
      createdBy: pb.createdBy,
      createdAt: sql<string>`to_char(${pb.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
    })
    .from(pb)
    .$dynamic();
}
export type BatchRecord = Awaited<ReturnType<typeof batchSelect>>[number];

export function batchRows(tx: Tx, itemId: string, limit: number, offset: number) {
  return pageRows(batchSelect(tx), eq(pb.itemId, itemId), [desc(pb.paidOn), asc(pb.id)], limit, offset);
}

export async function countBatches(tx: Tx, itemId: string) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(pb).where(eq(pb.itemId, itemId));
  return row.n;
}

export function batchesAfter(tx: Tx, itemId: string, afterId: string | null, limit: number) {
  return rowsAfter(batchSelect(tx), eq(pb.itemId, itemId), pb.id, afterId, limit);
}

/** Several items at once (the demo). */
export async function insertItems(tx: Tx, values: (typeof i.$inferInsert)[]) {
  return tx.insert(i).values(values).returning({ id: i.id, title: i.title });
}

/** The first call of a programme (the demo links its items needing an application to one). */
export async function firstCallOf(tx: Tx, programmeCode: string) {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select id from calls where programme_code = ${programmeCode} order by year, id limit 1`,
  );
  return rows[0]?.id ?? null;
}

/** Documents by 文号 (the demo attaches its items to them). */
export async function documentsByNo(tx: Tx, nos: string[]) {
  return tx
    .select({ id: d.id, documentNo: d.documentNo, regionCode: d.regionCode })
    .from(d)
    .where(inArray(d.documentNo, nos));
}
