import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createUserBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
  userSchema,
  userWithPasswordSchema,
} from '../../../domain/contracts/admin';
import { idParamSchema, listResponse } from '../../../domain/contracts/common';
import { ROLE_NAMES, type RoleCode } from '../../../domain/roles';
import { actorOf, auditContext } from '../../platform/access';
import { auditRead } from '../../platform/audit-trail';
import type { Deps } from '../../platform/deps';
import { inBatches, sendXlsx } from '../../platform/excel';
import { listUsers } from './users-repo';
import {
  createUser,
  listUserPage,
  resetPassword,
  setUserStatus,
  unlockUser,
  updateUser,
} from './users-service';

export function userRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'admin.users' as const };
    const tags = ['admin'];

    r.get(
      '/users',
      {
        config,
        schema: { tags, querystring: userListQuerySchema, response: { 200: listResponse(userSchema) } },
      },
      async (req) => listUserPage(deps, req.query),
    );

    r.get(
      '/users/export.xlsx',
      { config, schema: { tags, querystring: userListQuerySchema.omit({ page: true, pageSize: true }) } },
      async (req, reply) => {
        await auditRead(req, { action: 'user.export', object: { type: 'user' } });
        const q = { ...req.query, page: 1, pageSize: 200 };
        return sendXlsx(
          reply,
          '用户列表.xlsx',
          '用户',
          [
            { header: '用户名', value: (u) => u.username },
            { header: '姓名', value: (u) => u.displayName },
            {
              header: '角色',
              value: (u) => (u.role ? (ROLE_NAMES[u.role as RoleCode]?.zh ?? u.role) : '待授权'),
            },
            { header: '部门', value: (u) => u.departmentName },
            { header: '区域', value: (u) => u.regionName },
            { header: '所属单位', value: (u) => u.orgName, width: 30 },
            { header: '园区', value: (u) => u.parkName },
            { header: '状态', value: (u) => (u.status === 'active' ? '正常' : '停用') },
            { header: '最近登录', value: (u) => u.lastLoginAt },
            { header: '创建时间', value: (u) => u.createdAt },
          ],
          inBatches((offset, limit) => listUsers(deps.db, q, limit, offset)),
        );
      },
    );

    r.post(
      '/users',
      { config, schema: { tags, body: createUserBodySchema, response: { 201: userWithPasswordSchema } } },
      async (req, reply) =>
        reply.status(201).send(await createUser(deps, auditContext(req), actorOf(req), req.body)),
    );

    r.patch(
      '/users/:id',
      {
        config,
        schema: { tags, params: idParamSchema, body: updateUserBodySchema, response: { 200: userSchema } },
      },
      async (req) => updateUser(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );

    r.post(
      '/users/:id/disable',
      { config, schema: { tags, params: idParamSchema, response: { 200: userSchema } } },
      async (req) => setUserStatus(deps, auditContext(req), actorOf(req), req.params.id, 'disabled'),
    );

    r.post(
      '/users/:id/enable',
      { config, schema: { tags, params: idParamSchema, response: { 200: userSchema } } },
      async (req) => setUserStatus(deps, auditContext(req), actorOf(req), req.params.id, 'active'),
    );

    r.post(
      '/users/:id/reset-password',
      {
        config,
        schema: { tags, params: idParamSchema, response: { 200: userWithPasswordSchema } },
      },
      async (req) => resetPassword(deps, auditContext(req), req.params.id),
    );

    r.post(
      '/users/:id/unlock',
      { config, schema: { tags, params: idParamSchema, response: { 200: userSchema } } },
      async (req) => unlockUser(deps, auditContext(req), req.params.id),
    );
  };
}
