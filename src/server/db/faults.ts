/**
 * Recognises the ways a database can fail under a running server, so that the error handler
 * answers 503 instead of 500 and the startup prints one line instead of a stack. Drizzle wraps
 * driver errors (`cause`) and Node wraps parallel connection attempts (`AggregateError`), so every
 * check walks the whole chain.
 */

/** Socket-level failures: the server is down, unreachable or dropped us. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** Messages node-postgres and its pool use for a lost or unobtainable connection (no code). */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  // The driver's own timeout, set beyond the server's: the server did not answer at all.
  'Query read timeout',
];

interface ErrorLike {
  code?: unknown;
  severity?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function* chain(e: unknown, depth = 0): Generator<ErrorLike> {
  if (!e || typeof e !== 'object' || depth > 5) return;
  const err = e as ErrorLike;
  yield err;
  if (Array.isArray(err.errors)) for (const inner of err.errors) yield* chain(inner, depth + 1);
  yield* chain(err.cause, depth + 1);
}

function isUnavailable(err: ErrorLike): boolean {
  const code = typeof err.code === 'string' ? err.code : '';
  if (NETWORK_CODES.has(code)) return true;
  // 08xxx connection exceptions; 57P01–57P03 the server shutting down, restarting or not yet up;
  // 53300 too many connections. A FATAL error always ends the session, whatever its code.
  if (code.startsWith('08') || /^57P0[1-3]$/.test(code) || code === '53300') return true;
  if (err.severity === 'FATAL' || err.severity === 'PANIC') return true;
  const message = typeof err.message === 'string' ? err.message : '';
  return DRIVER_MESSAGES.some((m) => message.startsWith(m));
}

/** The database cannot be reached or dropped the connection: retrying later can succeed. */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (const err of chain(e)) if (isUnavailable(err)) return true;
  return false;
}

/** The statement ran longer than `statement_timeout` (or was cancelled). */
export function isStatementTimeout(e: unknown): boolean {
  for (const err of chain(e)) if (err.code === '57014') return true;
  return false;
}

/**
 * One line naming what went wrong, for logs and the startup message: the driver's own message
 * (never Drizzle's, which carries the SQL and its parameters) and the error code.
 */
export function describeDatabaseError(e: unknown): string {
  let found: ErrorLike | undefined;
  for (const err of chain(e)) {
    if (isUnavailable(err) || err.code === '57014') {
      found = err;
      if (typeof err.message === 'string' && err.message) break;
    }
  }
  const err = found ?? (e as ErrorLike);
  const code = typeof err?.code === 'string' ? err.code : undefined;
  const message = typeof err?.message === 'string' && err.message ? err.message : code;
  const text = (message ?? 'unknown database error').split('\n')[0];
  return code && !text.includes(code) ? `${text} (${code})` : text;
}

/** `host:port/database` of a connection string, without the user or password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the configured database';
  }
}
