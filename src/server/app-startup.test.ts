import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Indicator } from '../domain/indicators';
import { buildApp } from './app';
import type { Database } from './db/client';
import { MODULES, type ServerModule } from './modules';
import { CATALOGUE } from './modules/plan/catalogue';
import { catalogueProblems } from './modules/plan/catalogue-check';
import { COMPUTED } from './modules/plan/computed-sql';
import { planModule } from './modules/plan/module';
import { openTestDatabase } from './test/harness';

/** A module of one GET route declared by `options`. */
function moduleWith(options: object): ServerModule {
  return {
    name: 'probe',
    prefix: 'probe',
    routes: () => async (app: FastifyInstance) => {
      app.get('/things', options, async () => ({ ok: true }));
    },
  };
}

const ok = { 200: z.object({ ok: z.boolean() }) };

describe('the app refuses to start on an inconsistent declaration', () => {
  let database: Database;
  const build = (modules: readonly ServerModule[]) => buildApp({ database, modules });
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('starts with every real module, whose catalogue and definitions agree', async () => {
    expect(planModule.check?.()).toEqual([]);
    const app = await build(MODULES);
    await app.close();
  });

  it('refuses a route without an access rule', async () => {
    await expect(build([moduleWith({ schema: { response: ok } })])).rejects.toThrow(
      /GET \/api\/v1\/probe\/things declares no access rule/,
    );
  });

  it('refuses a route without a success response schema, unless it answers a file', async () => {
    await expect(build([moduleWith({ config: { access: 'user' } })])).rejects.toThrow(
      /GET \/api\/v1\/probe\/things declares no success response schema/,
    );
    await expect(
      build([moduleWith({ config: { access: 'user' }, schema: { response: { 404: ok[200] } } })]),
    ).rejects.toThrow(/no success response schema/);
    const file = await build([moduleWith({ config: { access: 'user', produces: 'file' } })]);
    await file.close();
    const declared = await build([moduleWith({ config: { access: 'user' }, schema: { response: ok } })]);
    await declared.close();
  });

  it('refuses a computed indicator without a definition and a definition outside the catalogue', async () => {
    const base = CATALOGUE.find((i) => i.kind === 'computed')!;
    const orphan: Indicator = { ...base, code: 'probe_orphan' };
    const { [base.code]: _dropped, ...rest } = COMPUTED;
    const problems = catalogueProblems([...CATALOGUE, orphan], { ...rest, probe_extra: COMPUTED[base.code] });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Indicator probe_orphan is computed but has no definition/),
        expect.stringMatching(new RegExp(`Indicator ${base.code} is computed but has no definition`)),
        expect.stringMatching(/Computed definition probe_extra has no indicator in the catalogue/),
      ]),
    );
    const broken: ServerModule = {
      ...planModule,
      check: () => catalogueProblems([...CATALOGUE, orphan], COMPUTED),
    };
    await expect(build([broken])).rejects.toThrow(/cannot start[\s\S]*probe_orphan/);
  });
});
