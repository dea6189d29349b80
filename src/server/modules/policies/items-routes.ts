/** 政策兑现: /api/v1/policies/items (…/eligible, …/beneficiaries, …/batches) and /benefits (the organisation's). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../../domain/contracts/common';
import {
  batchBodySchema,
  batchQuerySchema,
  batchRowSchema,
  beneficiaryQuerySchema,
  beneficiaryRowSchema,
  benefitResponseSchema,
  eligibilityRuleSchema,
  eligibleQuerySchema,
  eligibleRowSchema,
  itemBodySchema,
  itemDetailSchema,
  itemListQuerySchema,
  itemRowSchema,
  itemUpdateSchema,
  myBenefitsQuerySchema,
  previewSchema,
} from '../../../domain/contracts/policy-items';
import { msg } from '../../../domain/message';
import { BENEFICIARY_STATUS_NAMES, BENEFIT_KIND_NAMES, maskAccount } from '../../../domain/policy-items';
import { actorOf, auditContext } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import {
  type BatchRecord,
  type BeneficiaryRecord,
  batchesAfter,
  batchRows,
  beneficiariesAfter,
  beneficiaryRows,
  countBatches,
  countBeneficiaries,
  countEligible,
  countItems,
  type EligibleRecord,
  eligibleAfter,
  eligibleRows,
  getItem,
  type ItemRecord,
  itemsAfter,
  listItems,
} from './items-repo';
import {
  confirmList,
  createItem,
  currentRule,
  itemDetail,
  previewRule,
  recordBatch,
  remindPending,
  respondToBenefit,
  updateItem,
} from './items-service';

const tags = ['policies'];
const underItem = { id: z.uuid().optional() };
const masked = <T extends { bankAccount: string | null }>(rows: T[]) =>
  rows.map((r) => ({ ...r, bankAccount: maskAccount(r.bankAccount) }));

const ITEMS_LIST: ListSpec<typeof itemListQuerySchema, ItemRecord> = {
  path: '/items',
  access: 'policies.read',
  tags,
  query: itemListQuerySchema,
  item: itemRowSchema,
  rows: (deps, { scope }, q, limit, offset) => listItems(deps.db, scope, q, deps.regions, limit, offset),
  count: (deps, { scope }, f) => countItems(deps.db, scope, f, deps.regions),
  export: {
    name: '政策兑现事项',
    audit: { action: 'policy-item.export', objectType: 'policy_item' },
    columns: [
      { header: '兑现事项', value: (r) => r.title, width: 36 },
      { header: '政策文件', value: (r) => r.documentTitle, width: 40 },
      { header: '文号', value: (r) => r.documentNo, width: 20 },
      { header: '年度', value: (r) => r.year },
      { header: '预算科目', value: (r) => r.budgetLine, width: 24 },
      { header: '兑现方式', value: (r) => BENEFIT_KIND_NAMES[r.benefitKind].zh },
      { header: '金额或上限（万元）', value: (r) => r.amount },
      { header: '免申即享', value: (r) => (r.noApplication ? '是' : '否') },
      { header: '规则版本', value: (r) => r.ruleVersion },
      { header: '名单单位数', value: (r) => r.beneficiaries },
      { header: '已拨付单位数', value: (r) => r.paidCount },
      { header: '已拨付金额（万元）', value: (r) => r.paidAmount },
    ],
    after: (deps, { scope }, f, afterId, limit) =>
      itemsAfter(deps.db, scope, f, deps.regions, afterId, limit),
  },
};

const eligibleQuery = eligibleQuerySchema.extend(underItem);
const ELIGIBLE_LIST: ListSpec<typeof eligibleQuery, EligibleRecord> = {
  path: '/items/:id/eligible',
  access: 'policies.read',
  tags,
  query: eligibleQuery,
  item: eligibleRowSchema,
  rows: async (deps, { scope }, q, limit, offset) =>
    eligibleRows(deps.db, scope, await currentRule(deps, scope, q.id!), q, deps.regions, limit, offset),
  count: async (deps, { scope }, f) =>
    countEligible(deps.db, scope, await currentRule(deps, scope, f.id!), f, deps.regions),
  export: {
    name: '免申即享符合条件单位',
    audit: { action: 'policy-item.eligible-export', objectType: 'policy_item' },
    columns: [
      { header: '单位名称', value: (r) => r.name, width: 40 },
      { header: '统一社会信用代码', value: (r) => r.uscc, width: 22 },
      { header: '所属区域', value: (r) => r.regionName },
      { header: '行业代码', value: (r) => r.industryCode },
      { header: '规上', value: (r) => (r.aboveSize ? '是' : '否') },
    ],
    after: async (deps, { scope }, f, afterId, limit) =>
      eligibleAfter(deps.db, scope, await currentRule(deps, scope, f.id!), f, deps.regions, afterId, limit),
  },
};

const beneficiaryColumns: ListSpec<typeof beneficiaryQuerySchema, BeneficiaryRecord>['export']['columns'] = [
  { header: '兑现事项', value: (r) => r.itemTitle, width: 30 },
  { header: '单位名称', value: (r) => r.orgName, width: 40 },
  { header: '统一社会信用代码', value: (r) => r.uscc, width: 22 },
  { header: '所属区域', value: (r) => r.regionName },
  { header: '规则版本', value: (r) => r.ruleVersion },
  { header: '应兑现金额（万元）', value: (r) => r.amount },
  { header: '状态', value: (r) => BENEFICIARY_STATUS_NAMES[r.status].zh },
  { header: '开户银行', value: (r) => r.bankName, width: 24 },
  { header: '银行账号', value: (r) => maskAccount(r.bankAccount) },
  { header: '放弃原因', value: (r) => r.declineReason, width: 30 },
  { header: '已拨付（万元）', value: (r) => r.paidAmount },
  { header: '拨付日期', value: (r) => r.paidOn },
];

const beneficiaryQuery = beneficiaryQuerySchema.extend(underItem);
const BENEFICIARIES_LIST: ListSpec<typeof beneficiaryQuery, BeneficiaryRecord> = {
  path: '/items/:id/beneficiaries',
  access: 'policies.read',
  tags,
  query: beneficiaryQuery,
  item: beneficiaryRowSchema,
  rows: async (deps, { scope }, q, limit, offset) => {
    await currentItem(deps, scope, q.id!);
    return masked(await beneficiaryRows(deps.db, scope, { ...q, itemId: q.id }, deps.regions, limit, offset));
  },
  count: async (deps, { scope }, f) => {
    await currentItem(deps, scope, f.id!);
    return countBeneficiaries(deps.db, scope, { ...f, itemId: f.id }, deps.regions);
  },
  export: {
    name: '免申即享兑现名单',
    audit: { action: 'policy-item.beneficiary-export', objectType: 'policy_item' },
    columns: beneficiaryColumns,
    after: async (deps, { scope }, f, afterId, limit) => {
      await currentItem(deps, scope, f.id!);
      return beneficiariesAfter(deps.db, scope, { ...f, itemId: f.id }, deps.regions, afterId, limit);
    },
  },
};

/** The organisation's own notices (scope: its organisation). */
const MY_BENEFITS: ListSpec<typeof myBenefitsQuerySchema, BeneficiaryRecord> = {
  path: '/benefits',
  access: 'policies.benefits',
  tags,
  query: myBenefitsQuerySchema,
  item: beneficiaryRowSchema,
  rows: async (deps, { scope }, q, limit, offset) =>
    masked(await beneficiaryRows(deps.db, scope, q, deps.regions, limit, offset)),
  count: (deps, { scope }, f) => countBeneficiaries(deps.db, scope, f, deps.regions),
  export: {
    name: '政策兑现通知',
    audit: { action: 'policy-benefit.export', objectType: 'policy_beneficiary' },
    columns: beneficiaryColumns,
    after: (deps, { scope }, f, afterId, limit) =>
      beneficiariesAfter(deps.db, scope, f, deps.regions, afterId, limit),
  },
};

const batchQuery = batchQuerySchema.extend(underItem);
const BATCHES_LIST: ListSpec<typeof batchQuery, BatchRecord> = {
  path: '/items/:id/batches',
  access: 'policies.read',
  tags,
  query: batchQuery,
  item: batchRowSchema,
  rows: async (deps, { scope }, q, limit, offset) => {
    await currentItem(deps, scope, q.id!);
    return batchRows(deps.db, q.id!, limit, offset);
  },
  count: async (deps, { scope }, f) => {
    await currentItem(deps, scope, f.id!);
    return countBatches(deps.db, f.id!);
  },
  export: {
    name: '兑现拨付批次',
    audit: { action: 'policy-item.batch-export', objectType: 'policy_item' },
    columns: [
      { header: '拨付日期', value: (r) => r.paidOn },
      { header: '单位数', value: (r) => r.payments },
      { header: '金额（万元）', value: (r) => r.total },
      { header: '备注', value: (r) => r.note, width: 30 },
      { header: '经办人', value: (r) => r.createdBy },
    ],
    after: async (deps, { scope }, f, afterId, limit) => {
      await currentItem(deps, scope, f.id!);
      return batchesAfter(deps.db, f.id!, afterId, limit);
    },
  },
};

async function currentItem(deps: Deps, scope: Parameters<typeof getItem>[1], id: string) {
  const item = await getItem(deps.db, scope, deps.regions, id);
  if (!item) throw notFound(msg('兑现事项', 'policy item'));
  return item;
}

export function itemRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: 'policies.read' as const };
  const manage = { access: 'policies.manage' as const };
  const detail = { tags, params: idParamSchema, response: { 200: itemDetailSchema } };

  listRoutes(app, deps, ITEMS_LIST);
  listRoutes(app, deps, ELIGIBLE_LIST);
  listRoutes(app, deps, BENEFICIARIES_LIST);
  listRoutes(app, deps, BATCHES_LIST);
  listRoutes(app, deps, MY_BENEFITS);

  r.get('/items/:id', { config: read, schema: detail }, async (req) =>
    itemDetail(deps, actorOf(req), req.params.id),
  );
  r.post(
    '/items',
    {
      config: manage,
      schema: {
        tags,
        body: itemBodySchema.extend({ documentId: z.uuid() }),
        response: { 201: itemDetailSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createItem(deps, auditContext(req), actorOf(req), req.body)),
  );
  r.patch('/items/:id', { config: manage, schema: { ...detail, body: itemUpdateSchema } }, async (req) =>
    updateItem(deps, auditContext(req), actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/items/:id/preview',
    {
      config: read,
      schema: {
        tags,
        params: idParamSchema,
        body: z.object({ rule: eligibilityRuleSchema.optional() }),
        response: { 200: previewSchema },
      },
    },
    async (req) => previewRule(deps, actorOf(req), req.params.id, req.body.rule),
  );
  r.post('/items/:id/confirm', { config: manage, schema: detail }, async (req) =>
    confirmList(deps, auditContext(req), actorOf(req), req.params.id),
  );
  r.post(
    '/items/:id/remind',
    {
      config: manage,
      schema: {
        tags,
        params: idParamSchema,
        response: { 200: z.object({ organisations: z.number().int(), notified: z.number().int() }) },
      },
    },
    async (req) => remindPending(deps, auditContext(req), actorOf(req), req.params.id),
  );
  r.post(
    '/items/:id/batches',
    {
      config: manage,
      schema: { tags, params: idParamSchema, body: batchBodySchema, response: { 201: batchRowSchema } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await recordBatch(deps, auditContext(req), actorOf(req), req.params.id, req.body)),
  );
  // The organisation answers its own notice; staff record an answer received on paper (代录).
  r.post(
    '/benefits/:id/respond',
    {
      config: { access: 'policies.benefits' as const },
      schema: {
        tags,
        params: idParamSchema,
        body: benefitResponseSchema,
        response: { 200: beneficiaryRowSchema },
      },
    },
    async (req) => respondToBenefit(deps, auditContext(req), actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/items/:itemId/beneficiaries/:id/respond',
    {
      config: manage,
      schema: {
        tags,
        params: z.object({ itemId: z.uuid(), id: z.uuid() }),
        body: benefitResponseSchema,
        response: { 200: beneficiaryRowSchema },
      },
    },
    async (req) =>
      respondToBenefit(deps, auditContext(req), actorOf(req), req.params.id, req.body, req.params.itemId),
  );
}
