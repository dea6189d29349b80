import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, listResponse } from '../../../domain/contracts/common';
import {
  type NoticeRecord,
  objectionBodySchema,
  objectionLookupSchema,
  objectionReceiptSchema,
  objectionStatusSchema,
  publicCallDetailSchema,
  publicCallListQuerySchema,
  publicCallSchema,
  publicGuideSchema,
  publicNoticeDetailSchema,
  publicNoticeSchema,
  publicPageQuerySchema,
  publicStatisticsQuerySchema,
  publicStatisticsSchema,
} from '../../../domain/contracts/portal';
import { msg } from '../../../domain/message';
import { windowState } from '../../../domain/portal';
import { auditContext } from '../../platform/access';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { pageOf } from '../../platform/listing';
import { readUpload } from '../../platform/uploads';
import { contentDisposition } from '../projects/applications/attachments-service';
import {
  countPublicCalls,
  countPublicNotices,
  guideFile,
  guideFilesOf,
  listGuides,
  publicCall,
  publicCalls,
  publicNotice,
  publicNotices,
} from './repo';
import { attachEvidence, lodgeObjection, lookupObjection } from './service';
import { publicStatistics } from './statistics';

const tags = ['public'];
/** Anonymous readers: generous for a person browsing, a wall for a scraper; answers kept a minute. */
const read = { access: 'public' as const, rateLimit: { max: 120, timeWindow: '1 minute' }, publicCache: 60 };
/** Objections: a handful per address and ten minutes (a person writes one, a bot is stopped). */
const lodge = { access: 'public' as const, rateLimit: { max: 5, timeWindow: '10 minutes' } };
const lookup = { access: 'public' as const, rateLimit: { max: 20, timeWindow: '1 minute' } };

const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

/**
 * /api/v1/public: what a visitor reads without signing in — calls, 公示, 服务指南, published
 * statistics — and the objection form. Each answer is built from an allow-list of fields
 * (domain/contracts/portal.ts); public-fields.test.ts proves nothing else leaves.
 */
export function publicPortalRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/calls',
      {
        config: read,
        schema: {
          tags,
          querystring: publicCallListQuerySchema,
          response: { 200: listResponse(publicCallSchema) },
        },
      },
      async (req) => {
        const { limit, offset } = pageOf(req.query);
        const now = clock.now();
        const [items, total] = await Promise.all([
          publicCalls(deps.db, req.query.status, now, limit, offset),
          countPublicCalls(deps.db, req.query.status, now),
        ]);
        return { items, total };
      },
    );
    r.get(
      '/calls/:id',
      { config: read, schema: { tags, params: idParamSchema, response: { 200: publicCallDetailSchema } } },
      async (req) => {
        const call = await publicCall(deps.db, req.params.id, clock.now());
        if (!call) throw notFound(msg('申报批次', 'call'));
        const files = await guideFilesOf(deps.db, call.id);
        const attachments = call.requiredAttachments as { name: string; nameEn?: string }[];
        return {
          ...call,
          requiredAttachments: attachments.map((a) => ({ name: a.name, nameEn: a.nameEn ?? a.name })),
          files: files.map(({ id, fileName, size }) => ({ id, fileName, size })),
        };
      },
    );
    r.get(
      '/calls/:id/files/:fileId',
      { config: { ...read, produces: 'file' as const }, schema: { tags, params: fileParams } },
      async (req, reply) => {
        const file = await guideFile(deps.db, req.params.id, req.params.fileId);
        if (!file) throw notFound(msg('申报指南文件', 'guide file'));
        return reply
          .header('content-type', file.mime)
          .header('content-disposition', contentDisposition(file.fileName))
          .send(file.content);
      },
    );

    r.get(
      '/notices',
      {
        config: read,
        schema: {
          tags,
          querystring: publicPageQuerySchema,
          response: { 200: listResponse(publicNoticeSchema) },
        },
      },
      async (req) => {
        const { limit, offset } = pageOf(req.query);
        const today = clock.today();
        const [rows, total] = await Promise.all([
          publicNotices(deps.db, limit, offset),
          countPublicNotices(deps.db),
        ]);
        return {
          items: rows.map((n) => ({ ...n, window: windowState(n.windowStart, n.windowEnd, today) })),
          total,
        };
      },
    );
    r.get(
      '/notices/:id',
      { config: read, schema: { tags, params: idParamSchema, response: { 200: publicNoticeDetailSchema } } },
      async (req) => {
        const n = await publicNotice(deps.db, req.params.id);
        if (!n) throw notFound(msg('公示', 'notice'));
        return {
          ...n,
          records: n.records as NoticeRecord[],
          window: windowState(n.windowStart, n.windowEnd, clock.today()),
        };
      },
    );

    r.post(
      '/objections',
      {
        config: lodge,
        schema: { tags, body: objectionBodySchema, response: { 201: objectionReceiptSchema } },
      },
      async (req, reply) => reply.status(201).send(await lodgeObjection(deps, auditContext(req), req.body)),
    );
    r.post(
      '/objections/lookup',
      {
        config: lookup,
        schema: { tags, body: objectionLookupSchema, response: { 200: objectionStatusSchema } },
      },
      async (req) => lookupObjection(deps, req.body.trackingNo, req.body.contact),
    );
    r.post(
      '/objections/evidence',
      {
        config: lodge,
        schema: { tags, response: { 201: z.object({ trackingNo: z.string(), fileName: z.string() }) } },
      },
      async (req, reply) =>
        reply.status(201).send(await attachEvidence(deps, auditContext(req), await readUpload(req))),
    );

    r.get(
      '/statistics',
      {
        config: read,
        schema: { tags, querystring: publicStatisticsQuerySchema, response: { 200: publicStatisticsSchema } },
      },
      async (req) => publicStatistics(deps, req.query.year),
    );
    r.get(
      '/guides',
      { config: read, schema: { tags, response: { 200: z.object({ items: z.array(publicGuideSchema) }) } } },
      async () => ({
        items: (await listGuides(deps.db)).map(
          ({ code, title, whoMayApply, materials, timeLimits, contacts, entry }) => ({
            code,
            title,
            whoMayApply,
            materials,
            timeLimits,
            contacts,
            entry,
          }),
        ),
      }),
    );
  };
}
