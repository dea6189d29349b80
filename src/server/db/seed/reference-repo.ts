/** The reference seed's SQL: upserts of the configured lists, and the roles' permissions. */
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { codeLists, departments, industries, parks, qualificationTypes, regions, roles } from '../schema';

function toSnake(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** SET of an upsert: these columns take the incoming row's values. */
const upsert = (cols: string[]) =>
  Object.fromEntries(cols.map((c) => [c, sql.raw(`excluded.${toSnake(c)}`)]));

export async function upsertRegions(tx: Tx, rows: (typeof regions.$inferInsert)[]) {
  await tx
    .insert(regions)
    .values(rows)
    .onConflictDoUpdate({
      target: regions.code,
      set: upsert(['name', 'nameEn', 'level', 'parentCode', 'statsCountyCode', 'sort', 'holdsData']),
    });
}

export async function upsertIndustries(tx: Tx, rows: (typeof industries.$inferInsert)[]) {
  await tx
    .insert(industries)
    .values(rows)
    .onConflictDoUpdate({
      target: industries.code,
      set: upsert(['name', 'nameEn', 'level', 'parentCode']),
    });
}

export async function upsertCodeLists(tx: Tx, rows: (typeof codeLists.$inferInsert)[]) {
  await tx
    .insert(codeLists)
    .values(rows)
    .onConflictDoUpdate({ target: codeLists.id, set: upsert(['name', 'nameEn', 'sort']) });
}

export async function upsertQualificationTypes(tx: Tx, rows: (typeof qualificationTypes.$inferInsert)[]) {
  await tx
    .insert(qualificationTypes)
    .values(rows)
    .onConflictDoUpdate({
      target: qualificationTypes.code,
      set: upsert(['name', 'nameEn', 'category', 'levels', 'validity', 'basis']),
    });
}

export async function findParkByCode(tx: Tx, code: string) {
  const [row] = await tx.select({ id: parks.id }).from(parks).where(sql`${parks.code} = ${code}`);
  return row;
}

/** A park by its code: new, or renamed, re-sorted or moved to another region. */
export async function upsertPark(tx: Tx, p: typeof parks.$inferInsert) {
  await tx
    .insert(parks)
    .values(p)
    .onConflictDoUpdate({
      target: parks.code,
      set: { name: p.name, nameEn: p.nameEn, regionCode: p.regionCode, sort: p.sort },
    });
}

/** Departments not there yet (administrators edit the others). */
export async function insertMissingDepartments(tx: Tx, rows: (typeof departments.$inferInsert)[]) {
  await tx.insert(departments).values(rows).onConflictDoNothing();
}

export function listRoles(tx: Tx) {
  return tx.select().from(roles);
}

export async function insertRole(tx: Tx, code: string, permissions: string[]) {
  await tx.insert(roles).values({ code, permissions });
}

export async function setRolePermissions(tx: Tx, code: string, permissions: string[]) {
  await tx.update(roles).set({ permissions }).where(eq(roles.code, code));
}
