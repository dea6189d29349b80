import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { APPRAISAL_GRADE_NAMES, SERVED_KIND_NAMES } from '../../../domain/agri';
import {
  type AppraisalItem,
  appraisalBodySchema,
  appraisalItemSchema,
  appraisalListQuerySchema,
  type CommissionerItem,
  commissionerBodySchema,
  commissionerItemSchema,
  commissionerListQuerySchema,
  commissionerUpdateSchema,
  dispatchBodySchema,
  dispatchItemSchema,
  dispatchListQuerySchema,
} from '../../../domain/contracts/agri';
import { idParamSchema, okSchema } from '../../../domain/contracts/common';
import { actorOf, auditContext } from '../../platform/access';
import { auditRead } from '../../platform/audit-trail';
import type { Deps } from '../../platform/deps';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import { readUpload } from '../../platform/uploads';
import { contentDisposition } from '../projects/applications/attachments-service';
import {
  appraisalsAfter,
  commissionersAfter,
  countAppraisals,
  countCommissioners,
  countDispatches,
  type DispatchRow,
  dispatchesAfter,
  listAppraisals,
  listCommissioners,
  listDispatches,
} from './people-repo';
import {
  agreementFile,
  appraisalItem,
  commissionerItem,
  createCommissioner,
  createDispatch,
  gradeCommissioner,
  updateCommissioner,
  uploadAgreement,
} from './service';

const tags = ['agri'];

const COMMISSIONERS_LIST: ListSpec<typeof commissionerListQuerySchema, CommissionerItem> = {
  path: '/commissioners',
  access: 'agri.read',
  tags,
  query: commissionerListQuerySchema,
  item: commissionerItemSchema,
  rows: async (deps, { scope }, q, limit, offset) =>
    (await listCommissioners(deps.db, scope, q, deps.regions, limit, offset)).map(commissionerItem),
  count: (deps, { scope }, f) => countCommissioners(deps.db, scope, f, deps.regions),
  export: {
    name: '科技特派员',
    audit: { action: 'agri.commissioner.export', objectType: 'agri_commissioner' },
    columns: [
      { header: '姓名', value: (r) => r.name },
      { header: '专业特长', value: (r) => r.expertise, width: 30 },
      { header: '工作单位', value: (r) => r.employer, width: 30 },
      { header: '管理区域', value: (r) => r.regionName },
      { header: '手机号', value: (r) => r.mobile },
      { header: '身份证号', value: (r) => r.idNumber, width: 22 },
      { header: '选派次数', value: (r) => r.dispatches },
      { header: '服务记录', value: (r) => r.logs },
    ],
    after: async (deps, { scope }, f, afterId, limit) =>
      (await commissionersAfter(deps.db, scope, f, deps.regions, afterId, limit)).map(commissionerItem),
  },
};

const DISPATCHES_LIST: ListSpec<typeof dispatchListQuerySchema, DispatchRow> = {
  path: '/dispatches',
  access: 'agri.logs',
  tags,
  query: dispatchListQuerySchema,
  item: dispatchItemSchema,
  rows: (deps, { scope }, q, limit, offset) => listDispatches(deps.db, scope, q, deps.regions, limit, offset),
  count: (deps, { scope }, f) => countDispatches(deps.db, scope, f, deps.regions),
  export: {
    name: '科技特派员选派',
    audit: { action: 'agri.dispatch.export', objectType: 'agri_dispatch' },
    columns: [
      { header: '科技特派员', value: (r) => r.commissionerName },
      { header: '服务对象类型', value: (r) => SERVED_KIND_NAMES[r.servedKind].zh },
      { header: '服务对象', value: (r) => r.servedName, width: 32 },
      { header: '所属区域', value: (r) => r.regionName },
      { header: '派驻开始', value: (r) => r.startsOn },
      { header: '派驻结束', value: (r) => r.endsOn },
      { header: '协议编号', value: (r) => r.agreementNo, width: 20 },
      { header: '服务记录', value: (r) => r.logs },
    ],
    after: (deps, { scope }, f, afterId, limit) =>
      dispatchesAfter(deps.db, scope, f, deps.regions, afterId, limit),
  },
};

const APPRAISALS_LIST: ListSpec<typeof appraisalListQuerySchema, AppraisalItem> = {
  path: '/appraisals',
  access: 'agri.read',
  tags,
  query: appraisalListQuerySchema,
  item: appraisalItemSchema,
  rows: async (deps, { scope }, q, limit, offset) =>
    (await listAppraisals(deps.db, scope, q, deps.regions, limit, offset)).map(appraisalItem(q.year)),
  count: (deps, { scope }, f) => countAppraisals(deps.db, scope, f, deps.regions),
  export: {
    name: '科技特派员年度考核',
    audit: { action: 'agri.appraisal.export', objectType: 'agri_commissioner' },
    columns: [
      { header: '姓名', value: (r) => r.name },
      { header: '管理区域', value: (r) => r.regionName },
      { header: '年度', value: (r) => r.year },
      { header: '服务记录', value: (r) => r.logs },
      { header: '已确认', value: (r) => r.confirmed },
      { header: '异常记录', value: (r) => r.anomalies },
      { header: '满意度', value: (r) => r.satisfaction },
      { header: '县级评价', value: (r) => (r.countyGrade ? APPRAISAL_GRADE_NAMES[r.countyGrade].zh : '') },
      { header: '得分', value: (r) => r.score },
      { header: '考核等次', value: (r) => APPRAISAL_GRADE_NAMES[r.grade].zh },
    ],
    after: async (deps, { scope }, f, afterId, limit) =>
      (await appraisalsAfter(deps.db, scope, f, deps.regions, afterId, limit)).map(appraisalItem(f.year)),
  },
};

/** 科技特派员, 选派 and 年度考核 under /api/v1/agri. */
export function peopleRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const manage = { access: 'agri.manage' as const };

    listRoutes(app, deps, COMMISSIONERS_LIST);
    r.post(
      '/commissioners',
      {
        config: manage,
        schema: { tags, body: commissionerBodySchema, response: { 201: commissionerItemSchema } },
      },
      async (req, reply) =>
        reply.status(201).send(await createCommissioner(deps, auditContext(req), actorOf(req), req.body)),
    );
    r.patch(
      '/commissioners/:id',
      {
        config: manage,
        schema: {
          tags,
          params: idParamSchema,
          body: commissionerUpdateSchema,
          response: { 200: commissionerItemSchema },
        },
      },
      async (req) => updateCommissioner(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );

    listRoutes(app, deps, DISPATCHES_LIST);
    r.post(
      '/dispatches',
      { config: manage, schema: { tags, body: dispatchBodySchema, response: { 201: dispatchItemSchema } } },
      async (req, reply) =>
        reply.status(201).send(await createDispatch(deps, auditContext(req), actorOf(req), req.body)),
    );
    r.post(
      '/dispatches/:id/agreement',
      { config: manage, schema: { tags, params: idParamSchema, response: { 200: dispatchItemSchema } } },
      async (req) => {
        const up = await readUpload(req);
        return uploadAgreement(deps, auditContext(req), actorOf(req), req.params.id, up);
      },
    );
    r.get(
      '/dispatches/:id/agreement',
      { config: { access: 'agri.logs', produces: 'file' }, schema: { tags, params: idParamSchema } },
      async (req, reply) => {
        const file = await agreementFile(deps, actorOf(req), req.params.id);
        await auditRead(req, {
          action: 'agri.dispatch.agreement.download',
          object: { type: 'agri_dispatch', id: req.params.id },
          details: { fileName: file.fileName },
        });
        return reply
          .header('content-type', file.mime)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(file.content));
      },
    );

    listRoutes(app, deps, APPRAISALS_LIST);
    r.put(
      '/appraisals/:id/:year',
      {
        config: manage,
        schema: {
          tags,
          params: idParamSchema.extend({ year: z.coerce.number().int().min(1990).max(2100) }),
          body: appraisalBodySchema,
          response: { 200: okSchema },
        },
      },
      async (req) => {
        await gradeCommissioner(
          deps,
          auditContext(req),
          actorOf(req),
          req.params.id,
          req.params.year,
          req.body,
        );
        return { ok: true as const };
      },
    );
  };
}
