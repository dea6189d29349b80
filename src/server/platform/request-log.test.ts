import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { Database } from '../db/client';
import { call, createUser, openTestDatabase } from '../test/harness';

const SECRET = 'Secret#Pass2026';
const ID_CARD = '110101199003078888';
let database: Database;
const lines: string[] = [];
const stream = { write: (line: string) => void lines.push(line) };

async function appWith(level?: string): Promise<FastifyInstance> {
  const app = await buildApp({ database, logger: { level, stream, slowMs: 60_000 } });
  // A failing statement whose parameter holds personal data, as a NUL once did.
  app.get('/api/test/fail', { schema: { hide: true } }, async () =>
    database.db.execute(sql`select ${`${SECRET} ${ID_CARD}`}::int`),
  );
  return app;
}

beforeAll(async () => {
  database = await openTestDatabase('pglite');
});
afterAll(async () => {
  await database?.close();
});

it('logs a failed request as one line with its request id, and no statement, parameter or password', async () => {
  const app = await appWith();
  lines.length = 0;
  const user = await createUser(database, 'staff');
  await call(app, {
    method: 'POST',
    url: '/api/v1/auth/login',
    body: { username: user.username, password: SECRET },
  });
  const res = await call(app, { url: '/api/test/fail' });
  expect(res.statusCode).toBe(500);
  const requestId = res.json().error.requestId;
  const log = lines.join('');
  expect(lines).toHaveLength(1);
  const entry = JSON.parse(lines[0]);
  expect(entry).toMatchObject({
    reqId: requestId,
    status: 500,
    url: '/api/test/fail',
    msg: 'request failed',
  });
  expect(entry.err.message).toBe('Failed query');
  expect(entry.err.cause.code).toBe('22P02');
  for (const leak of [SECRET, ID_CARD, 'select', '::int', 'params']) expect(log).not.toContain(leak);
  await app.close();
});

it('logs every request only when the level asks for it', async () => {
  const app = await appWith('info');
  lines.length = 0;
  await call(app, { url: '/api/health' });
  expect(lines.map((l) => JSON.parse(l))).toMatchObject([
    { msg: 'request', url: '/api/health', status: 200 },
  ]);
  await app.close();
});
