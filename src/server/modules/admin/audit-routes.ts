import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUDIT_OUTCOME_LABELS, auditActionLabel, auditObjectLabel } from '../../../domain/audit-labels';
import {
  auditArchiveSchema,
  auditEntrySchema,
  auditPurgeResultSchema,
  auditPurgeSchema,
  auditQuerySchema,
  auditVerifySchema,
} from '../../../domain/contracts/admin';
import { msg } from '../../../domain/message';
import { isRoleCode, ROLE_NAMES } from '../../../domain/roles';
import type { auditLog } from '../../db/schema';
import { auditContext } from '../../platform/access';
import { verifyAuditChain } from '../../platform/audit';
import { purgeAuditLog } from '../../platform/audit-retention';
import { auditRead } from '../../platform/audit-trail';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { chinaTime } from '../../platform/excel';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import { archiveContent, archiveList, auditAfter, auditCount, auditPage } from './audit-repo';

function present(row: typeof auditLog.$inferSelect) {
  return { ...row, id: String(row.id), at: new Date(row.at).toISOString() };
}

/**
 * 审计日志 and its spreadsheet twin (see platform/list-kit.ts); the log is not scoped: the
 * permission is the rule. The export runs in entry order, the order of the hash chain.
 */
const AUDIT_LIST: ListSpec<typeof auditQuerySchema, ReturnType<typeof present>> = {
  path: '/audit',
  access: 'admin.audit',
  tags: ['admin'],
  query: auditQuerySchema,
  item: auditEntrySchema,
  rows: async (deps, _viewer, q, limit, offset) => (await auditPage(deps.db, q, limit, offset)).map(present),
  count: (deps, _viewer, f) => auditCount(deps.db, f),
  export: {
    name: '审计日志',
    audit: { action: 'audit.export', objectType: 'audit_log' },
    columns: [
      { header: '序号', value: (e) => e.id },
      { header: '时间（北京时间）', value: (e) => chinaTime(e.at), width: 26 },
      { header: '时间（UTC）', value: (e) => e.at, width: 26 },
      { header: '用户', value: (e) => e.actorUsername },
      {
        header: '角色',
        value: (e) => (e.actorRole && isRoleCode(e.actorRole) ? ROLE_NAMES[e.actorRole].zh : e.actorRole),
      },
      { header: 'IP', value: (e) => e.ip },
      { header: '操作', value: (e) => auditActionLabel(e.action).zh, width: 24 },
      { header: '操作代码', value: (e) => e.action, width: 24 },
      { header: '结果', value: (e) => AUDIT_OUTCOME_LABELS[e.outcome].zh },
      { header: '对象类型', value: (e) => (e.targetType ? auditObjectLabel(e.targetType).zh : null) },
      { header: '对象', value: (e) => e.targetId, width: 38 },
      { header: '变更前', value: (e) => (e.before == null ? null : JSON.stringify(e.before)), width: 50 },
      { header: '变更后', value: (e) => (e.after == null ? null : JSON.stringify(e.after)), width: 50 },
      { header: '请求编号', value: (e) => e.requestId },
      { header: '前一哈希', value: (e) => e.prevHash, width: 66 },
      { header: '哈希', value: (e) => e.hash, width: 66 },
    ],
    after: async (deps, _viewer, f, afterId, limit) =>
      (await auditAfter(deps.db, f, afterId, limit)).map(present),
  },
};

const archiveParams = z.object({ id: z.string().regex(/^\d{1,18}$/, '编号应为数字 / must be a number') });

/**
 * The auditor's view: read, filter, export and verify the append-only chain; archive and purge
 * entries past their retention; download those archives.
 */
export function auditRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'admin.audit' as const };
    const tags = ['admin'];

    listRoutes(app, deps, AUDIT_LIST);

    r.get('/audit/verify', { config, schema: { tags, response: { 200: auditVerifySchema } } }, async () =>
      verifyAuditChain(deps.db),
    );

    r.get(
      '/audit/archives',
      { config, schema: { tags, response: { 200: z.object({ items: z.array(auditArchiveSchema) }) } } },
      async () => ({
        items: (await archiveList(deps.db)).map((a) => ({
          ...a,
          id: String(a.id),
          firstId: String(a.firstId),
          lastId: String(a.lastId),
          archivedAt: new Date(a.archivedAt).toISOString(),
          cutoff: new Date(a.cutoff).toISOString(),
        })),
      }),
    );

    // The archive as stored: gzipped JSON lines, one entry each with prevHash and hash, so it can
    // be checked offline and chained onto the live log (its first prevHash, its last hash).
    r.get(
      '/audit/archives/:id/download',
      { config: { ...config, produces: 'file' }, schema: { tags, params: archiveParams } },
      async (req, reply) => {
        const archive = await archiveContent(deps.db, BigInt(req.params.id));
        if (!archive) throw notFound(msg('审计归档', 'audit archive'));
        await auditRead(req, {
          action: 'audit.archive.download',
          object: { type: 'audit_archive', id: req.params.id },
        });
        const name = `audit-${archive.firstId}-${archive.lastId}.jsonl.gz`;
        return reply
          .header('content-type', 'application/gzip')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(Buffer.from(archive.content));
      },
    );

    r.post(
      '/audit/purge',
      {
        config,
        schema: { tags, body: auditPurgeSchema, response: { 200: auditPurgeResultSchema } },
      },
      async (req) => purgeAuditLog(deps.db, auditContext(req), req.body.retentionMonths),
    );
  };
}
