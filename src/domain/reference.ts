import { z } from 'zod';

/**
 * Reference configuration: regions, classifications and qualification types. These are data
 * (JSON under config/), not code — another city is a new configuration, and a revised standard
 * is a new file.
 */

const nameFields = {
  name: z.string().min(1),
  nameEn: z.string().min(1),
};

/**
 * A region of the city's tree. Counties carry their GB/T 2260 code; functional zones have none,
 * so they get stable codes of our own (`<city code>Z<n>`).
 */
export const regionSchema = z
  .object({
    code: z.string().regex(/^\d{6}(Z\d+)?$/),
    ...nameFields,
    level: z.enum(['city', 'county', 'zone']),
    /** Zones sit under the county whose statistics they roll into, so county users see them. */
    parentCode: z.string().nullable(),
    /**
     * The county whose yearbook figures include this region: a county's own code, for a zone the
     * county the yearbook counts it in (泉州经济技术开发区 → 鲤城区), null for the city.
     */
    statsCountyCode: z.string().nullable(),
    sort: z.number().int(),
    /** False for a code that exists in GB/T 2260 but holds no data (金门县). */
    holdsData: z.boolean(),
  })
  .strict();
export type Region = z.infer<typeof regionSchema>;
export const regionsSchema = z.array(regionSchema);

export const citySchema = z
  .object({
    code: z.string().regex(/^\d{6}$/),
    ...nameFields,
    provinceCode: z.string().regex(/^\d{2}$/),
    provinceName: z.string().min(1),
  })
  .strict();
export type City = z.infer<typeof citySchema>;

/** GB/T 4754-2017: 门类 are letters A–T, 大类 two digits pointing at their 门类. */
export const industrySchema = z
  .object({
    code: z.string().regex(/^([A-T]|\d{2})$/),
    ...nameFields,
    level: z.enum(['section', 'division']),
    parentCode: z.string().nullable(),
  })
  .strict();
export type Industry = z.infer<typeof industrySchema>;
export const industriesSchema = z.array(industrySchema);

/** A flat classification entry: 高新技术领域 (2016) or 战略性新兴产业 area (2018). */
export const classificationSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9-]*$/),
    ...nameFields,
  })
  .strict();
export type Classification = z.infer<typeof classificationSchema>;
export const classificationsSchema = z.array(classificationSchema);

export const qualificationLevelSchema = z.enum(['national', 'provincial', 'municipal']);
export type QualificationLevel = z.infer<typeof qualificationLevelSchema>;

/** How long a qualification lasts once granted. */
export const qualificationValiditySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('years'), years: z.number().int().positive() }).strict(),
  /** Valid for the calendar year of registration (科技型中小企业 入库编号). */
  z.object({ kind: z.literal('calendar-year') }).strict(),
  /** No fixed term known: the record is kept until revoked or replaced. */
  z.object({ kind: z.literal('none') }).strict(),
]);
export type QualificationValidity = z.infer<typeof qualificationValiditySchema>;

export const qualificationTypeSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/),
    ...nameFields,
    category: z.enum(['enterprise', 'ip', 'programme']),
    levels: z.array(qualificationLevelSchema).min(1),
    validity: qualificationValiditySchema,
    /** The rule the type and its validity come from, so an administrator can check it. */
    basis: z.string().min(1),
  })
  .strict();
export type QualificationType = z.infer<typeof qualificationTypeSchema>;
export const qualificationTypesSchema = z.array(qualificationTypeSchema);
