import { inArray, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { isAdminRole, ROLE_CODES, type RoleCode } from '../../domain/roles';
import { auditLog, users } from '../db/schema';
import { call, createOrg, createUser, describeEachDb, login, signedIn, uniq } from '../test/harness';
import { CSRF_HEADER } from './access';
import { verifyAuditChain } from './audit';
import { AuditTrail } from './audit-trail';

/** Path parameters that match nothing, as in the access matrix. */
const SAMPLE_PARAMS: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  code: 'park',
  list: 'no-such-list',
};
const fill = (url: string) => url.replace(/:(\w+)/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'x');

interface Expected {
  requestId: string;
  status: number;
  action: string;
  route: string;
  actorId?: string;
}

describeEachDb('audit trail', (ctx) => {
  async function entriesFor(requestIds: string[]) {
    await ctx.app.auditTrail.flush();
    const rows = await ctx.database.db.select().from(auditLog).where(inArray(auditLog.requestId, requestIds));
    return new Map(rows.map((r) => [r.requestId, r]));
  }

  it("records every route's refusal: 401 without a session, 403 for a role lacking the permission", async () => {
    const roles = new Map<RoleCode, { cookie: string; abilities: string[]; id: string }>();
    for (const role of ROLE_CODES) {
      const { cookie, user } = await signedIn(ctx, role, { regionCode: '350582' });
      const me = await call(ctx.app, { url: '/api/v1/auth/me', cookie });
      roles.set(role, { cookie, abilities: me.json().abilities, id: user.id });
    }
    // 'user' routes refuse a signed-in account whose initial password is still to be changed.
    const pending = await createUser(ctx.database, 'staff', { mustChangePassword: true });
    const pendingCookie = await login(ctx.app, pending.username);

    const expected: Expected[] = [];
    let forbiddenChecked = 0;
    for (const [i, rule] of ctx.app.accessRules.entries()) {
      if (rule.access === 'public') continue;
      // Let the batched writes keep up: past 500 waiting, refusals are only counted (by design).
      if (i % 100 === 99) await ctx.app.auditTrail.flush();
      const route = `${rule.method} ${rule.url}`;
      const anonymous = await call(ctx.app, { method: rule.method as 'GET', url: fill(rule.url) });
      expect(anonymous.statusCode, route).toBe(401);
      expected.push({
        requestId: anonymous.json().error.requestId,
        status: 401,
        action: 'access.unauthenticated',
        route,
      });
      if (rule.access === 'signed-in') continue;
      const lacking =
        rule.access === 'user'
          ? { cookie: pendingCookie, id: pending.id }
          : [...roles.values()].find((r) => !r.abilities.includes(rule.access));
      if (!lacking) continue;
      const body = rule.method === 'GET' || rule.method === 'DELETE' ? undefined : { __invalid: true };
      const refused = await call(ctx.app, {
        method: rule.method as 'GET',
        url: fill(rule.url),
        cookie: lacking.cookie,
        body,
      });
      expect(refused.statusCode, route).toBe(403);
      forbiddenChecked++;
      expected.push({
        requestId: refused.json().error.requestId,
        status: 403,
        action: 'access.forbidden',
        route,
        actorId: lacking.id,
      });
    }
    expect(expected.length).toBeGreaterThan(40);
    expect(forbiddenChecked).toBeGreaterThan(20);

    const entries = await entriesFor(expected.map((e) => e.requestId));
    for (const e of expected) {
      const entry = entries.get(e.requestId);
      expect(entry, `${e.status} ${e.route}`).toBeDefined();
      expect(entry, `${e.status} ${e.route}`).toMatchObject({
        outcome: 'denied',
        action: e.action,
        targetType: 'route',
        targetId: e.route,
        ip: '127.0.0.1',
        actorId: e.actorId ?? null,
        after: { status: e.status },
      });
    }
  });

  it('records every export and report download, and each view of a full organisation record', async () => {
    const roles: { role: RoleCode; cookie: string; abilities: string[]; id: string }[] = [];
    for (const role of ROLE_CODES) {
      const { cookie, user } = await signedIn(ctx, role, { regionCode: '350582' });
      const me = await call(ctx.app, { url: '/api/v1/auth/me', cookie });
      roles.push({ role, cookie, abilities: me.json().abilities, id: user.id });
    }
    const downloads = ctx.app.accessRules.filter(
      (r) => r.method === 'GET' && /(\/export\.xlsx|\.docx)$/.test(r.url) && !r.url.includes(':'),
    );
    expect(downloads.length).toBeGreaterThan(15);
    for (const rule of downloads) {
      // 'business' routes are those of every role but the three administrators (三员分立).
      const who = roles.find(
        (r) =>
          r.abilities.includes(rule.access) ||
          rule.access === 'user' ||
          (rule.access === 'business' && !isAdminRole(r.role)),
      )!;
      // Year-bound reports need a year (the demo data's is 2016), rankings a scheme as well.
      let res = await call(ctx.app, { url: rule.url, cookie: who.cookie });
      for (const query of ['?year=2016', '?scheme=county&year=2016'])
        if (res.statusCode === 400)
          res = await call(ctx.app, { url: `${rule.url}${query}`, cookie: who.cookie });
      expect(res.statusCode, `${who.role} ${rule.url}: ${res.body.slice(0, 200)}`).toBe(200);
      const [entry] = await ctx.database.db
        .select()
        .from(auditLog)
        .where(sql`${auditLog.actorId} = ${who.id} and ${auditLog.after}->>'path' = ${rule.url}`);
      expect(entry, rule.url).toMatchObject({ outcome: 'success', actorRole: who.role, ip: '127.0.0.1' });
      expect(entry.action, rule.url).toMatch(/\.(export|download)$/);
    }

    const org = await createOrg(ctx.database, '350582');
    const staff = roles.find((r) => r.role === 'staff')!;
    const view = await call(ctx.app, { url: `/api/v1/registry/orgs/${org.id}`, cookie: staff.cookie });
    expect(view.statusCode).toBe(200);
    const [viewed] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.action} = 'organization.view' and ${auditLog.targetId} = ${org.id}`);
    expect(viewed).toMatchObject({
      actorId: staff.id,
      targetType: 'organization',
      after: { name: org.name },
    });
  });

  it('records cross-site refusals, out-of-scope records and separation-of-duties refusals', async () => {
    const staff = await signedIn(ctx, 'staff');
    const csrf = await call(ctx.app, {
      method: 'POST',
      url: '/api/v1/registry/orgs',
      cookie: staff.cookie,
      headers: { [CSRF_HEADER]: 'forged' },
      body: {},
    });
    expect(csrf.statusCode).toBe(403);

    const org = await createOrg(ctx.database, '350582');
    const nanan = await signedIn(ctx, 'county', { regionCode: '350583' });
    const outOfScope = await call(ctx.app, { url: `/api/v1/registry/orgs/${org.id}`, cookie: nanan.cookie });
    expect(outOfScope.statusCode).toBe(404);
    const noSuchEndpoint = await call(ctx.app, {
      url: '/api/v1/registry/no-such-thing',
      cookie: nanan.cookie,
    });
    expect(noSuchEndpoint.statusCode).toBe(404);

    // Refused inside the service's transaction, which rolls back: the record is written apart.
    const sec = await signedIn(ctx, 'secadmin');
    const target = await createUser(ctx.database, 'staff');
    const duty = await call(ctx.app, {
      method: 'PUT',
      url: `/api/v1/admin/role-grants/${target.id}`,
      cookie: sec.cookie,
      body: { role: 'auditadmin' },
    });
    expect(duty.statusCode).toBe(403);
    const [still] = await ctx.database.db
      .select({ role: users.role })
      .from(users)
      .where(sql`${users.id} = ${target.id}`);
    expect(still.role).toBe('staff');

    const ids = [csrf, outOfScope, noSuchEndpoint, duty].map((r) => r.json().error.requestId as string);
    const entries = await entriesFor(ids);
    expect(entries.get(ids[0])).toMatchObject({
      action: 'access.csrf-refused',
      outcome: 'denied',
      targetId: 'POST /api/v1/registry/orgs',
      after: { status: 403, code: 'cross_site_refused' },
    });
    expect(entries.get(ids[1])).toMatchObject({
      action: 'access.not-found',
      outcome: 'denied',
      actorId: nanan.user.id,
      actorRole: 'county',
      targetId: 'GET /api/v1/registry/orgs/:id',
      after: { status: 404, path: `/api/v1/registry/orgs/${org.id}` },
    });
    expect(entries.has(ids[2])).toBe(false);
    expect(entries.get(ids[3])).toMatchObject({
      action: 'access.separation-of-duties',
      outcome: 'denied',
      actorId: sec.user.id,
      after: { status: 403, code: 'separation_of_duties' },
    });
  });

  it('coalesces a flood: past the per-caller share, refusals are counted into one entry', async () => {
    const trail = new AuditTrail(ctx.database.db, ctx.app.log, {
      windowMs: 3_600_000,
      perKey: 3,
      total: 100,
      maxPending: 100,
    });
    const ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    const route = `GET /api/v1/${uniq('flood')}`;
    const requestIds = Array.from({ length: 10 }, () => uniq('req-'));
    for (const requestId of requestIds)
      trail.denied(`${ip}|-|access.unauthenticated|${route}`, {
        ctx: { ip, requestId },
        event: {
          action: 'access.unauthenticated',
          outcome: 'denied',
          targetType: 'route',
          targetId: route,
          after: { status: 401 },
        },
      });
    await trail.close();
    const rows = await ctx.database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.targetId} = ${route}`)
      .orderBy(auditLog.id);
    expect(rows.map((r) => r.action)).toEqual([
      'access.unauthenticated',
      'access.unauthenticated',
      'access.unauthenticated',
      'access.denied-coalesced',
    ]);
    expect(rows[3]).toMatchObject({
      outcome: 'denied',
      ip,
      requestId: requestIds[9],
      after: {
        status: 401,
        deniedAction: 'access.unauthenticated',
        coalesced: 7,
        firstRequestId: requestIds[3],
        lastRequestId: requestIds[9],
      },
    });
  });

  it('keeps the chain valid while refusals and business writes arrive at once', async () => {
    const staff = await signedIn(ctx, 'staff');
    await Promise.all([
      ...Array.from({ length: 20 }, () => call(ctx.app, { url: '/api/v1/admin/users' })),
      ...Array.from({ length: 10 }, () =>
        call(ctx.app, { url: '/api/v1/admin/users', cookie: staff.cookie }),
      ),
      ...Array.from({ length: 5 }, () =>
        call(ctx.app, { url: '/api/v1/registry/orgs/export.xlsx', cookie: staff.cookie }),
      ),
    ]);
    await ctx.app.auditTrail.flush();
    expect(await verifyAuditChain(ctx.database.db)).toMatchObject({ ok: true });
  });
});
