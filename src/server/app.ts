import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { msg } from '../domain/message';
import { type Database, withLongStatements } from './db/client';
import { MODULES, type ServerModule } from './modules';
import { registerAccessControl } from './platform/access';
import { registerAuditTrail } from './platform/audit-trail';
import type { Deps } from './platform/deps';
import { AppError, registerErrorHandler } from './platform/errors';
import { registerIdempotency } from './platform/idempotency';
import { frameworkErrors, registerInputGuard } from './platform/input-guard';
import { INSTANCE_ID } from './platform/instance';
import { DEFAULT_EXPORT_JOB_SETTINGS, type ExportJobSettings, ExportJobs, jobRoutes } from './platform/jobs';
import { RegionTree } from './platform/region-tree';
import { type LogSettings, loggerOptions, registerRequestLog } from './platform/request-log';
import { registerRevalidation } from './platform/revalidation';
import { registerRouteContractCheck } from './platform/route-contract';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from './platform/sessions';
import { MAX_UPLOAD_BYTES } from './platform/uploads';

export interface AppOptions {
  database: Database;
  /** Built web app to serve (dist/web); omitted in API tests. */
  webDir?: string;
  trustProxy?: boolean;
  /** Logging on (with settings, or defaults for `true`) or off. */
  logger?: boolean | LogSettings;
  /** Sign-in attempts allowed per client address and minute (the account lockout is separate). */
  loginAttemptsPerMinute?: number;
  /**
   * Exports one server runs at once (default 3, the size of their connection pool); one more is
   * refused at once with 503 and Retry-After rather than queued until it times out.
   */
  maxConcurrentExports?: number;
  /** Background exports: how many run at once, how often servers look for work, expiry. */
  exportJobs?: Partial<ExportJobSettings>;
  /**
   * Writes (API requests other than GET) one server handles at once; beyond, 503 `server_busy`
   * with Retry-After at once, rather than a queue for the pool in which every one times out.
   * Unset: no limit.
   */
  maxConcurrentWrites?: number;
  /**
   * The city (region tree root) the app is of; the first city of the region table when unset. A
   * test file points an app at a city of its own (test/factories.ts `freshCity`).
   */
  city?: string;
  /** The modules to mount; all of them (MODULES) unless a test builds the app with others. */
  modules?: readonly ServerModule[];
}

/**
 * Which page a path opens: the public portal (portal.html, none of the signed-in app's code) for
 * /public/… and for / when the browser holds no session; the signed-in app for the rest (its
 * technology-market page /public/market included).
 */
export function pageFor(file: string, req: { cookies: Record<string, string | undefined> }): string {
  const portalPath =
    (file === '/public' || file.startsWith('/public/')) && !file.startsWith('/public/market');
  const visitor = file === '/' && !req.cookies[SESSION_COOKIE] && !req.cookies[SECURE_SESSION_COOKIE];
  return portalPath || visitor ? 'portal.html' : 'index.html';
}

/** Builds the whole application; main.ts listens with it, tests inject requests into it. */
/**
 * Built assets carry a hash of their content in their name (assets/index-3f9a….js), so a browser
 * may keep them for a year without asking; everything else (the favicon, index.html) is checked
 * with the server on each use, so a new build is seen at once.
 */
export function webCacheControl(file: string): string {
  return /(^|[/\\])assets[/\\]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const modules = opts.modules ?? MODULES;
  // A module whose configuration contradicts its code refuses to start rather than show gaps.
  const problems = modules.flatMap((m) => m.check?.() ?? []);
  if (problems.length > 0) throw new Error(`Kechuang cannot start:\n${problems.join('\n')}`);
  const app = Fastify({
    logger: opts.logger ? loggerOptions(opts.logger === true ? {} : opts.logger) : false,
    // One line per request comes from platform/request-log.ts, not from Fastify's own.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors,
    ajv: { customOptions: { removeAdditional: false } },
    // On close: idle keep-alive connections are cut at once (not after their 72 s timeout) and a
    // request still arriving on one is answered 503 while in-flight requests finish.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const deps: Deps = {
    loginAttemptsPerMinute: opts.loginAttemptsPerMinute ?? 20,
    db: opts.database.db,
    driver: opts.database.driver,
    regions: await RegionTree.load(opts.database.db, opts.city),
  };

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its styles at run time (CSS-in-JS), which needs inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
  });
  await app.register(rateLimit, { global: false });
  // File uploads (Excel imports, attachments): 20 MB at most; each route checks its own types.
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Kechuang 科创 API', version: '1', description: 'City S&T bureau innovation platform' },
    },
    transform: jsonSchemaTransform,
  });
  // Every response names its request (as the log and the audit trail do); API answers, which
  // carry personal and business data, are never stored by the browser or a proxy.
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  registerErrorHandler(app);
  registerAccessControl(app, deps.db);
  registerIdempotency(app, deps.db);
  registerAuditTrail(app, deps.db);
  registerRouteContractCheck(app);
  registerInputGuard(app);
  registerRevalidation(app);
  if (opts.logger) registerRequestLog(app, opts.logger === true ? {} : opts.logger);

  // A request still running when the server starts closing ends its connection with its
  // answer; kept alive, the idle connection would hold the shutdown for the 72 s keep-alive.
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  // A burst of writes (a deadline's last minute) is shed at the door: those admitted finish in time.
  const maxWrites = opts.maxConcurrentWrites;
  let writesRunning = 0;
  if (maxWrites !== undefined)
    app.addHook('onRequest', (req, reply, done) => {
      if (req.method === 'GET' || req.method === 'HEAD' || !req.url.startsWith('/api/')) return done();
      if (writesRunning >= maxWrites) {
        reply.header('retry-after', '5');
        return done(
          new AppError(
            503,
            'server_busy',
            msg('系统繁忙，请稍后重试', 'The server is busy; try again shortly'),
          ),
        );
      }
      writesRunning++;
      reply.raw.once('close', () => writesRunning--);
      done();
    });

  // Exports may scan far more rows than a page: their queries get the export statement timeout.
  // A burst of them would wait for the export pool's few connections and build workbooks side by
  // side until every one timed out; beyond the limit they are refused at once, to be retried.
  const maxExports = opts.maxConcurrentExports ?? 3;
  let exportsRunning = 0;
  app.addHook('preHandler', (req, reply, done) => {
    if (!req.url.split('?')[0].endsWith('/export.xlsx')) return done();
    if (exportsRunning >= maxExports) {
      reply.header('retry-after', '10');
      return done(
        new AppError(
          503,
          'too_many_exports',
          msg('导出任务繁忙，请稍后重试', 'Too many exports are running; try again shortly'),
        ),
      );
    }
    exportsRunning++;
    reply.raw.once('close', () => exportsRunning--);
    withLongStatements(done);
  });

  // For load balancers and monitoring: a `select 1` that must answer within 2 s.
  app.get('/api/health', { schema: { hide: true } }, async (_req, reply) => {
    if (await opts.database.ping(2_000))
      return { status: 'ok', database: 'up', driver: deps.driver, instance: INSTANCE_ID };
    return reply
      .status(503)
      .header('retry-after', '5')
      .send({ status: 'degraded', database: 'down', instance: INSTANCE_ID });
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Background exports: list-kit registers each list's export; the worker runs while the app is up.
  const exportJobs = new ExportJobs(deps, app.log, { ...DEFAULT_EXPORT_JOB_SETTINGS, ...opts.exportJobs });
  app.decorate('exportJobs', exportJobs);
  app.addHook('onReady', async () => exportJobs.start());
  app.addHook('preClose', async () => exportJobs.stop());
  await app.register(jobRoutes(deps), { prefix: '/api/v1/jobs' });

  for (const m of modules) {
    await app.register(m.routes(deps), { prefix: `/api/v1/${m.prefix}` });
    if (m.publicRoutes) {
      const at = m.publicPrefix ?? m.prefix;
      await app.register(m.publicRoutes(deps), { prefix: at ? `/api/v1/public/${at}` : '/api/v1/public' });
    }
  }

  if (opts.webDir && fs.existsSync(path.join(opts.webDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: opts.webDir,
      wildcard: false,
      index: false,
      // The build wrote .br and .gz beside each asset: sent as the browser accepts, never
      // compressed per request; those files and the build's manifest are no URLs of their own.
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'],
      cacheControl: false,
      setHeaders: (reply, file) => {
        reply.header('cache-control', webCacheControl(file));
      },
    });
    // The single-page app answers every non-API path; the router inside decides what to show.
    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      const file = req.url.split('?')[0];
      // An /api path no route took (unknown, or a parameter over the length limit) is not a page.
      if (file === '/api' || file.startsWith('/api/')) return reply.callNotFound();
      // The build's manifest and the compressed copies are no pages of their own.
      const hidden = file.split('/').some((part) => part.startsWith('.')) || /\.(br|gz)$/.test(file);
      if (file !== '/' && !hidden && fs.existsSync(path.join(opts.webDir!, path.normalize(file)))) {
        return reply.sendFile(path.normalize(file).slice(1));
      }
      // Read on each request (it is small) so a rebuilt web app is served without a restart.
      // A build without the portal's page (an older one) serves the app's page everywhere.
      const page = pageFor(file, req);
      const html = fs.existsSync(path.join(opts.webDir!, page)) ? page : 'index.html';
      const indexHtml = await fs.promises.readFile(path.join(opts.webDir!, html));
      return reply.type('text/html').header('cache-control', 'no-cache').send(indexHtml);
    });
  }
  return app;
}
