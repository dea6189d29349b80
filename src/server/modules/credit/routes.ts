import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema } from '../../../domain/contracts/common';
import {
  creditBodySchema,
  creditListQuerySchema,
  creditRowSchema,
  creditTextSchema,
  creditUpdateSchema,
} from '../../../domain/contracts/credit';
import { CREDIT_SEVERITY_NAMES, CREDIT_SUBJECT_NAMES } from '../../../domain/credit';
import { actorOf, auditContext } from '../../platform/access';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import { type CreditRecordRow, countCredit, creditAfter, listCredit } from './repo';
import { changeCredit, createCredit, creditDetail, recordObjection } from './service';

const tags = ['credit'];

const CREDIT_LIST: ListSpec<typeof creditListQuerySchema, CreditRecordRow> = {
  path: '/records',
  access: 'credit.read',
  tags,
  query: creditListQuerySchema,
  item: creditRowSchema,
  rows: (deps, { scope }, q, limit, offset) =>
    listCredit(deps.db, scope, q, deps.regions, clock.today(), limit, offset),
  count: (deps, { scope }, f) => countCredit(deps.db, scope, f, deps.regions, clock.today()),
  export: {
    name: '失信记录',
    audit: { action: 'credit.export', objectType: 'credit_record' },
    columns: [
      { header: '对象类型', value: (r) => CREDIT_SUBJECT_NAMES[r.subjectKind].zh },
      { header: '对象名称', value: (r) => r.subjectName, width: 36 },
      { header: '所属区域', value: (r) => r.regionName },
      { header: '失信行为', value: (r) => r.reason, width: 48 },
      { header: '处理依据', value: (r) => r.sourceDocument, width: 30 },
      { header: '严重程度', value: (r) => CREDIT_SEVERITY_NAMES[r.severity].zh },
      { header: '起始日期', value: (r) => r.validFrom },
      { header: '截止日期', value: (r) => r.validTo ?? '长期' },
      { header: '当前有效', value: (r) => (r.inForce ? '是' : '否') },
      { header: '异议', value: (r) => r.objection, width: 36 },
      { header: '答复', value: (r) => r.answer, width: 36 },
    ],
    after: (deps, { scope }, f, afterId, limit) =>
      creditAfter(deps.db, scope, f, deps.regions, clock.today(), afterId, limit),
  },
};

/** 失信记录: /api/v1/credit/records. */
export function creditRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { access: 'credit.read' as const };
    const manage = { access: 'credit.manage' as const };
    const one = { tags, params: idParamSchema, response: { 200: creditRowSchema } };

    listRoutes(app, deps, CREDIT_LIST);

    r.get('/records/:id', { config: read, schema: one }, async (req) =>
      creditDetail(deps, actorOf(req), req.params.id),
    );
    r.post(
      '/records',
      { config: manage, schema: { tags, body: creditBodySchema, response: { 201: creditRowSchema } } },
      async (req, reply) =>
        reply.status(201).send(await createCredit(deps, auditContext(req), actorOf(req), req.body)),
    );
    r.patch('/records/:id', { config: manage, schema: { ...one, body: creditUpdateSchema } }, async (req) =>
      changeCredit(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/records/:id/objection',
      { config: manage, schema: { ...one, body: creditTextSchema } },
      async (req) =>
        recordObjection(deps, auditContext(req), actorOf(req), req.params.id, 'objection', req.body.text),
    );
    r.post(
      '/records/:id/answer',
      { config: manage, schema: { ...one, body: creditTextSchema } },
      async (req) =>
        recordObjection(deps, auditContext(req), actorOf(req), req.params.id, 'answer', req.body.text),
    );
  };
}
