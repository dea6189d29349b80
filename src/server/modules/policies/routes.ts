import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, listResponse, pageQuerySchema } from '../../../domain/contracts/common';
import {
  policyBodySchema,
  policyDetailSchema,
  policyItemSchema,
  policyListQuerySchema,
  policyTransitionSchema,
  policyUpdateSchema,
  publicPolicySchema,
} from '../../../domain/contracts/policies';
import { POLICY_STATUS_NAMES } from '../../../domain/policies';
import { actorOf, auditContext } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import { pageOf } from '../../platform/listing';
import { itemRoutes } from './items-routes';
import {
  countPolicies,
  countPublicPolicies,
  listPolicies,
  type PolicyRow,
  policiesAfter,
  publicPolicies,
} from './repo';
import { createPolicy, policyDetail, transitionPolicy, updatePolicy } from './service';

const tags = ['policies'];

/** The list and its spreadsheet twin (see platform/list-kit.ts). */
const POLICIES_LIST: ListSpec<typeof policyListQuerySchema, PolicyRow> = {
  path: '',
  access: 'policies.read',
  tags,
  query: policyListQuerySchema,
  item: policyItemSchema,
  rows: (deps, { scope }, q, limit, offset) => listPolicies(deps.db, scope, q, deps.regions, limit, offset),
  count: (deps, { scope }, f) => countPolicies(deps.db, scope, f, deps.regions),
  export: {
    name: '政策文件',
    audit: { action: 'policy.export', objectType: 'policy_document' },
    columns: [
      { header: '文件名称', value: (p) => p.title, width: 48 },
      { header: '文号', value: (p) => p.documentNo, width: 22 },
      { header: '索引号', value: (p) => p.indexNo, width: 24 },
      { header: '发文机关', value: (p) => p.issuer, width: 24 },
      { header: '所属区域', value: (p) => p.regionName },
      { header: '状态', value: (p) => POLICY_STATUS_NAMES[p.status].zh },
      { header: '印发日期', value: (p) => p.issuedOn },
      { header: '废止日期', value: (p) => p.repealedOn },
      { header: '是否公开', value: (p) => (p.isPublic ? '是' : '否') },
    ],
    after: (deps, { scope }, f, afterId, limit) =>
      policiesAfter(deps.db, scope, f, deps.regions, afterId, limit),
  },
};

/** 政策文件库: /api/v1/policies. */
export function policyRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { access: 'policies.read' as const };
    const manage = { access: 'policies.manage' as const };

    listRoutes(app, deps, POLICIES_LIST);
    itemRoutes(app, deps);

    r.get(
      '/:id',
      { config: read, schema: { tags, params: idParamSchema, response: { 200: policyDetailSchema } } },
      async (req) => policyDetail(deps, actorOf(req), req.params.id),
    );

    r.post(
      '',
      { config: manage, schema: { tags, body: policyBodySchema, response: { 201: policyItemSchema } } },
      async (req, reply) =>
        reply.status(201).send(await createPolicy(deps, auditContext(req), actorOf(req), req.body)),
    );

    r.patch(
      '/:id',
      {
        config: manage,
        schema: {
          tags,
          params: idParamSchema,
          body: policyUpdateSchema,
          response: { 200: policyItemSchema },
        },
      },
      async (req) => updatePolicy(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );

    r.post(
      '/:id/transition',
      {
        config: manage,
        schema: {
          tags,
          params: idParamSchema,
          body: policyTransitionSchema,
          response: { 200: policyItemSchema },
        },
      },
      async (req) => transitionPolicy(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );
  };
}

/** The public library, /api/v1/public/policies: issued, public documents, allow-listed fields. */
export function publicPolicyRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const query = pageQuerySchema.omit({ sort: true });
    r.get(
      '',
      {
        config: { access: 'public' },
        schema: { tags, querystring: query, response: { 200: listResponse(publicPolicySchema) } },
      },
      async (req) => {
        const { limit, offset } = pageOf(req.query);
        const [items, total] = await Promise.all([
          publicPolicies(deps.db, limit, offset),
          countPublicPolicies(deps.db),
        ]);
        return { items, total };
      },
    );
  };
}
