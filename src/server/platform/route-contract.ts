import type { FastifyInstance, RouteOptions } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * 'file': the route answers a download (Excel, Word, an attachment) rather than JSON, so it
     * has no response schema to declare. A path ending in a file name (`….xlsx`) says so itself.
     */
    produces?: 'file';
  }
}

/** Downloads whose path names the format: the extension is the declaration. */
const FILE_PATH = /\.(xlsx|docx|pdf|zip|csv)$/;

type RouteDeclaration = Pick<RouteOptions, 'method' | 'url' | 'schema' | 'config'>;

/** What is wrong with an /api/v1 route's declaration; empty when it declares what it must. */
export function routeContractProblems(route: RouteDeclaration): string[] {
  if (!route.url.startsWith('/api/v1/')) return [];
  const methods = [route.method].flat().filter((m) => m !== 'HEAD');
  if (methods.length === 0) return [];
  const where = `Route ${methods.join(',')} ${route.url}`;
  const config = route.config as { access?: unknown; produces?: unknown } | undefined;
  const problems: string[] = [];
  if (!config?.access) problems.push(`${where} declares no access rule (config.access)`);
  const response = (route.schema?.response ?? {}) as Record<string, unknown>;
  const answers = Object.keys(response).some((status) => /^2(\d\d|xx)$/.test(status));
  const file = config?.produces === 'file' || FILE_PATH.test(route.url);
  if (!answers && !file)
    problems.push(
      `${where} declares no success response schema (schema.response, or config.produces: 'file')`,
    );
  return problems;
}

/**
 * Every /api/v1 route declares who may call it and what it answers (the response schema
 * whitelists the fields sent and documents the API); a route that does not stops the app from
 * starting, so the gap is found by the first test run rather than by a caller.
 */
export function registerRouteContractCheck(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    const problems = routeContractProblems(route);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  });
}
