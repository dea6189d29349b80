import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  departmentBodySchema,
  departmentSchema,
  updateDepartmentBodySchema,
} from '../../../domain/contracts/admin';
import { idParamSchema, pageQuerySchema } from '../../../domain/contracts/common';
import { auditContext } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import {
  countDepartments,
  type DepartmentRow,
  departmentsAfter,
  listDepartmentRows,
} from './departments-repo';
import { createDepartment, updateDepartment } from './departments-service';

/** 部门 and its spreadsheet twin (see platform/list-kit.ts); departments are not scoped. */
const DEPARTMENTS_LIST: ListSpec<typeof pageQuerySchema, DepartmentRow> = {
  path: '/departments',
  access: 'admin.departments',
  tags: ['admin'],
  query: pageQuerySchema,
  item: departmentSchema,
  rows: (deps, _viewer, q, limit, offset) => listDepartmentRows(deps.db, q.sort, limit, offset),
  count: (deps) => countDepartments(deps.db),
  export: {
    name: '部门列表',
    audit: { action: 'department.export', objectType: 'department' },
    columns: [
      { header: '编码', value: (d) => d.code },
      { header: '名称', value: (d) => d.name },
      { header: '英文名称', value: (d) => d.nameEn, width: 30 },
      { header: '状态', value: (d) => (d.active ? '启用' : '停用') },
      { header: '用户数', value: (d) => d.userCount },
    ],
    after: (deps, _viewer, _f, afterId, limit) => departmentsAfter(deps.db, afterId, limit),
  },
};

export function departmentRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'admin.departments' as const };
    const tags = ['admin'];

    listRoutes(app, deps, DEPARTMENTS_LIST);

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
