import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  grantRoleBodySchema,
  permissionSchema,
  roleSchema,
  securityPolicySchema,
  sessionSchema,
  updateRoleBodySchema,
  userListQuerySchema,
  userSchema,
} from '../../../domain/contracts/admin';
import { idParamSchema, listResponse, okSchema, pageQuerySchema } from '../../../domain/contracts/common';
import { isRoleCode, type Permission, ROLE_CODES, ROLE_NAMES } from '../../../domain/roles';
import { actorOf, auditContext } from '../../platform/access';
import { auditRead } from '../../platform/audit-trail';
import type { Deps } from '../../platform/deps';
import { chinaTime, oneBatch, sendXlsx } from '../../platform/excel';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import { getSecurityPolicy } from '../../platform/security-policy';
import { countOpenSessions, openSessionPage, openSessionsAfter } from './security-repo';
import {
  forceLogout,
  listPermissions,
  listRoles,
  presentSession,
  resetSecondFactor,
  updateRolePermissions,
  updateSecurityPolicy,
} from './security-service';
import { grantRole, listUserPage } from './users-service';

/** 在线会话 and its spreadsheet twin (see platform/list-kit.ts): the permission is the rule. */
const SESSIONS_LIST: ListSpec<typeof pageQuerySchema, ReturnType<typeof presentSession>> = {
  path: '/sessions',
  access: 'admin.sessions',
  tags: ['admin'],
  query: pageQuerySchema,
  item: sessionSchema,
  rows: async (deps, _viewer, _q, limit, offset) =>
    (await openSessionPage(deps.db, limit, offset)).map(presentSession),
  count: (deps) => countOpenSessions(deps.db),
  export: {
    name: '在线会话',
    audit: { action: 'session.export', objectType: 'session' },
    columns: [
      { header: '用户名', value: (s) => s.username },
      { header: '角色', value: (s) => (isRoleCode(s.role) ? ROLE_NAMES[s.role].zh : s.role) },
      { header: 'IP', value: (s) => s.ip },
      { header: '登录时间（北京时间）', value: (s) => chinaTime(s.createdAt), width: 28 },
      { header: '最近活动（北京时间）', value: (s) => chinaTime(s.lastSeenAt), width: 28 },
    ],
    after: async (deps, _viewer, _f, afterId, limit) =>
      (await openSessionsAfter(deps.db, afterId, limit)).map(presentSession),
  },
};

/** Secadmin's work: roles and permissions, password and session policy, live sessions. */
export function securityRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['admin'];
    const roleAccess = { access: 'admin.roles' as const };

    r.get(
      '/roles',
      { config: roleAccess, schema: { tags, response: { 200: listResponse(roleSchema) } } },
      async () => {
        const items = await listRoles(deps.db);
        return { items, total: items.length };
      },
    );

    r.get(
      '/permissions',
      { config: roleAccess, schema: { tags, response: { 200: listResponse(permissionSchema) } } },
      async () => {
        const items = listPermissions();
        return { items, total: items.length };
      },
    );

    r.patch(
      '/roles/:code',
      {
        config: roleAccess,
        schema: {
          tags,
          params: z.object({ code: z.enum(ROLE_CODES) }),
          body: updateRoleBodySchema,
          response: { 200: roleSchema },
        },
      },
      async (req) =>
        updateRolePermissions(
          deps.db,
          auditContext(req),
          req.params.code,
          req.body.permissions as Permission[],
        ),
    );

    r.get('/roles/export.xlsx', { config: roleAccess, schema: { tags } }, async (req, reply) => {
      await auditRead(req, { action: 'role.export', object: { type: 'role' } });
      const roles = await listRoles(deps.db);
      const names = new Map(listPermissions().map((p) => [p.code, p.name]));
      return sendXlsx(
        reply,
        '角色与权限.xlsx',
        '角色',
        [
          { header: '角色', value: (r) => r.name },
          { header: '数据范围', value: (r) => r.scope },
          { header: '权限', value: (r) => r.permissions.map((p) => names.get(p) ?? p).join('、'), width: 60 },
          { header: '用户数', value: (r) => r.userCount },
        ],
        oneBatch(roles),
      );
    });

    // 三员分立: the accounts sysadmin created, for secadmin to grant or change their role. The
    // list names an account's binding but no business record.
    r.get(
      '/role-grants',
      {
        config: roleAccess,
        schema: { tags, querystring: userListQuerySchema, response: { 200: listResponse(userSchema) } },
      },
      async (req) => listUserPage(deps, req.query),
    );
    r.put(
      '/role-grants/:id',
      {
        config: roleAccess,
        schema: { tags, params: idParamSchema, body: grantRoleBodySchema, response: { 200: userSchema } },
      },
      async (req) => grantRole(deps, auditContext(req), actorOf(req), req.params.id, req.body.role),
    );

    const policyAccess = { access: 'admin.security-policy' as const };
    // A lost authenticator: the account enrols a new one at its next sign-in.
    r.post(
      '/users/:id/reset-second-factor',
      { config: policyAccess, schema: { tags, params: idParamSchema, response: { 200: okSchema } } },
      async (req) => {
        await resetSecondFactor(deps.db, auditContext(req), actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );

    r.get(
      '/security-policy',
      { config: policyAccess, schema: { tags, response: { 200: securityPolicySchema } } },
      async () => getSecurityPolicy(deps.db),
    );
    r.put(
      '/security-policy',
      {
        config: policyAccess,
        schema: { tags, body: securityPolicySchema, response: { 200: securityPolicySchema } },
      },
      async (req) => updateSecurityPolicy(deps.db, auditContext(req), req.body),
    );

    const sessionAccess = { access: 'admin.sessions' as const };
    listRoutes(app, deps, SESSIONS_LIST);
    r.delete(
      '/sessions/:id',
      {
        config: sessionAccess,
        schema: {
          tags,
          params: z.object({ id: z.string().regex(/^[0-9a-f]{16}$/) }),
          response: { 200: okSchema },
        },
      },
      async (req) => {
        await forceLogout(deps.db, auditContext(req), req.params.id);
        return { ok: true as const };
      },
    );
  };
}
