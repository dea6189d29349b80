import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, listResponse } from '../../../../domain/contracts/common';
import {
  conflictBodySchema,
  conflictParamSchema,
  expertAccountSchema,
  expertBodySchema,
  expertListQuerySchema,
  expertSchema,
  expertUpdateSchema,
} from '../../../../domain/contracts/projects-review';
import { auditContext } from '../../../platform/access';
import { auditRead } from '../../../platform/audit-trail';
import type { Deps } from '../../../platform/deps';
import { sendXlsx } from '../../../platform/excel';
import {
  addConflict,
  createExpert,
  expertDetail,
  expertExport,
  listExpertAccounts,
  listExpertPage,
  removeConflict,
  updateExpert,
} from './review-experts-service';

const REASON_NAMES = { declared: '申报回避', employment: '曾任职', collaboration: '合作关系' } as const;

/** The expert pool (专家库), kept by bureau staff: /api/v1/projects/experts. */
export function expertRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['projects'];
    const manage = { access: 'projects.manage' as const };

    r.get(
      '/experts',
      {
        config: manage,
        schema: { tags, querystring: expertListQuerySchema, response: { 200: listResponse(expertSchema) } },
      },
      async (req) => listExpertPage(deps, req.query),
    );

    r.get(
      '/experts/export.xlsx',
      {
        config: manage,
        schema: { tags, querystring: expertListQuerySchema.omit({ page: true, pageSize: true }) },
      },
      async (req, reply) => {
        await auditRead(req, { action: 'expert.export', object: { type: 'expert' } });
        const { names, batches } = await expertExport(deps, req.query);
        return sendXlsx(
          reply,
          '评审专家库.xlsx',
          '评审专家',
          [
            { header: '姓名', value: (x) => x.name, width: 14 },
            { header: '工作单位', value: (x) => x.orgName, width: 32 },
            { header: '职称', value: (x) => x.title },
            {
              header: '技术领域',
              value: (x) => x.fields.map((f) => names.get(f) ?? f).join('、'),
              width: 30,
            },
            { header: '专家账号', value: (x) => x.username },
            { header: '在库', value: (x) => (x.active ? '是' : '否'), width: 8 },
            { header: '在评任务数', value: (x) => x.load, width: 10 },
            {
              header: '回避单位',
              width: 40,
              value: (x) =>
                x.conflicts
                  .map(
                    (c) =>
                      `${c.orgName ?? c.orgId}（${REASON_NAMES[c.reason]}${c.endedOn ? `，至${c.endedOn}` : ''}）`,
                  )
                  .join('；'),
            },
          ],
          batches(),
        );
      },
    );

    // The expert accounts to link an expert to; staff cannot read the user list itself.
    r.get(
      '/experts/accounts',
      { config: manage, schema: { tags, response: { 200: listResponse(expertAccountSchema) } } },
      async () => listExpertAccounts(deps),
    );

    r.get(
      '/experts/:id',
      { config: manage, schema: { tags, params: idParamSchema, response: { 200: expertSchema } } },
      async (req) => expertDetail(deps.db, req.params.id),
    );

    r.post(
      '/experts',
      { config: manage, schema: { tags, body: expertBodySchema, response: { 201: expertSchema } } },
      async (req, reply) => reply.status(201).send(await createExpert(deps, auditContext(req), req.body)),
    );

    r.patch(
      '/experts/:id',
      {
        config: manage,
        schema: { tags, params: idParamSchema, body: expertUpdateSchema, response: { 200: expertSchema } },
      },
      async (req) => updateExpert(deps, auditContext(req), req.params.id, req.body),
    );

    r.post(
      '/experts/:id/conflicts',
      {
        config: manage,
        schema: { tags, params: idParamSchema, body: conflictBodySchema, response: { 201: expertSchema } },
      },
      async (req, reply) =>
        reply.status(201).send(await addConflict(deps, auditContext(req), req.params.id, req.body)),
    );

    r.delete(
      '/experts/:id/conflicts/:conflictId',
      { config: manage, schema: { tags, params: conflictParamSchema, response: { 200: expertSchema } } },
      async (req) => removeConflict(deps, auditContext(req), req.params.id, req.params.conflictId),
    );
  };
}
