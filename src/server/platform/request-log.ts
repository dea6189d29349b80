/**
 * What the server writes to its log. Errors carry the request id and no personal data: database
 * errors lose their statement, parameters, detail and context (which hold the row's values), and
 * quoted values and ID-card numbers are blanked from messages. Requests are logged one line each
 * only when they fail (5xx) or are slow, unless the level is info or debug.
 */
import type { FastifyError, FastifyInstance, FastifyRequest, FastifyServerOptions } from 'fastify';

export interface LogSettings {
  /** pino level; 'info' or 'debug' also logs every request. Default 'warn'. */
  level?: string;
  /** A request slower than this is logged at warn. Default 1000 ms. */
  slowMs?: number;
  /** Where lines go (tests capture them); stdout by default. */
  stream?: { write(line: string): void };
}

/** Database error fields that name the schema, never the data. */
const SAFE_FIELDS = ['code', 'severity', 'constraint', 'table', 'column', 'schema', 'routine', 'statusCode'];

/** 18-digit resident ID numbers keep their region and check digits only. */
const scrub = (text: string) => text.replace(/\b(\d{6})\d{8}(\d{3}[\dXx])\b/g, '$1********$2').slice(0, 1000);

export function safeError(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: scrub(String(err)) };
  const e = err as unknown as Record<string, unknown>;
  const fromQuery = 'query' in e || 'params' in e || 'parameters' in e;
  const fromDatabase = typeof e.severity === 'string' || typeof e.routine === 'string';
  let message = err.message;
  // Drizzle's message is the statement and its parameters in full.
  if (fromQuery && message.startsWith('Failed query')) message = 'Failed query';
  // PostgreSQL quotes the offending value: `invalid input syntax for type uuid: "…"`.
  else if (fromDatabase || fromQuery) message = message.replace(/"[^"]*"/g, '"…"');
  const out: Record<string, unknown> = { type: err.name, message: scrub(message) };
  for (const k of SAFE_FIELDS) if (typeof e[k] === 'string' || typeof e[k] === 'number') out[k] = e[k];
  const frames = (err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  out.stack = [`${err.name}: ${out.message}`, ...frames].join('\n');
  if (err.cause !== undefined && depth < 3) out.cause = safeError(err.cause, depth + 1);
  return out;
}

export function loggerOptions(s: LogSettings): FastifyServerOptions['logger'] {
  return {
    level: s.level ?? 'warn',
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'password',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        'token',
        '*.token',
      ],
      censor: '[redacted]',
    },
    serializers: { err: safeError },
    ...(s.stream ? { stream: s.stream } : {}),
  } as FastifyServerOptions['logger'];
}

const errors = new WeakMap<FastifyRequest, unknown>();

/** Keeps an unhandled error for the request's one log line, written when the answer has gone. */
export function noteError(req: FastifyRequest, err: FastifyError | Error) {
  errors.set(req, err);
}

export function registerRequestLog(app: FastifyInstance, s: LogSettings) {
  const slowMs = s.slowMs ?? 1000;
  app.addHook('onResponse', async (req, reply) => {
    const ms = Math.round(reply.elapsedTime);
    // The path only: query strings carry search terms and names.
    const line = { method: req.method, url: req.url.split('?')[0], status: reply.statusCode, ms };
    const err = errors.get(req);
    if (reply.statusCode >= 500) req.log.error({ ...line, err }, 'request failed');
    else if (ms > slowMs) req.log.warn(line, 'slow request');
    else req.log.info(line, 'request');
  });
}
