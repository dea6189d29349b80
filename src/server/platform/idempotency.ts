/**
 * `Idempotency-Key` on creates a double click could repeat (routes declare
 * `config: { idempotent: true }`). The first request with a key runs and its answer is kept for
 * 24 h per (user, key); the same key with the same body replays that answer, with another body
 * answers 422, and while the first is still running answers 409. Without the header a route
 * behaves as before.
 */
import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { msg } from '../../domain/message';
import type { Db } from '../db/client';
import { idempotencyKeys } from '../db/schema';
import { canonicalJson } from './audit';
import { AppError } from './errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyKey: { userId: string; key: string } | null;
  }
}

const HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{1,255}$/;

export function registerIdempotency(app: FastifyInstance, db: Db) {
  app.decorateRequest('idempotencyKey', null);

  // After validation, so an invalid body answers 400 and uses up no key.
  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers[HEADER];
    if (!req.routeOptions.config?.idempotent || key === undefined || !req.actor) return;
    if (typeof key !== 'string' || !KEY.test(key))
      throw new AppError(
        400,
        'invalid_idempotency_key',
        msg(
          'Idempotency-Key 须为 1–255 个可见 ASCII 字符',
          'Idempotency-Key must be 1–255 printable ASCII characters',
        ),
        HEADER,
      );
    const userId = req.actor.id;
    const requestHash = createHash('sha256')
      .update(
        `${req.method} ${req.routeOptions.url}\n${canonicalJson(req.params)}\n${canonicalJson(req.body)}`,
      )
      .digest('hex');
    const mine = and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key));
    await db
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.userId, userId),
          lt(idempotencyKeys.createdAt, sql`now() - interval '24 hours'`),
        ),
      );
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ userId, key, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length) {
      req.idempotencyKey = { userId, key };
      return;
    }
    const [first] = await db.select().from(idempotencyKeys).where(mine);
    if (!first || first.requestHash !== requestHash)
      throw new AppError(
        422,
        'idempotency_key_reused',
        msg('该 Idempotency-Key 已用于另一请求', 'This Idempotency-Key was used for a different request'),
        HEADER,
      );
    if (first.status === null)
      throw new AppError(
        409,
        'idempotency_in_progress',
        msg('相同的请求正在处理，请稍候', 'The same request is still being processed; try again shortly'),
        HEADER,
      );
    return reply
      .status(first.status)
      .header('idempotent-replayed', 'true')
      .type('application/json; charset=utf-8')
      .send(first.body);
  });

  // The answer is kept, except a server error, which frees the key for a retry.
  app.addHook('onSend', async (req, reply, payload) => {
    const claim = req.idempotencyKey;
    if (!claim) return payload;
    req.idempotencyKey = null;
    const where = and(eq(idempotencyKeys.userId, claim.userId), eq(idempotencyKeys.key, claim.key));
    if (reply.statusCode >= 500 || typeof payload !== 'string') await db.delete(idempotencyKeys).where(where);
    else await db.update(idempotencyKeys).set({ status: reply.statusCode, body: payload }).where(where);
    return payload;
  });
}
