import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  departmentBodySchema,
  departmentSchema,
  updateDepartmentBodySchema,
} from '../../../domain/contracts/admin';
import { idParamSchema, listResponse, pageQuerySchema } from '../../../domain/contracts/common';
import { auditContext } from '../../platform/access';
import { auditRead } from '../../platform/audit-trail';
import type { Deps } from '../../platform/deps';
import { inBatches, sendXlsx } from '../../platform/excel';
import { createDepartment, listDepartments, updateDepartment } from './departments-service';

export function departmentRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'admin.departments' as const };
    const tags = ['admin'];

    r.get(
      '/departments',
      {
        config,
        schema: { tags, querystring: pageQuerySchema, response: { 200: listResponse(departmentSchema) } },
      },
      async (req) => listDepartments(deps.db, req.query),
    );

    r.get('/departments/export.xlsx', { config, schema: { tags } }, async (req, reply) => {
      await auditRead(req, { action: 'department.export', object: { type: 'department' } });
      return sendXlsx(
        reply,
        '部门列表.xlsx',
        '部门',
        [
          { header: '编码', value: (d) => d.code },
          { header: '名称', value: (d) => d.name },
          { header: '英文名称', value: (d) => d.nameEn, width: 30 },
          { header: '状态', value: (d) => (d.active ? '启用' : '停用') },
          { header: '用户数', value: (d) => d.userCount },
        ],
        inBatches(async (offset, limit) => {
          const page = Math.floor(offset / limit) + 1;
          return (await listDepartments(deps.db, { page, pageSize: limit })).items;
        }, 200),
      );
    });

    r.post(
      '/departments',
      { config, schema: { tags, body: departmentBodySchema, response: { 201: departmentSchema } } },
      async (req, reply) => reply.status(201).send(await createDepartment(deps, auditContext(req), req.body)),
    );

    r.patch(
      '/departments/:id',
      {
        config,
        schema: {
          tags,
          params: idParamSchema,
          body: updateDepartmentBodySchema,
          response: { 200: departmentSchema },
        },
      },
      async (req) => updateDepartment(deps, auditContext(req), req.params.id, req.body),
    );
  };
}
