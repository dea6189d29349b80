import { and, count, eq, gte, ilike, lt, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { auditEntrySchema, auditQuerySchema, auditVerifySchema } from '../../../domain/contracts/admin';
import { listResponse } from '../../../domain/contracts/common';
import type { Tx } from '../../db/client';
import { auditLog } from '../../db/schema';
import { verifyAuditChain } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { inBatches, sendXlsx } from '../../platform/excel';
import { likePattern, pageOf } from '../../platform/listing';

type AuditQuery = z.infer<typeof auditQuerySchema>;

function where(q: Omit<AuditQuery, 'page' | 'pageSize' | 'sort'>): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  // Dates are days in China Standard Time, as the auditor reads them.
  if (q.from) conds.push(gte(auditLog.at, `${q.from}T00:00:00+08:00`));
  if (q.to) conds.push(lt(auditLog.at, sql`(${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`));
  if (q.actor) conds.push(ilike(auditLog.actorUsername, likePattern(q.actor)));
  if (q.action) conds.push(ilike(auditLog.action, `${q.action.replace(/[\\%_]/g, '\\$&')}%`));
  if (q.targetType) conds.push(eq(auditLog.targetType, q.targetType));
  if (q.outcome) conds.push(eq(auditLog.outcome, q.outcome));
  return and(...conds);
}

function page(tx: Tx, q: AuditQuery, limit: number, offset: number) {
  const direction = q.sort === 'at' ? sql`${auditLog.id} asc` : sql`${auditLog.id} desc`;
  return tx.select().from(auditLog).where(where(q)).orderBy(direction).limit(limit).offset(offset);
}

function present(row: typeof auditLog.$inferSelect) {
  return { ...row, id: String(row.id), at: new Date(row.at).toISOString() };
}

/** The auditor's view: read, filter, export and verify the append-only chain. Nothing here writes. */
export function auditRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'admin.audit' as const };
    const tags = ['admin'];

    r.get(
      '/audit',
      {
        config,
        schema: { tags, querystring: auditQuerySchema, response: { 200: listResponse(auditEntrySchema) } },
      },
      async (req) => {
        const { limit, offset } = pageOf(req.query);
        const [rows, [{ n }]] = await Promise.all([
          page(deps.db, req.query, limit, offset),
          deps.db.select({ n: count() }).from(auditLog).where(where(req.query)),
        ]);
        return { items: rows.map(present), total: Number(n) };
      },
    );

    r.get('/audit/verify', { config, schema: { tags, response: { 200: auditVerifySchema } } }, async () =>
      verifyAuditChain(deps.db),
    );

    r.get(
      '/audit/export.xlsx',
      { config, schema: { tags, querystring: auditQuerySchema.omit({ page: true, pageSize: true }) } },
      async (req, reply) => {
        const q = { ...req.query, page: 1, pageSize: 200 };
        return sendXlsx(
          reply,
          '审计日志.xlsx',
          '审计日志',
          [
            { header: '序号', value: (e) => String(e.id) },
            { header: '时间', value: (e) => new Date(e.at).toISOString(), width: 26 },
            { header: '用户', value: (e) => e.actorUsername },
            { header: '角色', value: (e) => e.actorRole },
            { header: 'IP', value: (e) => e.ip },
            { header: '操作', value: (e) => e.action, width: 24 },
            { header: '结果', value: (e) => (e.outcome === 'success' ? '成功' : '失败') },
            { header: '对象类型', value: (e) => e.targetType },
            { header: '对象', value: (e) => e.targetId, width: 38 },
            {
              header: '变更前',
              value: (e) => (e.before == null ? null : JSON.stringify(e.before)),
              width: 50,
            },
            { header: '变更后', value: (e) => (e.after == null ? null : JSON.stringify(e.after)), width: 50 },
            { header: '请求编号', value: (e) => e.requestId },
            { header: '哈希', value: (e) => e.hash, width: 66 },
          ],
          inBatches((offset, limit) => page(deps.db, q, limit, offset)),
        );
      },
    );
  };
}
