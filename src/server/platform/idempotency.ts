/**
 * `Idempotency-Key` on creates a double click could repeat (routes declare
 * `config: { idempotent: true }`). The first request with a key runs and its answer is kept for
 * 24 h per (user, key); the same key with the same body replays that answer, with another body
 * answers 422, and while the first is still running answers 409. Without the header a route
 * behaves as before.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { msg } from '../../domain/message';
import type { Db } from '../db/client';
import { canonicalJson } from './audit';
import { AppError } from './errors';
import { claimKey, deleteExpiredKeys, findKey, keepAnswer, releaseKey } from './idempotency-repo';

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
    await deleteExpiredKeys(db, userId);
    if (await claimKey(db, userId, key, requestHash)) {
      req.idempotencyKey = { userId, key };
      return;
    }
    const first = await findKey(db, userId, key);
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
    if (reply.statusCode >= 500 || typeof payload !== 'string') await releaseKey(db, claim.userId, claim.key);
    else await keepAnswer(db, claim.userId, claim.key, reply.statusCode, payload);
    return payload;
  });
}
