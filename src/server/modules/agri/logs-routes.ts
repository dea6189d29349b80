import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { LOG_FLAG_NAMES, LOG_STATUS_NAMES, SERVED_KIND_NAMES } from '../../../domain/agri';
import {
  confirmLogSchema,
  rejectLogSchema,
  serviceLogBodySchema,
  serviceLogDetailSchema,
  serviceLogItemSchema,
  serviceLogListQuerySchema,
} from '../../../domain/contracts/agri';
import { idParamSchema } from '../../../domain/contracts/common';
import { actorOf, auditContext } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { chinaTime } from '../../platform/excel';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import { readUpload } from '../../platform/uploads';
import { countLogs, listLogs, logsAfter } from './logs-repo';
import { addPhoto, confirmLog, createLog, logDetail, logItem, photoFile, rejectLog } from './logs-service';

const tags = ['agri'];
type LogItem = ReturnType<typeof logItem>;

const LOGS_LIST: ListSpec<typeof serviceLogListQuerySchema, LogItem & { id: string }> = {
  path: '/service-logs',
  access: 'agri.logs',
  tags,
  query: serviceLogListQuerySchema,
  item: serviceLogItemSchema,
  rows: async (deps, { scope }, q, limit, offset) =>
    (await listLogs(deps.db, scope, q, deps.regions, limit, offset)).map(logItem),
  count: (deps, { scope }, f) => countLogs(deps.db, scope, f, deps.regions),
  export: {
    name: '科技特派员服务记录',
    audit: { action: 'agri.service_log.export', objectType: 'agri_service_log' },
    columns: [
      { header: '服务时间', value: (r) => chinaTime(r.servedAt), width: 18 },
      { header: '科技特派员', value: (r) => r.commissionerName },
      { header: '服务对象类型', value: (r) => SERVED_KIND_NAMES[r.servedKind].zh },
      { header: '服务对象', value: (r) => r.servedName, width: 30 },
      { header: '所属区域', value: (r) => r.regionName },
      { header: '地点', value: (r) => r.place, width: 30 },
      { header: '服务内容', value: (r) => r.content, width: 48 },
      { header: '状态', value: (r) => LOG_STATUS_NAMES[r.status].zh },
      { header: '满意度', value: (r) => r.satisfaction },
      { header: '异常', value: (r) => r.flags.map((f) => LOG_FLAG_NAMES[f].zh).join('、'), width: 24 },
      { header: '照片数', value: (r) => r.photos },
    ],
    after: async (deps, { scope }, f, afterId, limit) =>
      (await logsAfter(deps.db, scope, f, deps.regions, afterId, limit)).map(logItem),
  },
};

/** 服务记录 under /api/v1/agri/service-logs. */
export function logRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const see = { access: 'agri.logs' as const };
    const decide = { access: 'agri.confirm' as const };
    const detail = { 200: serviceLogDetailSchema };

    listRoutes(app, deps, LOGS_LIST);
    r.post(
      '/service-logs',
      {
        config: { access: 'agri.log' },
        schema: { tags, body: serviceLogBodySchema, response: { 201: serviceLogDetailSchema } },
      },
      async (req, reply) =>
        reply.status(201).send(await createLog(deps, auditContext(req), actorOf(req), req.body)),
    );
    r.get(
      '/service-logs/:id',
      { config: see, schema: { tags, params: idParamSchema, response: detail } },
      async (req) => logDetail(deps, actorOf(req), req.params.id),
    );
    r.post(
      '/service-logs/:id/photos',
      { config: { access: 'agri.log' }, schema: { tags, params: idParamSchema, response: detail } },
      async (req) => {
        const up = await readUpload(req);
        return addPhoto(deps, auditContext(req), actorOf(req), req.params.id, up);
      },
    );
    r.get(
      '/photos/:id',
      { config: { ...see, produces: 'file' }, schema: { tags, params: idParamSchema } },
      async (req, reply) => {
        const photo = await photoFile(deps, actorOf(req), req.params.id);
        return reply
          .header('content-type', photo.mime)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, max-age=3600')
          .send(Buffer.from(photo.content));
      },
    );
    r.post(
      '/service-logs/:id/actions/confirm',
      { config: decide, schema: { tags, params: idParamSchema, body: confirmLogSchema, response: detail } },
      async (req) => confirmLog(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/service-logs/:id/actions/reject',
      { config: decide, schema: { tags, params: idParamSchema, body: rejectLogSchema, response: detail } },
      async (req) => rejectLog(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );
  };
}
