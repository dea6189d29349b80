import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from './api-client';
import { IntentKey } from './idempotency';

afterEach(() => vi.unstubAllGlobals());

describe('IntentKey', () => {
  it('keeps one key for repeats of one create and starts a new one after success', () => {
    const intent = new IntentKey();
    const first = intent.keyFor({ callId: 'a' });
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    // A double click, or a retry after a lost answer: same body, same key.
    expect(intent.keyFor({ callId: 'a' })).toBe(first);
    // The form changed: another request, which the server would refuse under the old key.
    const changed = intent.keyFor({ callId: 'b' });
    expect(changed).not.toBe(first);
    expect(intent.keyFor({ callId: 'b' })).toBe(changed);
    intent.done();
    expect(intent.keyFor({ callId: 'b' })).not.toBe(changed);
  });

  it('gives each dialog its own keys', () => {
    expect(new IntentKey().keyFor({ x: 1 })).not.toBe(new IntentKey().keyFor({ x: 1 }));
  });
});

describe('Idempotency-Key header', () => {
  it('is sent on a create given a key, and not otherwise', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response('{}', { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    const intent = new IntentKey();
    const body = { callId: 'c1' };
    await api.post('/api/v1/projects/applications', body, { idempotencyKey: intent.keyFor(body) });
    await api.post('/api/v1/projects/applications', body, { idempotencyKey: intent.keyFor(body) });
    await api.post('/api/v1/auth/logout');
    const sent = fetchMock.mock.calls.map(
      (c) => ((c[1] as RequestInit).headers as Record<string, string>)['Idempotency-Key'],
    );
    expect(sent[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(sent[1]).toBe(sent[0]);
    expect(sent[2]).toBeUndefined();
  });
});
