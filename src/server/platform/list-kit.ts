/**
 * The list-and-export kit: a list is a paged, scoped, sorted `GET /<things>` and its streamed
 * `GET /<things>/export.xlsx` twin, both under the same filters and the caller's scope. A module
 * describes its list once (what a row is, how to fetch a page, how to fetch the rows after a key,
 * the spreadsheet's columns) and `listRoutes` registers them, the export also as a background
 * job. docs/adding-a-module.md shows it.
 */
import querystring from 'node:querystring';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listResponse, type PageQuery } from '../../domain/contracts/common';
import { type Access, actorOf, auditContext } from './access';
import { auditRead } from './audit-trail';
import type { Deps } from './deps';
import { sendXlsx, type XlsxColumn, xlsxBuffer } from './excel';
import { exportJobAccepted } from './jobs';
import { pageOf } from './listing';
import { type Viewer, viewerOf } from './scope';

export { pageRows, rowsAfter } from './list-kit-sql';

/** How many rows an export fetches at a time. */
export const EXPORT_BATCH = 2000;

/**
 * Keyset batches for an export: each batch is the rows after the last key of the one before, so a
 * batch deep in a 100,000-row export costs what the first one does (an OFFSET would not).
 */
export async function* keysetBatches<T, K>(
  fetch: (after: K | null, limit: number) => Promise<T[]>,
  keyOf: (row: T) => K,
  size = EXPORT_BATCH,
): AsyncGenerator<T[]> {
  let after: K | null = null;
  for (;;) {
    const rows = await fetch(after, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = keyOf(rows[rows.length - 1]);
  }
}

type PageQueryOf<S extends z.ZodType> = z.infer<S> & PageQuery;
/** A list's filters: its query without paging and sort, which is what an export takes. */
export type FiltersOf<Q> = Omit<Q, 'page' | 'pageSize' | 'sort'>;

export interface ListSpec<S extends z.ZodObject, Row extends { id: string }> {
  /** The list's path below the module's prefix, e.g. '/platforms'; the export is `<path>/export.xlsx`. */
  path: string;
  access: Access;
  tags: string[];
  /** Paging, sort and filters (extends `pageQuerySchema`). */
  query: S;
  item: z.ZodType;
  /**
   * One page of rows the viewer may see, and how many there are in all. The viewer's scope is
   * the usual row filter; a list whose rule is a permission rather than a region or an
   * organisation (申报指南) reads the viewer's actor, in the same function, so the page, the
   * download and the background job all apply it.
   */
  rows(deps: Deps, viewer: Viewer, q: PageQueryOf<S>, limit: number, offset: number): Promise<Row[]>;
  count(deps: Deps, viewer: Viewer, f: FiltersOf<PageQueryOf<S>>): Promise<number>;
  /** The spreadsheet: its file and sheet name (Chinese, as the bureau files them), its columns. */
  export: {
    name: string;
    /** How the download is written to the audit log (等保: exports are audited). */
    audit: { action: string; objectType: string };
    columns: XlsxColumn<Row>[];
    /** The rows the viewer may see with an id after `afterId`, in id order. */
    after(
      deps: Deps,
      viewer: Viewer,
      f: FiltersOf<PageQueryOf<S>>,
      afterId: string | null,
      limit: number,
    ): Promise<Row[]>;
  };
}

/** A list and its export, in the reading order of the query. */
export async function listPage<S extends z.ZodObject, Row extends { id: string }>(
  spec: ListSpec<S, Row>,
  deps: Deps,
  viewer: Viewer,
  q: PageQueryOf<S>,
) {
  const { limit, offset } = pageOf(q);
  const [items, total] = await Promise.all([
    spec.rows(deps, viewer, q, limit, offset),
    spec.count(deps, viewer, q),
  ]);
  return { items, total };
}

/**
 * A list under a record (`/items/:id/eligible`) takes its path parameters as filters: the query
 * schema names them (optional there), and they override the query string's.
 */
function withParams(req: { query: unknown; params: unknown }) {
  return { ...(req.query as object), ...(req.params as object) };
}

/** The path parameters of a list under a record are the records' ids: checked as uuids (400 otherwise). */
function paramsOf(path: string): { params?: z.ZodObject } {
  const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  return names.length === 0 ? {} : { params: z.object(Object.fromEntries(names.map((n) => [n, z.uuid()]))) };
}

/**
 * Registers `GET <path>` (a page), `GET <path>/export.xlsx` (every row, streamed: small exports
 * and API clients) and `POST <path>/export-jobs` (the same rows written by a background job with
 * progress, platform/jobs.ts: what the web uses). All three take the list's filters and the
 * caller's access, permissions and scope; the job judges them again, for its user, when it runs.
 */
export function listRoutes<S extends z.ZodObject, Row extends { id: string }>(
  app: FastifyInstance,
  deps: Deps,
  spec: ListSpec<S, Row>,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: spec.access };
  const params = paramsOf(spec.path);
  r.get(
    spec.path,
    {
      config,
      schema: {
        tags: spec.tags,
        ...params,
        querystring: spec.query,
        response: { 200: listResponse(spec.item) },
      },
    },
    async (req) =>
      listPage(spec, deps, viewerOf(actorOf(req), deps.regions), withParams(req) as PageQueryOf<S>),
  );
  r.get(
    `${spec.path}/export.xlsx`,
    {
      config,
      schema: {
        tags: spec.tags,
        ...params,
        querystring: spec.query.omit({ page: true, pageSize: true, sort: true }),
      },
    },
    async (req, reply) => {
      await auditRead(req, {
        action: spec.export.audit.action,
        object: { type: spec.export.audit.objectType },
      });
      const viewer = viewerOf(actorOf(req), deps.regions);
      const filters = withParams(req) as FiltersOf<PageQueryOf<S>>;
      return sendXlsx(
        reply,
        `${spec.export.name}.xlsx`,
        spec.export.name,
        spec.export.columns,
        keysetBatches(
          (after: string | null, limit) => spec.export.after(deps, viewer, filters, after, limit),
          (row) => row.id,
        ),
      );
    },
  );

  const filtersSchema = spec.query.omit({ page: true, pageSize: true, sort: true });
  const kind = `${app.prefix}${spec.path}`;
  app.exportJobs.register({
    kind,
    access: spec.access,
    name: spec.export.name,
    audit: spec.export.audit,
    filters: filtersSchema,
    count: (viewer, f) => spec.count(deps, viewer, f as FiltersOf<PageQueryOf<S>>),
    write: (viewer, f, onBatch) =>
      xlsxBuffer(
        spec.export.name,
        spec.export.columns,
        keysetBatches(
          (after: string | null, limit) =>
            spec.export.after(deps, viewer, f as FiltersOf<PageQueryOf<S>>, after, limit),
          (row) => row.id,
        ),
        onBatch,
      ),
  });
  r.post(
    `${spec.path}/export-jobs`,
    {
      config,
      schema: {
        tags: spec.tags,
        summary: `Export ${spec.export.name} as a background job (progress at /api/v1/jobs/{id})`,
        ...params,
        querystring: filtersSchema,
        response: exportJobAccepted,
      },
    },
    async (req, reply) => {
      // The filters as the caller wrote them: the job validates them again when it runs.
      const raw = querystring.parse(req.url.split('?')[1] ?? '');
      const job = await app.exportJobs.create(
        actorOf(req),
        kind,
        { ...raw, ...(req.params as object) },
        auditContext(req),
      );
      return reply.status(202).send(job);
    },
  );
}
