import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  classificationsSchema,
  industriesSchema,
  qualificationTypesSchema,
  regionsSchema,
} from '../../../domain/reference';
import { DEFAULT_ROLE_PERMISSIONS, PERMISSION_CODES, ROLE_CODES } from '../../../domain/roles';
import { loadProgrammes } from '../../modules/projects/calls/programmes';
import type { Db, Tx } from '../client';
import {
  codeLists,
  departments,
  industries,
  parks,
  qualificationTypes,
  regions,
  roles,
  settings,
} from '../schema';

const CONFIG_DIR = path.resolve(import.meta.dirname, '../../../../config');

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const full = path.join(CONFIG_DIR, file);
  return schema.parse(JSON.parse(fs.readFileSync(full, 'utf8')));
}

const parksSchema = z.array(
  z.object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    regionCode: z.string(),
    parentCode: z.string().nullable(),
    sort: z.number().int(),
  }),
);
const departmentsSchema = z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() }));

/**
 * Loads the configuration of a city (regions, parks, departments) and the national reference lists
 * into the database. Idempotent: reference rows are upserted on every start, so a corrected
 * configuration file takes effect on restart; role permissions and departments are only added
 * when missing, since administrators edit them.
 */
export async function loadReferenceData(db: Db, city: string) {
  const regionRows = readJson(`${city}/regions.json`, regionsSchema);
  const industryRows = readJson('reference/industries-gbt4754-2017.json', industriesSchema);
  const lists = {
    'hitech-fields': readJson('reference/hitech-fields-2016.json', classificationsSchema),
    'sei-areas': readJson('reference/sei-areas-2018.json', classificationsSchema),
  };
  const qualRows = readJson('reference/qualification-types.json', qualificationTypesSchema);
  const parkRows = readJson(`${city}/parks.json`, parksSchema);
  const departmentRows = readJson(`${city}/departments.json`, departmentsSchema);

  await db.transaction(async (tx) => {
    const upsert = (cols: string[]) =>
      Object.fromEntries(cols.map((c) => [c, sql.raw(`excluded.${toSnake(c)}`)]));
    await tx
      .insert(regions)
      .values(regionRows)
      .onConflictDoUpdate({
        target: regions.code,
        set: upsert(['name', 'nameEn', 'level', 'parentCode', 'statsCountyCode', 'sort', 'holdsData']),
      });
    await tx
      .insert(industries)
      .values(industryRows)
      .onConflictDoUpdate({
        target: industries.code,
        set: upsert(['name', 'nameEn', 'level', 'parentCode']),
      });
    const codeRows = Object.entries(lists).flatMap(([list, rows]) =>
      rows.map((r, i) => ({
        id: `${list}:${r.code}`,
        list,
        code: r.code,
        name: r.name,
        nameEn: r.nameEn,
        sort: i,
      })),
    );
    await tx
      .insert(codeLists)
      .values(codeRows)
      .onConflictDoUpdate({ target: codeLists.id, set: upsert(['name', 'nameEn', 'sort']) });
    await tx
      .insert(qualificationTypes)
      .values(qualRows)
      .onConflictDoUpdate({
        target: qualificationTypes.code,
        set: upsert(['name', 'nameEn', 'category', 'levels', 'validity', 'basis']),
      });
    for (const p of parkRows) {
      const parent = p.parentCode ? parkRows.find((x) => x.code === p.parentCode) : undefined;
      const [parentRow] = parent
        ? await tx.select({ id: parks.id }).from(parks).where(sql`${parks.code} = ${parent.code}`)
        : [];
      await tx
        .insert(parks)
        .values({ ...p, parentId: parentRow?.id ?? null })
        .onConflictDoUpdate({
          target: parks.code,
          set: { name: p.name, nameEn: p.nameEn, regionCode: p.regionCode, sort: p.sort },
        });
    }
    await grantNewPermissions(tx);
    await loadProgrammes(tx, city);
    await tx.insert(departments).values(departmentRows).onConflictDoNothing();
  });
}

/**
 * Roles keep the permissions secadmin gave them. A permission that is new to the catalogue (a
 * module has landed since the last start) is granted to the roles that hold it by default.
 */
async function grantNewPermissions(tx: Tx) {
  const [known] = await tx.select().from(settings).where(eq(settings.key, 'permission-catalogue'));
  const knownCodes = new Set(z.array(z.string()).catch([]).parse(known?.value));
  const fresh = new Set(PERMISSION_CODES.filter((p) => !knownCodes.has(p)));
  const existing = new Map((await tx.select().from(roles)).map((r) => [r.code, r.permissions]));
  for (const code of ROLE_CODES) {
    const defaults = DEFAULT_ROLE_PERMISSIONS[code];
    const current = existing.get(code);
    if (!current) {
      await tx.insert(roles).values({ code, permissions: defaults });
      continue;
    }
    const added = defaults.filter((p) => fresh.has(p) && !current.includes(p));
    if (added.length > 0) {
      await tx
        .update(roles)
        .set({ permissions: [...current, ...added] })
        .where(eq(roles.code, code));
    }
  }
  await tx
    .insert(settings)
    .values({ key: 'permission-catalogue', value: PERMISSION_CODES })
    .onConflictDoUpdate({ target: settings.key, set: { value: PERMISSION_CODES, updatedAt: new Date() } });
}

function toSnake(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
