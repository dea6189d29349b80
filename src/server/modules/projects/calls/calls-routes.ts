import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, listResponse } from '../../../../domain/contracts/common';
import {
  type Call,
  callBodySchema,
  callListQuerySchema,
  callSchema,
  callUpdateSchema,
  programmeSchema,
} from '../../../../domain/contracts/projects';
import { actorOf, auditContext } from '../../../platform/access';
import type { Deps } from '../../../platform/deps';
import { type ListSpec, listRoutes } from '../../../platform/list-kit';
import { callCount, callFor, callPage, callsAfterId, createCall, updateCall } from './calls-service';
import { listProgrammes } from './programmes';

const CALL_STATUS_NAMES = { upcoming: '未开始', open: '申报中', closed: '已截止' } as const;

/**
 * 申报指南 and its spreadsheet twin (see platform/list-kit.ts). Calls are city-wide, so the rule
 * is the viewer's permissions, not its scope: see `callPage`.
 */
const CALLS_LIST: ListSpec<typeof callListQuerySchema, Call> = {
  path: '/calls',
  access: 'business',
  tags: ['projects'],
  query: callListQuerySchema,
  item: callSchema,
  rows: callPage,
  count: callCount,
  export: {
    name: '申报指南',
    audit: { action: 'call.export', objectType: 'call' },
    columns: [
      { header: '年度', width: 8, value: (c) => c.year },
      { header: '计划类别', width: 28, value: (c) => c.programmeName },
      { header: '指南名称', width: 40, value: (c) => c.title },
      { header: '开始时间', width: 20, value: (c) => c.opensAt },
      { header: '截止时间', width: 20, value: (c) => c.closesAt },
      { header: '预算(万元)', value: (c) => c.budget },
      { header: '单项资助上限(万元)', value: (c) => c.fundingCap },
      { header: '每单位限报(项)', value: (c) => c.maxPerApplicant },
      { header: '状态', value: (c) => CALL_STATUS_NAMES[c.status] },
    ],
    after: callsAfterId,
  },
};

/**
 * Programmes and calls. Reading is open to every signed-in user: those without any project
 * permission (the administrators) see an empty list and 404s, as if there were nothing.
 */
export function callRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['projects'];
    const read = { access: 'business' as const };
    const manage = { access: 'projects.manage' as const };

    r.get(
      '/programs',
      { config: read, schema: { tags, response: { 200: listResponse(programmeSchema) } } },
      async () => listProgrammes(deps.db),
    );

    listRoutes(app, deps, CALLS_LIST);

    r.get(
      '/calls/:id',
      { config: read, schema: { tags, params: idParamSchema, response: { 200: callSchema } } },
      async (req) => callFor(deps.db, actorOf(req), req.params.id),
    );

    r.post(
      '/calls',
      {
        config: { ...manage, idempotent: true },
        schema: { tags, body: callBodySchema, response: { 201: callSchema } },
      },
      async (req, reply) =>
        reply.status(201).send(await createCall(deps, auditContext(req), actorOf(req), req.body)),
    );

    r.patch(
      '/calls/:id',
      {
        config: manage,
        schema: { tags, params: idParamSchema, body: callUpdateSchema, response: { 200: callSchema } },
      },
      async (req) => updateCall(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );
  };
}
