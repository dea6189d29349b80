import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type Locale, type Msg, msg, pick } from '../../domain/message';
import { describeDatabaseError, isDatabaseUnavailable, isStatementTimeout } from '../db/faults';
import { noteError } from './request-log';

/**
 * A setting missing or wrong at start-up: the operator reads its message (Chinese and English) as
 * one line, without a stack, and the process exits 1.
 */
export class StartupError extends Error {}

/** The one error family the application throws; the handler below turns it into the wire shape. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly userMessage: Msg,
    readonly field?: string,
  ) {
    super(userMessage.en);
  }
}

export const notFound = (what: Msg = msg('记录', 'record')) =>
  new AppError(
    404,
    'not_found',
    msg(`${what.zh}不存在或无权访问`, `The ${what.en} does not exist or is not yours to see`),
  );
export const forbidden = () => new AppError(403, 'forbidden', msg('无权执行此操作', 'You may not do this'));
export const unauthenticated = () => new AppError(401, 'unauthenticated', msg('请先登录', 'Please sign in'));
export const conflict = (m: Msg, field?: string) => new AppError(409, 'conflict', m, field);
export const invalid = (field: string, m: Msg) => new AppError(400, 'invalid', m, field);

export function requestLocale(req: FastifyRequest): Locale {
  const al = String(req.headers['accept-language'] ?? '').toLowerCase();
  return al.startsWith('en') ? 'en' : 'zh';
}

function send(
  reply: FastifyReply,
  req: FastifyRequest,
  status: number,
  code: string,
  m: Msg,
  field?: string,
) {
  return reply.status(status).send({
    error: {
      code,
      message: pick(m, requestLocale(req)),
      messages: m,
      ...(field ? { field } : {}),
      requestId: req.id,
    },
  });
}

export { send as sendError };

const ZOD_RULES: Record<string, (issue: Record<string, unknown>) => Msg> = {
  // Custom rules (identifier checks) write their message as "中文 / English".
  custom: (i) => {
    const [zh, en] = String(i.message).split(' / ');
    return msg(zh, en ?? zh);
  },
  invalid_type: (i) =>
    i.input === undefined
      ? msg('必填', 'is required')
      : msg(`类型应为 ${i.expected}`, `must be of type ${i.expected}`),
  too_small: (i) =>
    i.origin === 'string'
      ? msg(`长度至少为 ${i.minimum}`, `must be at least ${i.minimum} characters`)
      : msg(`不得小于 ${i.minimum}`, `must be at least ${i.minimum}`),
  too_big: (i) =>
    i.origin === 'string'
      ? msg(`长度不得超过 ${i.maximum}`, `must be at most ${i.maximum} characters`)
      : msg(`不得大于 ${i.maximum}`, `must be at most ${i.maximum}`),
  invalid_format: (i) => msg(`格式不正确（${i.format}）`, `has an invalid format (${i.format})`),
  invalid_value: (i) =>
    msg(
      `取值应为 ${(i.values as unknown[]).join(' / ')}`,
      `must be one of ${(i.values as unknown[]).join(', ')}`,
    ),
  unrecognized_keys: (i) =>
    msg(
      `不允许的字段：${(i.keys as string[]).join(', ')}`,
      `unknown field(s): ${(i.keys as string[]).join(', ')}`,
    ),
};

const DATABASE_UNAVAILABLE = msg(
  '数据库暂时不可用，请稍后重试',
  'The database is temporarily unavailable; please try again shortly',
);
const QUERY_TIMEOUT = msg(
  '查询耗时过长，已被中止；请缩小范围（增加筛选条件）后重试',
  'The query took too long and was stopped; narrow it down (add filters) and try again',
);

/** Maps every error to `{ error: { code, message, messages, field?, requestId } }`; never a stack or SQL. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return send(reply, req, err.status, err.code, err.userMessage, err.field);
    // Database faults are the operator's, not the caller's: 503, and a log line without the SQL.
    if (isStatementTimeout(err)) {
      req.log.warn(`query timed out: ${describeDatabaseError(err)}`);
      return send(reply, req, 503, 'query_timeout', QUERY_TIMEOUT);
    }
    if (isDatabaseUnavailable(err)) {
      req.log.warn(`database unavailable: ${describeDatabaseError(err)}`);
      reply.header('retry-after', '5');
      return send(reply, req, 503, 'database_unavailable', DATABASE_UNAVAILABLE);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issue = err.validation[0];
      const params = issue.params as { issue?: Record<string, unknown> } & Record<string, unknown>;
      const detail = { ...(params.issue ?? params), message: issue.message } as Record<string, unknown>;
      const code = String(detail.code ?? issue.keyword);
      const keys = code === 'unrecognized_keys' ? (detail.keys as string[]) : [];
      const pathParts = String(issue.instancePath ?? '')
        .split('/')
        .filter(Boolean);
      const field = keys[0] ?? (pathParts.join('.') || undefined);
      const rule = ZOD_RULES[code]?.(detail) ?? msg('不符合要求', 'is not valid');
      const label = field ? `${field}: ` : '';
      return send(reply, req, 400, 'invalid', msg(`${label}${rule.zh}`, `${label}${rule.en}`), field);
    }
    if (err.statusCode === 429) {
      return send(
        reply,
        req,
        429,
        'rate_limited',
        msg('请求过于频繁，请稍后再试', 'Too many requests; try again later'),
      );
    }
    if (err.statusCode === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(
        reply,
        req,
        415,
        'unsupported_media_type',
        msg('不支持的请求格式', 'Unsupported content type'),
      );
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(
        reply,
        req,
        err.statusCode,
        'bad_request',
        msg('请求格式不正确', 'The request is malformed'),
      );
    }
    noteError(req, err); // logged once, with the request, when the answer has gone
    return send(
      reply,
      req,
      500,
      'internal',
      msg(
        '服务器内部错误，请联系管理员并提供请求编号',
        'Internal error; quote the request id to your administrator',
      ),
    );
  });
  app.setNotFoundHandler((req, reply) =>
    send(reply, req, 404, 'not_found', msg('接口不存在', 'No such endpoint')),
  );
}
