import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, setUnauthorizedHandler, withQuery } from './api-client';

function respond(status: number, body: unknown) {
  return vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(null);
});

describe('withQuery', () => {
  it('drops empty values and keeps zero and false', () => {
    expect(withQuery('/x', { a: '', b: undefined, c: null, d: 0, e: false, f: '晋江' })).toBe(
      '/x?d=0&e=false&f=%E6%99%8B%E6%B1%9F',
    );
    expect(withQuery('/x', {})).toBe('/x');
  });
});

describe('apiRequest', () => {
  it('marks writes for the CSRF guard and sends JSON', async () => {
    const fetchMock = respond(200, { ok: true });
    vi.stubGlobal('fetch', fetchMock);
    await api.post('/api/v1/admin/users', { username: 'a' });
    const init = fetchMock.mock.calls[0][1] as RequestInit;
    const headers = init.headers as Record<string, string>;
    expect(headers['X-Requested-With']).toBe('kechuang');
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers['Accept-Language']).toBe('zh-CN');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"username":"a"}');
  });

  it('uploads FormData as multipart, leaving its Content-Type to the browser', async () => {
    const fetchMock = respond(202, { id: 'x', status: 'validating' });
    vi.stubGlobal('fetch', fetchMock);
    const form = new FormData();
    form.append('kind', 'organizations');
    await api.post('/api/v1/registry/imports', form);
    const init = fetchMock.mock.calls[0][1] as RequestInit;
    const headers = init.headers as Record<string, string>;
    expect(headers['X-Requested-With']).toBe('kechuang');
    expect(headers['Content-Type']).toBeUndefined();
    expect(init.body).toBe(form);
  });

  it('sends no CSRF header and no body on reads', async () => {
    const fetchMock = respond(200, { items: [], total: 0 });
    vi.stubGlobal('fetch', fetchMock);
    await api.get('/api/v1/admin/users', { page: 2 });
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/admin/users?page=2');
    const headers = (fetchMock.mock.calls[0][1] as RequestInit).headers as Record<string, string>;
    expect(headers['X-Requested-With']).toBeUndefined();
  });

  it('turns an error body into an ApiError with its field', async () => {
    const body = {
      error: {
        code: 'invalid',
        message: '用户名已存在',
        messages: { zh: '用户名已存在', en: 'The username is taken' },
        field: 'username',
        requestId: 'r1',
      },
    };
    vi.stubGlobal('fetch', respond(409, body));
    const error = await api.post('/api/v1/admin/users', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'invalid', field: 'username', message: '用户名已存在' });
  });

  it('reports an ended session but not a wrong password', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    const err = (code: string) => ({
      error: { code, message: 'x', messages: { zh: 'x', en: 'x' }, requestId: 'r' },
    });
    vi.stubGlobal('fetch', respond(401, err('invalid_credentials')));
    await api.post('/api/v1/auth/login', {}).catch(() => undefined);
    expect(onUnauthorized).not.toHaveBeenCalled();
    vi.stubGlobal('fetch', respond(401, err('unauthenticated')));
    await api.get('/api/v1/admin/users').catch(() => undefined);
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('explains a response that is not our error shape', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('Bad gateway', { status: 502 })),
    );
    const error = await api.get('/api/v1/x').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'http_502' });
  });
});
