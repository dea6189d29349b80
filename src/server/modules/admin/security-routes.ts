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
import { idParamSchema, listResponse, okSchema } from '../../../domain/contracts/common';
import { type Permission, ROLE_CODES } from '../../../domain/roles';
import { actorOf, auditContext } from '../../platform/access';
import { auditRead } from '../../platform/audit-trail';
import type { Deps } from '../../platform/deps';
import { oneBatch, sendXlsx } from '../../platform/excel';
import { getSecurityPolicy } from '../../platform/security-policy';
import {
  forceLogout,
  listActiveSessions,
  listPermissions,
  listRoles,
  resetSecondFactor,
  updateRolePermissions,
  updateSecurityPolicy,
} from './security-service';
import { grantRole, listUserPage } from './users-service';

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
    r.get(
      '/sessions',
      { config: sessionAccess, schema: { tags, response: { 200: listResponse(sessionSchema) } } },
      async () => {
        const items = await listActiveSessions(deps.db);
        return { items, total: items.length };
      },
    );
    r.get('/sessions/export.xlsx', { config: sessionAccess, schema: { tags } }, async (req, reply) => {
      await auditRead(req, { action: 'session.export', object: { type: 'session' } });
      return sendXlsx(
        reply,
        '在线会话.xlsx',
        '在线会话',
        [
          { header: '用户名', value: (s) => s.username },
          { header: '角色', value: (s) => s.role },
          { header: 'IP', value: (s) => s.ip },
          { header: '登录时间', value: (s) => s.createdAt, width: 26 },
          { header: '最近活动', value: (s) => s.lastSeenAt, width: 26 },
        ],
        oneBatch(await listActiveSessions(deps.db)),
      );
    });
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
