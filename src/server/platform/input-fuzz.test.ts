import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import { ROLE_CODES, type RoleCode } from '../../domain/roles';
import { call, describeEachDb, signedIn } from '../test/harness';
import {
  CONTROL_STRINGS,
  enc,
  HOSTILE_PARAMS,
  HOSTILE_STRINGS,
  HOSTILE_VALUES,
  type JsonSchema,
  leafPaths,
  pick,
  plausible,
  RAW_BODIES,
  type Rand,
  REMOVE,
  random,
  schemaAt,
  setAt,
} from '../test/hostile';
import { CSRF_HEADER, CSRF_VALUE } from './access';

/**
 * Property: whatever a caller sends to any route — NUL and other control characters, 1 MB strings,
 * deep nesting, `__proto__`, NaN, huge numbers — the answer is never a 5xx, and every refusal has
 * the error shape. Each route is first called with plausible values from its own schema (the
 * OpenAPI document), corrected field by field until validation accepts them; then hostile values
 * are planted one field at a time, so they reach the service and the database, not only the first
 * type check. Seeded (FUZZ_SEED): a failure names its seed and reproduces.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const MIN_CASES = Number(process.env.FUZZ_CASES ?? 10);
// Signing out or changing one's password would pull the ground from under the run.
const SKIP = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/login', 'POST /api/v1/auth/password']);
// Accepted writes here would change every other user's rules mid-run.
const SHARED_SETTINGS = new Set(['PUT /api/v1/admin/security-policy', 'PATCH /api/v1/admin/roles/:code']);

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
}
interface Failure {
  request: string;
  status: number;
  body: string;
}

function errorOf(body: string): { field?: string; requestId?: string } | null {
  try {
    return JSON.parse(body)?.error ?? null;
  } catch {
    return null;
  }
}

class RouteFuzzer {
  readonly failures: Failure[] = [];
  private readonly key: string;
  private readonly queryParams: NonNullable<Operation['parameters']>;
  private readonly bodySchema: JsonSchema | undefined;
  private readonly takesBody: boolean;

  constructor(
    private readonly app: FastifyInstance,
    private readonly rule: { method: string; url: string },
    private readonly op: Operation,
    private readonly cookie: string,
    private readonly r: Rand,
  ) {
    this.key = `${rule.method} ${rule.url}`;
    this.queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
    this.bodySchema = op.requestBody?.content?.['application/json']?.schema;
    this.takesBody = rule.method !== 'GET' && rule.method !== 'DELETE';
  }

  /** Sends one request; a 5xx, a broken stream or an unshaped refusal is recorded. */
  async send(path: string, query: [string, string][], payload?: string) {
    const qs = query.length > 0 ? `?${query.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&')}` : '';
    const url = path + qs;
    const headers: Record<string, string> = { cookie: this.cookie, [CSRF_HEADER]: CSRF_VALUE };
    if (this.takesBody) headers['content-type'] = 'application/json';
    const request = `${this.key} ${url.slice(0, 200)} ${String(payload).slice(0, 200)}`;
    try {
      const method = this.rule.method as InjectOptions['method'];
      const res = await this.app.inject({
        method,
        url,
        headers,
        payload: this.takesBody ? payload : undefined,
      });
      if (res.statusCode >= 500 || (res.statusCode >= 400 && !errorOf(res.body)?.requestId))
        this.failures.push({ request, status: res.statusCode, body: res.body.slice(0, 300) });
      return res;
    } catch (e) {
      // A streamed answer (an export) that broke off after its headers had gone out.
      this.failures.push({ request, status: 0, body: String(e) });
      return null;
    }
  }

  path(hostile: boolean): string {
    return this.rule.url.replace(/:(\w+)/g, (_, name: string) => {
      if (hostile && this.r() < 0.7) return enc(pick(this.r, HOSTILE_PARAMS));
      const schema = this.op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema ?? {};
      // A uuid matches nothing, so a write addressed to one changes nothing.
      return enc(String(schema.format === 'uuid' ? randomUUID() : plausible(schema, this.r, name)));
    });
  }

  /**
   * Plausible query and body, corrected where validation names a field: regenerated, or left
   * out when optional. Only where an accepted write may land (`mayWrite`) for a route that writes.
   */
  async calibrate(path: string, mayWrite: boolean) {
    const query = new Map<string, string>();
    for (const p of this.queryParams)
      if (p.required || (p.name !== 'sort' && this.r() < 0.6))
        query.set(p.name, String(plausible(p.schema, this.r, p.name)));
    let body = this.takesBody ? plausible(this.bodySchema ?? {}, this.r) : undefined;
    if (this.takesBody && !mayWrite) return { query, body };
    const tries = new Map<string, number>();
    for (let i = 0; i < 15; i++) {
      const res = await this.send(path, [...query], body === undefined ? undefined : JSON.stringify(body));
      const field = res?.statusCode === 400 ? errorOf(res.body)?.field : undefined;
      if (!field) break;
      const n = (tries.get(field) ?? 0) + 1;
      tries.set(field, n);
      const param = this.queryParams.find((p) => p.name === field);
      if (param) {
        if (n > 2 && !param.required) query.delete(field);
        else query.set(field, String(plausible(param.schema, this.r, field)));
        continue;
      }
      const at = field.split('.');
      const { schema, parent } = schemaAt(this.bodySchema, at);
      const name = at[at.length - 1];
      const optional = !parent?.required?.includes(name);
      body =
        !schema || (n > 2 && optional)
          ? setAt(body, at, REMOVE)
          : setAt(body, at, plausible(schema, this.r, name));
    }
    return { query, body };
  }

  async run(cases: number, mayWrite: boolean) {
    const canPlant = this.rule.method === 'GET' || (mayWrite && !SHARED_SETTINGS.has(this.key));
    const path = this.path(false);
    const { query, body } = await this.calibrate(path, canPlant);
    const targets: ({ q: string } | { b: string[] })[] = [
      ...[...query.keys()].map((q) => ({ q })),
      ...this.queryParams.filter((p) => !query.has(p.name)).map((p) => ({ q: p.name })),
      ...leafPaths(body).map((b) => ({ b })),
    ];
    const total = Math.min(Math.max(cases, targets.length + 6), 30);
    for (let i = 0; i < total; i++) {
      const q = [...query];
      let b = body;
      let p = path;
      let raw: string | undefined;
      const target = targets[i % Math.max(targets.length, 1)];
      // First round: a control character in every field in turn; then anything hostile.
      const firstRound = i < targets.length;
      if (i % 7 === 3 && this.rule.url.includes(':')) p = this.path(true);
      else if (i % 7 === 5 && this.takesBody) raw = pick(this.r, RAW_BODIES);
      else if (i % 7 === 6)
        q.push([pick(this.r, ['__proto__', 'constructor', '\u0000', 'a[b]']), pick(this.r, HOSTILE_STRINGS)]);
      else if (target && 'q' in target) {
        const v = firstRound || !canPlant ? pick(this.r, CONTROL_STRINGS) : pick(this.r, HOSTILE_STRINGS);
        const at = q.findIndex(([k]) => k === target.q);
        if (at >= 0) q[at] = [target.q, v];
        else q.push([target.q, v]);
        if (canPlant && this.r() < 0.1) q.push([target.q, pick(this.r, HOSTILE_STRINGS)]);
      } else if (target) {
        const v = firstRound || !canPlant ? pick(this.r, CONTROL_STRINGS) : pick(this.r, HOSTILE_VALUES)();
        b = setAt(b, target.b, v);
      } else if (this.takesBody) {
        b = canPlant ? pick(this.r, HOSTILE_VALUES)() : { '\u0000': pick(this.r, CONTROL_STRINGS) };
      }
      // Where no write may land, a case that left the plausible body whole (a hostile path or
      // query only) would be an accepted write: its body is made one that cannot pass.
      if (!canPlant && this.takesBody && raw === undefined && b === body)
        b = { '\u0000': pick(this.r, CONTROL_STRINGS) };
      await this.send(p, q, this.takesBody ? (raw ?? JSON.stringify(b ?? {})) : undefined);
    }
  }
}

describeEachDb('input fuzz over every route', (ctx) => {
  it('never answers 5xx to hostile input, and refuses it with the error shape', {
    timeout: 600_000,
  }, async () => {
    const spec = (await call(ctx.app, { url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const roles: { role: RoleCode; cookie: string; abilities: string[] }[] = [];
    for (const role of ROLE_CODES) {
      const { cookie } = await signedIn(ctx, role, { regionCode: '350582' });
      const me = await call(ctx.app, { url: '/api/v1/auth/me', cookie });
      roles.push({ role, cookie, abilities: me.json().abilities });
    }
    const r = random(SEED);
    const failures: Failure[] = [];
    const timings: [string, number][] = [];
    let routes = 0;
    for (const rule of ctx.app.accessRules) {
      if (SKIP.has(`${rule.method} ${rule.url}`)) continue;
      const holder =
        roles.find((x) => x.role === 'staff' && x.abilities.includes(rule.access)) ??
        roles.find((x) => x.abilities.includes(rule.access)) ??
        roles.find((x) => x.role === 'staff')!;
      const op = spec.paths[rule.url.replace(/:(\w+)/g, '{$1}')]?.[rule.method.toLowerCase()] ?? {};
      const fuzzer = new RouteFuzzer(ctx.app, rule, op, holder.cookie, r);
      const t0 = performance.now();
      // PGlite is this file's own database; PostgreSQL is shared with the other test files, so
      // there only refused writes are sent.
      await fuzzer.run(MIN_CASES, ctx.driver === 'pglite');
      timings.push([`${rule.method} ${rule.url}`, Math.round(performance.now() - t0)]);
      failures.push(...fuzzer.failures);
      routes++;
    }
    if (process.env.FUZZ_REPORT)
      writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({ failures, timings }, null, 1));
    expect(routes).toBeGreaterThan(100);
    expect(failures, `seed ${SEED}`).toEqual([]);
  });
});
