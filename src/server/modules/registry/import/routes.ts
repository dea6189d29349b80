import '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, listResponse } from '../../../../domain/contracts/common';
import {
  importAcceptedSchema,
  importCommitBodySchema,
  importJobSchema,
  importKindParamSchema,
  importKindSchema,
} from '../../../../domain/contracts/registry-import';
import { msg } from '../../../../domain/message';
import { actorOf, auditContext } from '../../../platform/access';
import { auditRead } from '../../../platform/audit-trail';
import type { Deps } from '../../../platform/deps';
import { invalid } from '../../../platform/errors';
import { sendXlsx } from '../../../platform/excel';
import { readUpload } from '../../../platform/uploads';
import { KINDS } from './columns';
import { startCommit } from './commit';
import {
  createImport,
  type JobRow,
  listOwnJobs,
  loadFile,
  loadOwnJob,
  presentJob,
  settleImports,
} from './jobs';
import { openSheet } from './parse';
import { loadRefs } from './refs';
import { buildTemplate } from './template';
import { type RowError, validateRows } from './validate';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The form: the import `kind` and the Excel `file`. */
async function readImport(req: FastifyRequest) {
  const { fields, file, fileName } = await readUpload(req);
  const parsedKind = importKindSchema.safeParse(fields.kind);
  if (!parsedKind.success) {
    const kinds = Object.keys(KINDS).join(' / ');
    throw invalid('kind', msg(`kind: 导入类型应为 ${kinds}`, `kind: must be one of ${kinds}`));
  }
  return { kind: parsedKind.data, fileName: fileName || 'import.xlsx', file };
}

/** Every error of a job: re-read from the file when more were found than the job row keeps. */
async function* allErrors(deps: Deps, job: JobRow): AsyncGenerator<RowError[]> {
  const stored = job.errors as RowError[];
  const file = job.errorCount > stored.length ? await loadFile(deps.db, job.id) : null;
  if (!file) {
    yield stored;
    return;
  }
  const refs = await loadRefs(deps.db, deps.regions);
  const sheet = await openSheet(file, job.kind);
  for await (const batch of validateRows(job.kind, sheet.rows, {
    tx: deps.db,
    refs,
    regionCodes: job.regionCodes,
  })) {
    if (batch.errors.length > 0) yield batch.errors;
  }
}

/** Registry imports, mounted under /api/v1/registry. */
export function importRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'registry.import' as const };
    const tags = ['registry'];
    // Validation and commits run after their request has answered: shutting down waits for them.
    app.addHook('onClose', async () => settleImports());

    r.get(
      '/imports/templates/:kind.xlsx',
      { config, schema: { tags, params: importKindParamSchema } },
      async (req, reply) => {
        const kind = req.params.kind;
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', attachment(`${KINDS[kind].name.zh}导入模板.xlsx`))
          .send(await buildTemplate(deps, kind));
      },
    );

    r.get(
      '/imports',
      { config, schema: { tags, response: { 200: listResponse(importJobSchema) } } },
      async (req) => listOwnJobs(deps, actorOf(req)),
    );

    r.post(
      '/imports',
      {
        config,
        schema: { tags, consumes: ['multipart/form-data'], response: { 202: importAcceptedSchema } },
      },
      async (req, reply) => {
        const upload = await readImport(req);
        return reply.status(202).send(await createImport(deps, actorOf(req), req.log, upload));
      },
    );

    r.get(
      '/imports/:id',
      { config, schema: { tags, params: idParamSchema, response: { 200: importJobSchema } } },
      async (req) => presentJob(await loadOwnJob(deps, actorOf(req), req.params.id)),
    );

    r.get(
      '/imports/:id/errors.xlsx',
      { config, schema: { tags, params: idParamSchema } },
      async (req, reply) => {
        const job = await loadOwnJob(deps, actorOf(req), req.params.id);
        await auditRead(req, {
          action: 'registry.import-errors.download',
          object: { type: 'import', id: req.params.id },
        });
        const base = job.fileName.replace(/\.xlsx$/i, '');
        return sendXlsx(
          reply,
          `${base}-错误清单.xlsx`,
          '错误清单',
          [
            { header: '行号', width: 8, value: (e: RowError) => e.row },
            { header: '列', width: 24, value: (e) => e.column },
            { header: '错误说明', width: 70, value: (e) => e.message.zh },
            { header: '英文说明 (English)', width: 70, value: (e) => e.message.en },
          ],
          allErrors(deps, job),
        );
      },
    );

    r.post(
      '/imports/:id/commit',
      {
        config,
        schema: {
          tags,
          params: idParamSchema,
          body: importCommitBodySchema,
          response: { 202: importAcceptedSchema },
        },
      },
      async (req, reply) =>
        reply
          .status(202)
          .send(await startCommit(deps, auditContext(req), actorOf(req), req.log, req.params.id, req.body)),
    );
  };
}
