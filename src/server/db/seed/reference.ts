import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  classificationsSchema,
  industriesSchema,
  qualificationTypesSchema,
  regionsSchema,
} from '../../../domain/reference';
import { DEFAULT_ROLE_PERMISSIONS, PERMISSION_CODES, ROLE_CODES } from '../../../domain/roles';
import { loadProgrammes } from '../../modules/projects/calls/programmes';
import { findSetting, saveSetting } from '../../platform/settings-repo';
import type { Db, Tx } from '../client';
import {
  findParkByCode,
  insertMissingDepartments,
  insertRole,
  listRoles,
  setRolePermissions,
  upsertCodeLists,
  upsertIndustries,
  upsertPark,
  upsertQualificationTypes,
  upsertRegions,
} from './reference-repo';

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
    await upsertRegions(tx, regionRows);
    await upsertIndustries(tx, industryRows);
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
    await upsertCodeLists(tx, codeRows);
    await upsertQualificationTypes(tx, qualRows);
    for (const p of parkRows) {
      const parent = p.parentCode ? parkRows.find((x) => x.code === p.parentCode) : undefined;
      const parentRow = parent ? await findParkByCode(tx, parent.code) : undefined;
      await upsertPark(tx, { ...p, parentId: parentRow?.id ?? null });
    }
    await grantNewPermissions(tx);
    await loadProgrammes(tx, city);
    await insertMissingDepartments(tx, departmentRows);
  });
}

/**
 * Roles keep the permissions secadmin gave them. A permission that is new to the catalogue (a
 * module has landed since the last start) is granted to the roles that hold it by default.
 */
async function grantNewPermissions(tx: Tx) {
  const known = await findSetting(tx, 'permission-catalogue');
  const knownCodes = new Set(z.array(z.string()).catch([]).parse(known?.value));
  const fresh = new Set(PERMISSION_CODES.filter((p) => !knownCodes.has(p)));
  const existing = new Map((await listRoles(tx)).map((r) => [r.code, r.permissions]));
  for (const code of ROLE_CODES) {
    const defaults = DEFAULT_ROLE_PERMISSIONS[code];
    const current = existing.get(code);
    if (!current) {
      await insertRole(tx, code, defaults);
      continue;
    }
    const added = defaults.filter((p) => fresh.has(p) && !current.includes(p));
    if (added.length > 0) {
      await setRolePermissions(tx, code, [...current, ...added]);
    }
  }
  await saveSetting(tx, 'permission-catalogue', PERMISSION_CODES);
}
