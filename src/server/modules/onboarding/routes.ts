/** 门户与注册: /api/v1/onboarding (review, outbox) and /api/v1/public/onboarding (register, track, reset). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, okSchema } from '../../../domain/contracts/common';
import {
  adminResetSchema,
  initialPasswordSchema,
  outboxItemSchema,
  outboxListQuerySchema,
  registrationDetailSchema,
  registrationItemSchema,
  registrationListQuerySchema,
  registrationLookupSchema,
  registrationReceiptSchema,
  registrationStatusSchema,
  resetConfirmSchema,
  resetRequestSchema,
  reviewDecisionSchema,
} from '../../../domain/contracts/onboarding';
import { msg } from '../../../domain/message';
import {
  maskMobile,
  REGISTRATION_KIND_NAMES,
  REGISTRATION_KINDS,
  REGISTRATION_STATUS_NAMES,
} from '../../../domain/onboarding';
import { actorOf, auditContext } from '../../platform/access';
import { auditRead } from '../../platform/audit-trail';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import { readForm } from '../../platform/uploads';
import { contentDisposition } from '../projects/applications/attachments-service';
import { confirmPasswordReset, requestPasswordReset, resetUnitAdminPassword } from './accounts-service';
import {
  lookupRegistration,
  type RegistrationUpload,
  resubmitRegistration,
  submitRegistration,
} from './registration-service';
import {
  countOutbox,
  countRegistrations,
  listOutbox,
  listRegistrations,
  type OutboxRow,
  outboxAfter,
  type RegistrationRow,
  registrationsAfter,
} from './repo';
import { decideRegistration, registrationDetail, registrationFileFor } from './review-service';

const tags = ['onboarding'];

/** Lists show the contact's mobile masked; the detail shows it to the reviewer in full. */
const masked = (rows: RegistrationRow[]) =>
  rows.map((r) => ({ ...r, contactMobile: maskMobile(r.contactMobile) }));

const REGISTRATIONS_LIST: ListSpec<typeof registrationListQuerySchema, RegistrationRow> = {
  path: '/registrations',
  access: 'onboarding.review',
  tags,
  query: registrationListQuerySchema,
  item: registrationItemSchema,
  rows: (deps, { scope }, q, limit, offset) =>
    listRegistrations(deps.db, scope, q, deps.regions, limit, offset).then(masked),
  count: (deps, { scope }, f) => countRegistrations(deps.db, scope, f, deps.regions),
  export: {
    name: '注册申请',
    audit: { action: 'registration.export', objectType: 'registration' },
    columns: [
      { header: '受理编号', value: (r) => r.trackingNo, width: 22 },
      { header: '类型', value: (r) => REGISTRATION_KIND_NAMES[r.kind].zh },
      { header: '名称', value: (r) => r.name, width: 36 },
      { header: '统一社会信用代码', value: (r) => r.uscc, width: 22 },
      { header: '所属区域', value: (r) => r.regionName },
      { header: '联系人', value: (r) => r.contactName },
      { header: '联系电话', value: (r) => r.contactMobile },
      { header: '状态', value: (r) => REGISTRATION_STATUS_NAMES[r.status].zh },
      { header: '提交时间', value: (r) => r.submittedAt, width: 22 },
    ],
    after: (deps, { scope }, f, afterId, limit) =>
      registrationsAfter(deps.db, scope, f, deps.regions, afterId, limit).then(masked),
  },
};

const OUTBOX_LIST: ListSpec<typeof outboxListQuerySchema, OutboxRow> = {
  path: '/outbox',
  access: 'onboarding.outbox',
  tags,
  query: outboxListQuerySchema,
  item: outboxItemSchema,
  rows: (deps, _viewer, q, limit, offset) => listOutbox(deps.db, q, limit, offset),
  count: (deps, _viewer, f) => countOutbox(deps.db, f),
  export: {
    name: '邮件发件箱',
    audit: { action: 'mail_outbox.export', objectType: 'mail' },
    columns: [
      { header: '收件人', value: (m) => m.recipient, width: 30 },
      { header: '主题', value: (m) => m.subject, width: 40 },
      { header: '状态', value: (m) => m.status },
      { header: '时间', value: (m) => m.createdAt, width: 22 },
    ],
    after: (deps, _viewer, f, afterId, limit) => outboxAfter(deps.db, f, afterId, limit),
  },
};

export function onboardingRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const review = { access: 'onboarding.review' as const };
    listRoutes(app, deps, REGISTRATIONS_LIST);
    listRoutes(app, deps, OUTBOX_LIST);

    r.get(
      '/registrations/:id',
      {
        config: review,
        schema: { tags, params: idParamSchema, response: { 200: registrationDetailSchema } },
      },
      async (req) => registrationDetail(deps, actorOf(req), req.params.id),
    );

    r.get(
      '/registrations/:id/file',
      { config: { ...review, produces: 'file' }, schema: { tags, params: idParamSchema } },
      async (req, reply) => {
        const file = await registrationFileFor(deps, actorOf(req), req.params.id);
        await auditRead(req, {
          action: 'registration.file.download',
          object: { type: 'registration', id: req.params.id },
          details: { fileName: file.fileName },
        });
        return reply
          .header('content-type', file.fileMime)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(file.content));
      },
    );

    r.post(
      '/registrations/:id/decision',
      {
        config: review,
        schema: {
          tags,
          params: idParamSchema,
          body: reviewDecisionSchema,
          response: { 200: registrationDetailSchema },
        },
      },
      async (req) => decideRegistration(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    );

    r.post(
      '/registrations/:id/admin-password',
      {
        config: review,
        schema: {
          tags,
          params: idParamSchema,
          body: adminResetSchema,
          response: { 200: initialPasswordSchema },
        },
      },
      async (req) =>
        resetUnitAdminPassword(deps, auditContext(req), actorOf(req), req.params.id, req.body.stampedRequest),
    );
  };
}

/** A registration form: multipart text fields and the file (a correction may keep the one it had). */
async function registrationForm(req: FastifyRequest): Promise<RegistrationUpload> {
  const up = await readForm(req);
  return { fields: up.fields, file: up.file ? { fileName: up.fileName, content: up.file } : undefined };
}

/** The public side, rate-limited per IP as sign-in is. */
export function publicOnboardingRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const limited = {
      access: 'public' as const,
      rateLimit: { max: deps.loginAttemptsPerMinute, timeWindow: '1 minute' },
    };

    r.get(
      '/regions',
      {
        config: { access: 'public' },
        schema: {
          tags,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  code: z.string(),
                  name: z.string(),
                  level: z.string(),
                  parentCode: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (_req, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        const items = deps.regions.rows
          .filter((x) => (x.level !== 'city' ? x.holdsData : true))
          .map((x) => ({ code: x.code, name: x.name, level: x.level, parentCode: x.parentCode ?? null }));
        return { items };
      },
    );

    r.post(
      '/registrations',
      {
        config: limited,
        schema: {
          tags,
          summary: 'Register an organisation or an expert (multipart/form-data)',
          description:
            'Fields: kind (org | expert) and those of orgRegistrationSchema or expertRegistrationSchema ' +
            '(src/domain/contracts/onboarding.ts; lists comma-separated), and file (PDF, JPEG or PNG, ≤ 5 MB).',
          consumes: ['multipart/form-data'],
          response: { 201: registrationReceiptSchema },
        },
      },
      async (req, reply) => {
        const form = await registrationForm(req);
        const kind = z.enum(REGISTRATION_KINDS).safeParse(form.fields.kind);
        if (!kind.success)
          throw invalid('kind', msg('请选择注册类型', 'Choose what registers: org or expert'));
        const { kind: _k, ...fields } = form.fields;
        const receipt = await submitRegistration(deps, auditContext(req), kind.data, { ...form, fields });
        return reply.status(201).send(receipt);
      },
    );

    r.post(
      '/registrations/lookup',
      {
        config: limited,
        schema: { tags, body: registrationLookupSchema, response: { 200: registrationStatusSchema } },
      },
      async (req) => lookupRegistration(deps, req.body),
    );

    r.post(
      '/registrations/resubmit',
      {
        config: limited,
        schema: {
          tags,
          summary: 'Correct and resubmit a returned registration (multipart/form-data)',
          description:
            'The registration form again with trackingNo and lookupMobile; file and password only when changed.',
          consumes: ['multipart/form-data'],
          response: { 200: registrationReceiptSchema },
        },
      },
      async (req) => resubmitRegistration(deps, auditContext(req), await registrationForm(req)),
    );

    r.post(
      '/password-resets',
      { config: limited, schema: { tags, body: resetRequestSchema, response: { 200: okSchema } } },
      async (req) => requestPasswordReset(deps, auditContext(req), req.body, `${req.protocol}://${req.host}`),
    );

    r.post(
      '/password-resets/confirm',
      { config: limited, schema: { tags, body: resetConfirmSchema, response: { 200: okSchema } } },
      async (req) => confirmPasswordReset(deps, auditContext(req), req.body),
    );
  };
}
