import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createUserBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
  userSchema,
  userWithPasswordSchema,
} from '../../../domain/contracts/admin';
import { idParamSchema } from '../../../domain/contracts/common';
import { ROLE_NAMES, type RoleCode } from '../../../domain/roles';
import { actorOf, auditContext } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import { countUsers, listUsers, usersAfter } from './users-repo';
import {
  createUser,
  presentUser,
  resetPassword,
  setUserStatus,
  unlockUser,
  updateUser,
} from './users-service';

const at = (v: string | null) => (v === null ? null : new Date(v));

/** 用户 and its spreadsheet twin (see platform/list-kit.ts); accounts are not scoped. */
const USERS_LIST: ListSpec<typeof userListQuerySchema, ReturnType<typeof presentUser>> = {
  path: '/users',
  access: 'admin.users',
  tags: ['admin'],
  query: userListQuerySchema,
  item: userSchema,
  rows: async (deps, _viewer, q, limit, offset) =>
    (await listUsers(deps.db, q, limit, offset)).map(presentUser),
  count: (deps, _viewer, f) => countUsers(deps.db, f),
  export: {
    name: '用户列表',
    audit: { action: 'user.export', objectType: 'user' },
    columns: [
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
      { header: '最近登录', value: (u) => at(u.lastLoginAt) },
      { header: '创建时间', value: (u) => at(u.createdAt) },
    ],
    after: async (deps, _viewer, f, afterId, limit) =>
      (await usersAfter(deps.db, f, afterId, limit)).map(presentUser),
  },
};

export function userRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'admin.users' as const };
    const tags = ['admin'];

    listRoutes(app, deps, USERS_LIST);

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
