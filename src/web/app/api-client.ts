/**
 * The one way the web talks to the server. Same-origin cookie session; every write carries
 * `X-Requested-With: kechuang` (the server's CSRF guard refuses writes without it); every request
 * says which language error messages should come back in.
 */
import type { ErrorBody } from '../../domain/contracts/common';
import { type Locale, type Msg, pick } from '../../domain/message';
import { acceptLanguage, getCurrentLocale, translate } from './i18n/locale-store';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages?: Msg;
  readonly field?: string;
  readonly requestId?: string;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    messages?: Msg;
    field?: string;
    requestId?: string;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.messages = init.messages;
    this.field = init.field;
    this.requestId = init.requestId;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The server's message in the language showing now, even if the user switched after it came. */
export function errorMessage(error: unknown, locale: Locale): string {
  if (isApiError(error)) return error.messages ? pick(error.messages, locale) : error.message;
  return error instanceof Error ? error.message : String(error);
}

let unauthorizedHandler: (() => void) | null = null;

/** Called when a request answers 401 (session ended); the auth layer sends the user to login. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

/** Appends defined, non-empty query values; arrays are not used by our endpoints. */
export function withQuery(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

function fallbackError(status: number): ApiError {
  const locale = getCurrentLocale();
  const key = status === 429 ? 'error.tooManyRequests' : status >= 500 ? 'error.server' : 'error.http';
  return new ApiError({ status, code: `http_${status}`, message: translate(locale, key, { status }) });
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    return fallbackError(res.status);
  }
  if (!isErrorBody(body)) return fallbackError(res.status);
  const { error } = body;
  return new ApiError({
    status: res.status,
    code: error.code,
    message: error.message,
    messages: error.messages,
    field: error.field,
    requestId: error.requestId,
  });
}

export async function apiRequest<T>(
  method: HttpMethod,
  path: string,
  options: { query?: QueryParams; body?: unknown; idempotencyKey?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': acceptLanguage(),
  };
  if (method !== 'GET') headers['X-Requested-With'] = 'kechuang';
  // Creates a double click could repeat carry the key of the user's intent (see idempotency.ts).
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const hasBody = options.body !== undefined;
  // A file upload goes as multipart FormData; the browser writes its Content-Type with the boundary.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (hasBody && !isForm) headers['Content-Type'] = 'application/json';

  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: isForm ? (options.body as FormData) : hasBody ? JSON.stringify(options.body) : undefined,
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: translate(getCurrentLocale(), 'error.network'),
    });
  }

  if (!res.ok) {
    const error = await toApiError(res);
    // A wrong password also answers 401; that is a form error, not an ended session.
    if (res.status === 401 && error.code !== 'invalid_credentials') unauthorizedHandler?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams) => apiRequest<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, opts: { idempotencyKey?: string } = {}) =>
    apiRequest<T>('POST', path, { body, ...opts }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

/**
 * Excel exports are plain GET downloads: an anchor keeps the browser's own download handling
 * (streamed to disk, progress bar) and sends the session cookie because it is same-origin.
 */
export function downloadFile(url: string, filename?: string): void {
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename ?? '';
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
}

/** A list answer: one page of items and the total matching the filters. */
export interface ListResult<T> {
  items: T[];
  total: number;
  /** A keyword search stopped counting: more than `total` match. */
  totalCapped?: boolean;
  /** A very long list's total is the database's estimate: about `total` match. */
  totalIsEstimate?: boolean;
}
