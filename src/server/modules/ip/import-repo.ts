/** The patent import's SQL: registry names to match, batched upserts, events, progress, reviews. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  ipLegalEvents as e,
  ipImports as im,
  organizations as o,
  organizationNames,
  ipPatents as p,
  ipApplicantReviews as rv,
} from '../../db/schema';

export interface RegistryOrg {
  id: string;
  name: string;
  uscc: string;
  regionCode: string;
}

/** Every organisation with its current and former names, for matching applicants in memory. */
export async function registryNames(tx: Tx) {
  const current = await tx.select({ id: o.id, name: o.name, uscc: o.uscc, regionCode: o.regionCode }).from(o);
  const former = await tx
    .select({ id: o.id, name: organizationNames.name })
    .from(organizationNames)
    .innerJoin(o, eq(o.id, organizationNames.orgId));
  return { current, former };
}

export async function orgsByIds(tx: Tx, ids: string[]): Promise<RegistryOrg[]> {
  if (ids.length === 0) return [];
  return tx
    .select({ id: o.id, name: o.name, uscc: o.uscc, regionCode: o.regionCode })
    .from(o)
    .where(inArray(o.id, ids));
}

/** Decisions staff have taken on applicant names. */
export function decidedReviews(tx: Tx) {
  return tx
    .select({ nameKey: rv.nameKey, status: rv.status, orgId: rv.orgId })
    .from(rv)
    .where(sql`${rv.status} <> 'open'`);
}

export function existingPatents(tx: Tx, appNos: string[]) {
  return tx.select({ id: p.id, appNo: p.appNo, status: p.status }).from(p).where(inArray(p.appNo, appNos));
}

export type PatentInsert = typeof p.$inferInsert;

/** Inserts new patents and updates existing ones (by application number), returning their ids. */
export function upsertPatents(tx: Tx, rows: PatentInsert[]) {
  return tx
    .insert(p)
    .values(rows)
    .onConflictDoUpdate({
      target: p.appNo,
      set: {
        kind: sql`excluded.kind`,
        title: sql`excluded.title`,
        applicants: sql`excluded.applicants`,
        applicantNames: sql`excluded.applicant_names`,
        applicantKeys: sql`excluded.applicant_keys`,
        orgIds: sql`excluded.org_ids`,
        inventors: sql`excluded.inventors`,
        address: sql`excluded.address`,
        filedOn: sql`excluded.filed_on`,
        publishedOn: sql`coalesce(excluded.published_on, ${p.publishedOn})`,
        grantedOn: sql`coalesce(excluded.granted_on, ${p.grantedOn})`,
        endedOn: sql`coalesce(excluded.ended_on, ${p.endedOn})`,
        status: sql`excluded.status`,
        ipcMain: sql`excluded.ipc_main`,
        regionCode: sql`excluded.region_code`,
        importId: sql`excluded.import_id`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ id: p.id, appNo: p.appNo });
}

export async function insertEvents(tx: Tx, rows: (typeof e.$inferInsert)[]) {
  if (rows.length > 0) await tx.insert(e).values(rows);
}

export async function insertImport(tx: Tx, fileName: string, createdBy: string) {
  const [row] = await tx.insert(im).values({ fileName, createdBy }).returning();
  return row;
}

export async function updateImport(tx: Tx, id: string, set: Partial<typeof im.$inferInsert>) {
  await tx.update(im).set(set).where(eq(im.id, id));
}

export async function importById(tx: Tx, id: string, createdBy?: string) {
  const [row] = await tx
    .select()
    .from(im)
    .where(and(eq(im.id, id), createdBy ? eq(im.createdBy, createdBy) : undefined));
  return row;
}

export function recentImports(tx: Tx, createdBy: string) {
  return tx.select().from(im).where(eq(im.createdBy, createdBy)).orderBy(sql`${im.createdAt} desc`).limit(20);
}

/** New review entries; a name already under review (or decided) is left as it is. */
export async function addReviews(tx: Tx, rows: (typeof rv.$inferInsert)[]) {
  if (rows.length > 0) await tx.insert(rv).values(rows).onConflictDoNothing({ target: rv.nameKey });
}
