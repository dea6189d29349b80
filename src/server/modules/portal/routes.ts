import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../../domain/contracts/common';
import {
  guideBodySchema,
  guideFileSchema,
  guideSchema,
  guideUpdateSchema,
  noticeBodySchema,
  noticeDetailSchema,
  noticeFromCallSchema,
  noticeItemSchema,
  noticeListQuerySchema,
  noticeTransitionSchema,
  noticeUpdateSchema,
  objectionAnswerSchema,
  objectionItemSchema,
  objectionListQuerySchema,
  statisticsSettingsBodySchema,
  statisticsSettingsQuerySchema,
  statisticsSettingsSchema,
} from '../../../domain/contracts/portal';
import { NOTICE_STATUS_NAMES, NOTICE_TYPE_NAMES, OBJECTION_STATUS_NAMES } from '../../../domain/portal';
import { actorOf, auditContext } from '../../platform/access';
import { auditRead } from '../../platform/audit-trail';
import type { Deps } from '../../platform/deps';
import { chinaTime } from '../../platform/excel';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import { readUpload } from '../../platform/uploads';
import { contentDisposition } from '../projects/applications/attachments-service';
import { maskContact } from './mask';
import {
  countNotices,
  countObjections,
  guideFilesOf,
  listGuides,
  listNotices,
  listObjections,
  type NoticeRow,
  noticesAfter,
  type ObjectionRow,
  objectionEvidence,
  objectionsAfter,
} from './repo';
import {
  addGuideFile,
  answerObjection,
  createGuide,
  createNotice,
  noticeDetail,
  noticeFromCall,
  objectionDetail,
  removeGuideFile,
  setPublicIndicators,
  transitionNotice,
  updateGuide,
  updateNotice,
} from './service';
import { statisticsSettings } from './statistics';

const tags = ['portal'];
const manage = { access: 'portal.manage' as const };

const NOTICES_LIST: ListSpec<typeof noticeListQuerySchema, NoticeRow> = {
  path: '/notices',
  access: 'portal.manage',
  tags,
  query: noticeListQuerySchema,
  item: noticeItemSchema,
  rows: (deps, _v, q, limit, offset) => listNotices(deps.db, q, limit, offset),
  count: (deps, _v, f) => countNotices(deps.db, f),
  export: {
    name: '公示',
    audit: { action: 'portal.notice.export', objectType: 'portal_notice' },
    columns: [
      { header: '公示标题', value: (x) => x.title, width: 48 },
      { header: '类型', value: (x) => NOTICE_TYPE_NAMES[x.type].zh },
      { header: '状态', value: (x) => NOTICE_STATUS_NAMES[x.status].zh },
      { header: '公示开始', value: (x) => x.windowStart },
      { header: '公示截止', value: (x) => x.windowEnd },
      { header: '公示对象数', value: (x) => x.recordCount },
      { header: '待答复异议', value: (x) => x.openObjections },
    ],
    after: (deps, _v, f, afterId, limit) => noticesAfter(deps.db, f, afterId, limit),
  },
};

/** Objections are listed with the contact masked; staff open one to read it whole. */
const masked = (r: ObjectionRow): ObjectionRow => ({ ...r, contact: maskContact(r.contact) });

const OBJECTIONS_LIST: ListSpec<typeof objectionListQuerySchema, ObjectionRow> = {
  path: '/objections',
  access: 'portal.manage',
  tags,
  query: objectionListQuerySchema,
  item: objectionItemSchema,
  rows: async (deps, _v, q, limit, offset) => (await listObjections(deps.db, q, limit, offset)).map(masked),
  count: (deps, _v, f) => countObjections(deps.db, f),
  export: {
    name: '公示异议',
    audit: { action: 'portal.objection.export', objectType: 'portal_objection' },
    columns: [
      { header: '受理编号', value: (x) => x.trackingNo, width: 20 },
      { header: '公示', value: (x) => x.noticeTitle, width: 40 },
      { header: '异议人', value: (x) => x.name },
      { header: '联系方式', value: (x) => maskContact(x.contact) },
      { header: '异议理由', value: (x) => x.reason, width: 48 },
      { header: '状态', value: (x) => OBJECTION_STATUS_NAMES[x.status].zh },
      { header: '收到时间', value: (x) => chinaTime(x.receivedAt), width: 20 },
      { header: '答复', value: (x) => x.answer, width: 48 },
      { header: '答复日期', value: (x) => x.answeredOn },
    ],
    after: async (deps, _v, f, afterId, limit) =>
      (await objectionsAfter(deps.db, f, afterId, limit)).map(masked),
  },
};

const callFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

/** 门户管理: /api/v1/portal. */
export function portalRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    listRoutes(app, deps, NOTICES_LIST);
    listRoutes(app, deps, OBJECTIONS_LIST);

    r.get(
      '/notices/:id',
      { config: manage, schema: { tags, params: idParamSchema, response: { 200: noticeDetailSchema } } },
      async (req) => noticeDetail(deps, req.params.id),
    );
    r.post(
      '/notices',
      { config: manage, schema: { tags, body: noticeBodySchema, response: { 201: noticeDetailSchema } } },
      async (req, reply) =>
        reply.status(201).send(await createNotice(deps, auditContext(req), actorOf(req), req.body)),
    );
    r.post(
      '/notices/from-call',
      { config: manage, schema: { tags, body: noticeFromCallSchema, response: { 201: noticeDetailSchema } } },
      async (req, reply) =>
        reply.status(201).send(await noticeFromCall(deps, auditContext(req), actorOf(req), req.body)),
    );
    r.patch(
      '/notices/:id',
      {
        config: manage,
        schema: {
          tags,
          params: idParamSchema,
          body: noticeUpdateSchema,
          response: { 200: noticeDetailSchema },
        },
      },
      async (req) => updateNotice(deps, auditContext(req), req.params.id, req.body),
    );
    r.post(
      '/notices/:id/transition',
      {
        config: manage,
        schema: {
          tags,
          params: idParamSchema,
          body: noticeTransitionSchema,
          response: { 200: noticeDetailSchema },
        },
      },
      async (req) => transitionNotice(deps, auditContext(req), req.params.id, req.body.to),
    );

    r.get(
      '/objections/:id',
      { config: manage, schema: { tags, params: idParamSchema, response: { 200: objectionItemSchema } } },
      async (req) => objectionDetail(deps, req.params.id),
    );
    r.get(
      '/objections/:id/evidence',
      { config: { ...manage, produces: 'file' }, schema: { tags, params: idParamSchema } },
      async (req, reply) => {
        const file = await objectionEvidence(deps.db, req.params.id);
        if (!file?.content) return reply.callNotFound();
        await auditRead(req, {
          action: 'portal.objection.evidence-download',
          object: { type: 'portal_objection', id: req.params.id },
        });
        return reply
          .header('content-type', file.mime ?? 'application/octet-stream')
          .header('content-disposition', contentDisposition(file.fileName ?? 'evidence'))
          .send(file.content);
      },
    );
    r.post(
      '/objections/:id/answer',
      {
        config: manage,
        schema: {
          tags,
          params: idParamSchema,
          body: objectionAnswerSchema,
          response: { 200: objectionItemSchema },
        },
      },
      async (req) => answerObjection(deps, auditContext(req), actorOf(req), req.params.id, req.body.answer),
    );

    r.get(
      '/guides',
      { config: manage, schema: { tags, response: { 200: z.object({ items: z.array(guideSchema) }) } } },
      async () => ({ items: await listGuides(deps.db) }),
    );
    r.post(
      '/guides',
      { config: manage, schema: { tags, body: guideBodySchema, response: { 201: guideSchema } } },
      async (req, reply) => reply.status(201).send(await createGuide(deps, auditContext(req), req.body)),
    );
    r.patch(
      '/guides/:id',
      {
        config: manage,
        schema: { tags, params: idParamSchema, body: guideUpdateSchema, response: { 200: guideSchema } },
      },
      async (req) => updateGuide(deps, auditContext(req), req.params.id, req.body),
    );

    r.get(
      '/statistics',
      {
        config: manage,
        schema: {
          tags,
          querystring: statisticsSettingsQuerySchema,
          response: { 200: statisticsSettingsSchema },
        },
      },
      async (req) => statisticsSettings(deps, req.query.year),
    );
    r.put(
      '/statistics',
      {
        config: manage,
        schema: { tags, body: statisticsSettingsBodySchema, response: { 200: statisticsSettingsSchema } },
      },
      async (req) => {
        await setPublicIndicators(deps, auditContext(req), actorOf(req), req.body);
        return statisticsSettings(deps, req.body.year);
      },
    );

    r.get(
      '/calls/:id/guide-files',
      {
        config: manage,
        schema: {
          tags,
          params: idParamSchema,
          response: { 200: z.object({ items: z.array(guideFileSchema) }) },
        },
      },
      async (req) => ({ items: await guideFilesOf(deps.db, req.params.id) }),
    );
    r.post(
      '/calls/:id/guide-files',
      {
        config: manage,
        schema: { tags, params: idParamSchema, response: { 201: z.object({ id: z.uuid() }) } },
      },
      async (req, reply) => {
        const upload = await readUpload(req);
        return reply
          .status(201)
          .send(await addGuideFile(deps, auditContext(req), actorOf(req), req.params.id, upload));
      },
    );
    r.delete(
      '/calls/:id/guide-files/:fileId',
      {
        config: manage,
        schema: {
          tags,
          params: callFileParams,
          response: { 200: z.object({ items: z.array(guideFileSchema) }) },
        },
      },
      async (req) => {
        await removeGuideFile(deps, auditContext(req), req.params.id, req.params.fileId);
        return { items: await guideFilesOf(deps.db, req.params.id) };
      },
    );
  };
}
