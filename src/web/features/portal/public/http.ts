/**
 * The public site's own small fetch helper: it loads nothing of the signed-in app (whose API
 * client pulls the whole dictionary), sends the chosen language and the same-site header writes need.
 */
import { currentLocale } from './i18n';

export class PublicApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function request<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLocale() === 'en' ? 'en' : 'zh-CN',
  };
  if (method !== 'GET') headers['x-requested-with'] = 'kechuang';
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const err = json?.error;
    throw new PublicApiError(res.status, err?.message ?? res.statusText, err?.field);
  }
  return json as T;
}

export const http = {
  get: <T>(url: string, query: Record<string, string | number | undefined> = {}) => {
    const qs = Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
    return request<T>('GET', qs ? `${url}?${qs}` : url);
  },
  post: <T>(url: string, body: unknown) => request<T>('POST', url, body),
};
