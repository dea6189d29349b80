import { asc, eq, ilike, or } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listResponse } from '../../../domain/contracts/common';
import { codeLists, industries, organizations, parks, qualificationTypes } from '../../db/schema';
import type { Deps } from '../../platform/deps';
import { likePattern } from '../../platform/listing';

const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  level: z.enum(['city', 'county', 'zone']),
  parentCode: z.string().nullable(),
  statsCountyCode: z.string().nullable(),
  holdsData: z.boolean(),
});
const codeSchema = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });
const industrySchema = codeSchema.extend({ level: z.string(), parentCode: z.string().nullable() });
const qualificationTypeSchema = codeSchema.extend({
  category: z.string(),
  levels: z.array(z.string()),
  validity: z.unknown(),
  basis: z.string(),
});

/** Configuration everyone signed in reads to fill selects: regions, industries, code lists. */
export function referenceRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'user' as const };
    // Lists that only business forms use; the administrator roles bind accounts with regions
    // and parks alone, so they are refused these (三员分立).
    const business = { access: 'business' as const };
    const tags = ['reference'];

    r.get(
      '/regions',
      { config, schema: { tags, response: { 200: listResponse(regionSchema) } } },
      async () => ({
        items: deps.regions.rows,
        total: deps.regions.rows.length,
      }),
    );

    r.get(
      '/industries',
      { config: business, schema: { tags, response: { 200: listResponse(industrySchema) } } },
      async () => {
        const items = await deps.db.select().from(industries).orderBy(asc(industries.code));
        return { items, total: items.length };
      },
    );

    r.get(
      '/code-lists/:list',
      {
        config: business,
        schema: {
          tags,
          params: z.object({ list: z.string().regex(/^[a-z-]+$/) }),
          response: { 200: listResponse(codeSchema) },
        },
      },
      async (req) => {
        const items = await deps.db
          .select()
          .from(codeLists)
          .where(eq(codeLists.list, req.params.list))
          .orderBy(asc(codeLists.sort));
        return { items, total: items.length };
      },
    );

    r.get(
      '/qualification-types',
      { config: business, schema: { tags, response: { 200: listResponse(qualificationTypeSchema) } } },
      async () => {
        const items = await deps.db.select().from(qualificationTypes);
        return { items, total: items.length };
      },
    );

    // Pickers for binding an account to its organisation or park: the name and code only.
    r.get(
      '/orgs',
      {
        config: { access: 'admin.users' },
        schema: {
          tags,
          querystring: z.object({ q: z.string().trim().max(64).default('') }),
          response: { 200: listResponse(z.object({ id: z.uuid(), name: z.string(), uscc: z.string() })) },
        },
      },
      async (req) => {
        const items = await deps.db
          .select({ id: organizations.id, name: organizations.name, uscc: organizations.uscc })
          .from(organizations)
          .where(
            req.query.q
              ? or(
                  ilike(organizations.name, likePattern(req.query.q)),
                  eq(organizations.uscc, req.query.q.toUpperCase()),
                )
              : undefined,
          )
          .orderBy(asc(organizations.name))
          .limit(20);
        return { items, total: items.length };
      },
    );

    r.get(
      '/parks',
      {
        config,
        schema: {
          tags,
          response: {
            200: listResponse(
              z.object({ id: z.uuid(), name: z.string(), nameEn: z.string(), regionCode: z.string() }),
            ),
          },
        },
      },
      async () => {
        const items = await deps.db
          .select({ id: parks.id, name: parks.name, nameEn: parks.nameEn, regionCode: parks.regionCode })
          .from(parks)
          .orderBy(asc(parks.sort));
        return { items, total: items.length };
      },
    );
  };
}
