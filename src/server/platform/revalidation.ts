import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The answer is figures, not personal data, and is asked for again and again (a cockpit, the
     * to-do counts): send an ETag, let the browser keep the answer and ask whether it changed
     * (`Cache-Control: private, no-cache`), and answer 304 without a body when it did not.
     */
    revalidate?: true;
    /**
     * A public answer (no sign-in, the same for everyone): `Cache-Control: public, max-age=<n>`
     * with an ETag, so browsers and any proxy in front keep it n seconds and then ask whether it
     * changed. Every GET under /api/v1/public is public and revalidated; n is 0 when unset.
     */
    publicCache?: number;
  }
}

/** A weak validator of the answer's bytes: equal answers, equal tags, whichever server gives them. */
export function etagOf(body: string | Buffer): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const weak = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || weak(t) === weak(etag));
}

/**
 * ETag and 304 for GET routes that set `config.revalidate`. The answer is still computed (its
 * figures are kept by the figure cache); what is saved is sending and parsing it again.
 */
export function registerRevalidation(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    const config = reply.routeOptions.config;
    const isPublic =
      config?.access === 'public' && (reply.routeOptions.url ?? '').startsWith('/api/v1/public/');
    if (!config?.revalidate && !isPublic) return payload;
    if (req.method !== 'GET' || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = etagOf(payload);
    reply.header('etag', etag);
    if (isPublic) {
      reply.header('cache-control', `public, max-age=${config.publicCache ?? 0}, must-revalidate`);
      reply.header('vary', 'Accept-Language');
    } else {
      reply.header('cache-control', 'private, no-cache');
      reply.header('vary', 'Cookie, Accept-Language');
    }
    if (!matches(req.headers['if-none-match'], etag)) return payload;
    reply.code(304);
    reply.removeHeader('content-type');
    reply.removeHeader('content-length');
    return '';
  });
}
