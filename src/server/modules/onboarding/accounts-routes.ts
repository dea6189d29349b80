/** 单位账号管理: /api/v1/org-accounts, the unit administrator's own organisation only. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, okSchema } from '../../../domain/contracts/common';
import {
  initialPasswordSchema,
  orgAccountBodySchema,
  orgAccountListQuerySchema,
  orgAccountSchema,
  orgAccountStatusSchema,
} from '../../../domain/contracts/onboarding';
import { SUB_ACCOUNT_KIND_NAMES } from '../../../domain/onboarding';
import { actorOf, auditContext } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import type { Scope } from '../../platform/scope';
import {
  createOrgAccount,
  presentOrgAccount,
  resetOrgAccountPassword,
  setOrgAccountStatus,
} from './accounts-service';
import { countOrgAccounts, listOrgAccounts, type OrgAccountRow, orgAccountsAfter } from './repo';

const tags = ['org-accounts'];

/** The organisation whose accounts the viewer manages; none outside an organisation's scope. */
const orgOf = (scope: Scope) => (scope.kind === 'org' ? scope.orgId : null);

type Presented = ReturnType<typeof presentOrgAccount>;

const ORG_ACCOUNTS_LIST: ListSpec<typeof orgAccountListQuerySchema, Presented & OrgAccountRow> = {
  path: '',
  access: 'onboarding.accounts',
  tags,
  query: orgAccountListQuerySchema,
  item: orgAccountSchema,
  rows: async (deps, { scope }, q, limit, offset) => {
    const org = orgOf(scope);
    if (!org) return [];
    const rows = await listOrgAccounts(deps.db, org, q, limit, offset);
    return rows.map((r) => ({ ...r, ...presentOrgAccount(r) }));
  },
  count: async (deps, { scope }, f) => {
    const org = orgOf(scope);
    return org ? countOrgAccounts(deps.db, org, f) : 0;
  },
  export: {
    name: '单位账号',
    audit: { action: 'org_account.export', objectType: 'user' },
    columns: [
      { header: '用户名', value: (a) => a.username, width: 24 },
      { header: '姓名', value: (a) => a.displayName },
      { header: '账号类型', value: (a) => SUB_ACCOUNT_KIND_NAMES[a.kind].zh },
      { header: '状态', value: (a) => (a.status === 'active' ? '启用' : '停用') },
      { header: '创建时间', value: (a) => a.createdAt, width: 22 },
    ],
    after: async (deps, { scope }, f, afterId, limit) => {
      const org = orgOf(scope);
      if (!org) return [];
      const rows = await orgAccountsAfter(deps.db, org, f, afterId, limit);
      return rows.map((r) => ({ ...r, ...presentOrgAccount(r) }));
    },
  },
};

export function orgAccountRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const manage = { access: 'onboarding.accounts' as const };
    listRoutes(app, deps, ORG_ACCOUNTS_LIST);

    r.post(
      '',
      {
        config: manage,
        schema: {
          tags,
          body: orgAccountBodySchema,
          response: { 201: initialPasswordSchema.extend({ id: z.uuid() }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createOrgAccount(deps, auditContext(req), actorOf(req), req.body)),
    );

    r.post(
      '/:id/status',
      {
        config: manage,
        schema: { tags, params: idParamSchema, body: orgAccountStatusSchema, response: { 200: okSchema } },
      },
      async (req) =>
        setOrgAccountStatus(deps, auditContext(req), actorOf(req), req.params.id, req.body.status),
    );

    r.post(
      '/:id/password-reset',
      { config: manage, schema: { tags, params: idParamSchema, response: { 200: initialPasswordSchema } } },
      async (req) => resetOrgAccountPassword(deps, auditContext(req), actorOf(req), req.params.id),
    );
  };
}
