/** Wire contracts of the reference data every form draws on: regions, code lists, pickers. */
import { z } from 'zod';
import { listResponse } from './common';

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  level: z.enum(['city', 'county', 'zone']),
  parentCode: z.string().nullable(),
  statsCountyCode: z.string().nullable(),
  /** false for a code kept in the table that holds no data (金门县). */
  holdsData: z.boolean(),
});
export type Region = z.infer<typeof regionSchema>;

/** One entry of a code list (configuration): a stable code and its names. */
export const codeListItemSchema = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });
export type CodeListItem = z.infer<typeof codeListItemSchema>;

export const industrySchema = codeListItemSchema.extend({
  level: z.string(),
  parentCode: z.string().nullable(),
});

export const qualificationTypeSchema = codeListItemSchema.extend({
  category: z.string(),
  levels: z.array(z.string()),
  validity: z.unknown(),
  basis: z.string(),
});

export const codeListParamsSchema = z.object({ list: z.string().regex(/^[a-z-]+$/) });

export const orgSearchQuerySchema = z.object({ q: z.string().trim().max(64).default('') });

/** An organisation in a picker: the name and code only. */
export const orgOptionSchema = z.object({ id: z.uuid(), name: z.string(), uscc: z.string() });
export type OrgOption = z.infer<typeof orgOptionSchema>;

export const parkOptionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  nameEn: z.string(),
  regionCode: z.string(),
});
export type ParkOption = z.infer<typeof parkOptionSchema>;

export const regionListSchema = listResponse(regionSchema);
export const orgOptionListSchema = listResponse(orgOptionSchema);
export const parkOptionListSchema = listResponse(parkOptionSchema);
