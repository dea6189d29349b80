/**
 * The record kit: the routes of one record beside its list (platform/list-kit.ts): read one
 * (`GET <path>/:id`), create (`POST <path>`, 201), update (`PATCH <path>/:id`) and the moves on it
 * (`POST <path>/:id/<move>`). A module states each route as the schemas it takes and returns and the
 * service function it calls — a module's services take `(deps, audit, actor, [id,] body)` — and
 * `recordRoutes` registers them with the access, the OpenAPI tags and the caller filled in alike.
 * docs/adding-a-module.md shows it.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { idParamSchema } from '../../domain/contracts/common';
import { type Access, actorOf, auditContext } from './access';
import type { Actor } from './actor';
import type { AuditContext } from './audit';
import type { Deps } from './deps';

type Out<R extends z.ZodType> = Promise<z.input<R>>;

/** `GET <path>/:id`. */
export interface ReadRoute<R extends z.ZodType> {
  response: R;
  access?: Access;
  run(deps: Deps, actor: Actor, id: string): Out<R>;
}

/** `POST <path>` (answers 201). */
export interface CreateRoute<B extends z.ZodType, R extends z.ZodType> {
  body: B;
  response: R;
  access?: Access;
  /** A double click must not create twice: the request's `Idempotency-Key` is honoured. */
  idempotent?: boolean;
  run(deps: Deps, audit: AuditContext, actor: Actor, body: z.infer<B>): Out<R>;
}

/**
 * `PATCH <path>/:id` (or `PUT`, where the update replaces the form), or a move
 * `POST <path>/:id/<name>` (a move without a body, like closing, names none).
 */
export interface ChangeRoute<B extends z.ZodType, R extends z.ZodType> {
  body?: B;
  response: R;
  access?: Access;
  method?: 'POST' | 'PUT' | 'PATCH';
  summary?: string;
  run(deps: Deps, audit: AuditContext, actor: Actor, id: string, body: z.infer<B>): Out<R>;
}

export interface RecordSpec {
  /** The list's path below the module's prefix, e.g. '/carriers'. */
  path: string;
  tags: string[];
  /** The access of reading (`read`), and of every write unless the route names its own. */
  read: Access;
  write: Access;
  // biome-ignore lint/suspicious/noExplicitAny: each route is type-checked by `reads`, `creates` or `changes`
  get?: ReadRoute<any>;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  create?: CreateRoute<any, any>;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  update?: ChangeRoute<any, any>;
  /** The moves on one record, by the last part of their path (`end`, `actions` …). */
  // biome-ignore lint/suspicious/noExplicitAny: as above
  moves?: Record<string, ChangeRoute<any, any>>;
}

/** Type-checks one route against its own schemas (the spec's fields are typed loosely). */
export const reads = <R extends z.ZodType>(r: ReadRoute<R>) => r;
export const creates = <B extends z.ZodType, R extends z.ZodType>(r: CreateRoute<B, R>) => r;
export const changes = <B extends z.ZodType, R extends z.ZodType>(r: ChangeRoute<B, R>) => r;

/** Registers the routes the spec names (see the file's comment). */
export function recordRoutes(app: FastifyInstance, deps: Deps, spec: RecordSpec): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { tags } = spec;
  const one = `${spec.path}/:id`;
  if (spec.get) {
    const get = spec.get;
    r.get(
      one,
      {
        config: { access: get.access ?? spec.read },
        schema: { tags, params: idParamSchema, response: { 200: get.response } },
      },
      async (req) => get.run(deps, actorOf(req), req.params.id),
    );
  }
  if (spec.create) {
    const create = spec.create;
    r.post(
      spec.path,
      {
        config: { access: create.access ?? spec.write, idempotent: create.idempotent },
        schema: { tags, body: create.body, response: { 201: create.response } },
      },
      async (req, reply) =>
        reply.status(201).send(await create.run(deps, auditContext(req), actorOf(req), req.body)),
    );
  }
  const change = (url: string, route: ChangeRoute<z.ZodType, z.ZodType>, method: 'POST' | 'PATCH') =>
    r.route({
      method: route.method ?? method,
      url,
      config: { access: route.access ?? spec.write },
      schema: {
        tags,
        ...(route.summary ? { summary: route.summary } : {}),
        params: idParamSchema,
        ...(route.body ? { body: route.body } : {}),
        response: { 200: route.response },
      },
      handler: async (req) => route.run(deps, auditContext(req), actorOf(req), req.params.id, req.body),
    });
  if (spec.update) change(one, spec.update, 'PATCH');
  for (const [name, move] of Object.entries(spec.moves ?? {})) change(`${one}/${name}`, move, 'POST');
}
