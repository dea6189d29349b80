import '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../domain/contracts/common';
import {
  importRowErrorSchema,
  reportedImportResultSchema,
  reportedValueBodySchema,
  reportedValueQuerySchema,
  reportedValueSchema,
} from '../../../domain/contracts/plan';
import { msg, pick } from '../../../domain/message';
import { actorOf, auditContext } from '../../platform/access';
import type { Deps } from '../../platform/deps';
import { AppError, invalid, requestLocale } from '../../platform/errors';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import { commitReported, MAX_IMPORT_BYTES, readReportedFile } from './reported-import';
import { countReported, reportedRows, reportedRowsAfter } from './reported-repo';
import { presentReported, saveReported } from './reported-service';
import { buildReportedTemplate } from './reported-template';

/** A refused import: the usual error body plus every problem found, by row and column. */
const importErrorSchema = errorBodySchema.extend({ errors: z.array(importRowErrorSchema).optional() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
const tooLarge = () =>
  new AppError(413, 'file_too_large', msg('文件超过 10 MB 上限', 'The file exceeds the 10 MB limit'), 'file');

/**
 * The uploaded workbook: the raw body (Content-Type of .xlsx), or the `file` part of a
 * multipart form when @fastify/multipart is registered by the application.
 */
async function readUpload(req: FastifyRequest): Promise<Buffer> {
  if (Buffer.isBuffer(req.body)) {
    if (req.body.length === 0)
      throw invalid('file', msg('请选择要上传的 Excel 文件', 'Choose an Excel file to upload'));
    return req.body;
  }
  if (typeof req.isMultipart === 'function' && req.isMultipart()) {
    try {
      for await (const part of req.parts({ limits: { fileSize: MAX_IMPORT_BYTES } })) {
        if (part.type !== 'file') continue;
        const bytes = await part.toBuffer(); // every file part is read, or the next one never comes
        if (part.fieldname === 'file') return bytes;
      }
    } catch (e) {
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
      throw e;
    }
  }
  throw invalid(
    'file',
    msg(
      `请上传 .xlsx 文件（Content-Type: ${XLSX}，或 multipart 表单字段 file）`,
      `Upload the .xlsx file as the request body (Content-Type: ${XLSX}) or as the multipart field "file"`,
    ),
  );
}

type ReportedValue = z.infer<typeof reportedValueSchema>;

/** 填报指标数据 and its spreadsheet twin (see platform/list-kit.ts). */
const REPORTED_LIST: ListSpec<typeof reportedValueQuerySchema, ReportedValue> = {
  path: '/reported-values',
  access: 'plan.read',
  tags: ['plan'],
  query: reportedValueQuerySchema,
  item: reportedValueSchema,
  rows: async (deps, { scope }, q, limit, offset) =>
    (await reportedRows(deps.db, scope, q, limit, offset)).map((x) => presentReported(x, deps.regions)),
  count: (deps, { scope }, f) => countReported(deps.db, scope, f),
  export: {
    name: '填报指标数据',
    audit: { action: 'plan.reported-value.export', objectType: 'reported_value' },
    columns: [
      { header: '指标代码', value: (x) => x.indicatorCode, width: 24 },
      { header: '指标', value: (x) => x.indicatorName, width: 32 },
      { header: '年度', value: (x) => x.year, width: 8 },
      { header: '区域', value: (x) => x.regionName },
      { header: '数值', value: (x) => Number(x.value) },
      { header: '单位', value: (x) => x.unit, width: 10 },
      { header: '来源', value: (x) => x.source, width: 44 },
      { header: '来源日期', value: (x) => x.sourceDate },
      { header: '版本/口径', value: (x) => x.vintage, width: 24 },
      { header: '备注', value: (x) => x.note, width: 24 },
      { header: '填报人', value: (x) => x.enteredBy },
      { header: '填报时间', value: (x) => x.enteredAt, width: 24 },
      { header: '状态', value: (x) => (x.current ? '现行' : '已更正') },
      { header: '更正时间', value: (x) => x.supersededAt, width: 24 },
    ],
    after: async (deps, { scope }, f, afterId, limit) =>
      (await reportedRowsAfter(deps.db, scope, f, afterId, limit)).map((x) =>
        presentReported(x, deps.regions),
      ),
  },
};

/** Reported values under /api/v1/plan: list, history, entry and correction, Excel export and import. */
export function reportedRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['plan'];
    const read = { access: 'plan.read' as const };
    const write = { access: 'plan.write' as const };
    // Scoped to this plugin: the import takes the workbook itself as the body.
    for (const type of [XLSX, 'application/octet-stream']) {
      app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) =>
        done(null, body),
      );
    }

    listRoutes(app, deps, REPORTED_LIST);

    r.get('/reported-values/template.xlsx', { config: read, schema: { tags } }, async (_req, reply) =>
      reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment('填报指标导入模板.xlsx'))
        .send(await buildReportedTemplate(deps.regions)),
    );

    r.post(
      '/reported-values',
      {
        config: write,
        schema: { tags, body: reportedValueBodySchema, response: { 201: reportedValueSchema } },
      },
      async (req, reply) =>
        reply.status(201).send(await saveReported(deps, auditContext(req), actorOf(req), req.body)),
    );

    r.post(
      '/reported-values/import',
      {
        config: write,
        bodyLimit: MAX_IMPORT_BYTES,
        // Refused before the body is read when the declared size alone is too big.
        preParsing: async (req, _reply, payload) => {
          if (Number(req.headers['content-length'] ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) throw tooLarge();
          return payload;
        },
        schema: {
          tags,
          consumes: [XLSX, 'multipart/form-data'],
          response: { 200: reportedImportResultSchema, 400: importErrorSchema },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const { rows, errors, errorCount } = await readReportedFile(deps, actor, await readUpload(req));
        if (errorCount > 0) {
          const first = errors[0];
          const m = msg(
            `导入文件有 ${errorCount} 处错误，未写入任何数据。第 ${first.row} 行「${first.column}」：${first.message.zh}`,
            `The file has ${errorCount} error(s); nothing was written. Row ${first.row}, column ${first.column}: ${first.message.en}`,
          );
          return reply.status(400).send({
            error: {
              code: 'import_invalid',
              message: pick(m, requestLocale(req)),
              messages: m,
              field: 'file',
              requestId: req.id,
            },
            errors,
          });
        }
        return commitReported(deps, auditContext(req), actor, rows);
      },
    );
  };
}
