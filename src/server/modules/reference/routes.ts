import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listResponse } from '../../../domain/contracts/common';
import {
  codeListItemSchema,
  codeListParamsSchema,
  industrySchema,
  orgOptionListSchema,
  orgSearchQuerySchema,
  parkOptionListSchema,
  qualificationTypeSchema,
  regionListSchema,
} from '../../../domain/contracts/reference';
import type { Deps } from '../../platform/deps';
import {
  listCodeList,
  listIndustries,
  listParkOptions,
  listQualificationTypes,
  searchOrgOptions,
} from './reference-repo';

/** Configuration everyone signed in reads to fill selects: regions, industries, code lists. */
export function referenceRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'user' as const };
    // Lists that only business forms use; the administrator roles bind accounts with regions
    // and parks alone, so they are refused these (三员分立).
    const business = { access: 'business' as const };
    const tags = ['reference'];
    const all = <T>(items: T[]) => ({ items, total: items.length });

    r.get('/regions', { config, schema: { tags, response: { 200: regionListSchema } } }, async () =>
      all(deps.regions.rows),
    );

    r.get(
      '/industries',
      { config: business, schema: { tags, response: { 200: listResponse(industrySchema) } } },
      async () => all(await listIndustries(deps.db)),
    );

    r.get(
      '/code-lists/:list',
      {
        config: business,
        schema: { tags, params: codeListParamsSchema, response: { 200: listResponse(codeListItemSchema) } },
      },
      async (req) => all(await listCodeList(deps.db, req.params.list)),
    );

    r.get(
      '/qualification-types',
      { config: business, schema: { tags, response: { 200: listResponse(qualificationTypeSchema) } } },
      async () => all(await listQualificationTypes(deps.db)),
    );

    // Pickers for binding an account to its organisation or park: the name and code only.
    r.get(
      '/orgs',
      {
        config: { access: 'admin.users' },
        schema: { tags, querystring: orgSearchQuerySchema, response: { 200: orgOptionListSchema } },
      },
      async (req) => all(await searchOrgOptions(deps.db, req.query.q)),
    );

    r.get('/parks', { config, schema: { tags, response: { 200: parkOptionListSchema } } }, async () =>
      all(await listParkOptions(deps.db)),
    );
  };
}
