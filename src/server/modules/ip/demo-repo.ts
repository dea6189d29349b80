/** The demo patents' SQL: the registry organisations to name as applicants, and batched inserts. */
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client';
import { ipLegalEvents as e, organizations as o, ipPatents as p } from '../../db/schema';
import type { PatentInsert } from './import-repo';

export async function anyPatent(tx: Tx) {
  const [row] = await tx.select({ id: p.id }).from(p).limit(1);
  return !!row;
}

/** Enterprises and institutes of each county, in a stable order. */
export function demoApplicantOrgs(tx: Tx) {
  return tx
    .select({ id: o.id, name: o.name, regionCode: o.regionCode })
    .from(o)
    .where(sql`${o.kind} in ('enterprise', 'university', 'institute')`)
    .orderBy(o.uscc);
}

/** The search indexes, dropped while the demo rows go in and built once afterwards (much faster). */
const GIN = [
  ['ip_patents_org_ids_idx', sql`using gin (org_ids)`],
  ['ip_patents_applicant_keys_idx', sql`using gin (applicant_keys)`],
  ['ip_patents_title_trgm_idx', sql`using gin (title gin_trgm_ops)`],
  ['ip_patents_applicant_names_trgm_idx', sql`using gin (applicant_names gin_trgm_ops)`],
] as const;

export async function dropSearchIndexes(tx: Tx) {
  for (const [name] of GIN) await tx.execute(sql`drop index if exists ${sql.identifier(name)}`);
}

export async function buildSearchIndexes(tx: Tx) {
  for (const [name, how] of GIN)
    await tx.execute(sql`create index if not exists ${sql.identifier(name)} on ${p} ${how}`);
}

/**
 * Inserts patents from one JSON parameter (one statement, one parameter, whatever the batch size);
 * answers their ids by application number.
 */
export function insertPatentBatch(tx: Tx, rows: PatentInsert[]) {
  const json = JSON.stringify(rows);
  return queryRows<{ id: string; appNo: string }>(
    tx,
    sql`insert into ${p} (app_no, kind, title, applicants, applicant_names, applicant_keys, org_ids, inventors,
      address, filed_on, published_on, granted_on, ended_on, status, ipc_main, region_code)
    select x."appNo", x.kind, x.title, x.applicants, x."applicantNames",
      array(select jsonb_array_elements_text(x."applicantKeys")),
      array(select jsonb_array_elements_text(x."orgIds"))::uuid[],
      x.inventors, x.address, x."filedOn", x."publishedOn", x."grantedOn", x."endedOn", x.status,
      x."ipcMain", x."regionCode"
    from jsonb_to_recordset(${json}::jsonb) as x("appNo" text, kind text, title text, applicants jsonb,
      "applicantNames" text, "applicantKeys" jsonb, "orgIds" jsonb, inventors text, address text,
      "filedOn" date, "publishedOn" date, "grantedOn" date, "endedOn" date, status text, "ipcMain" text,
      "regionCode" text)
    returning id, app_no as "appNo"`,
  );
}

export async function insertEventBatch(tx: Tx, rows: (typeof e.$inferInsert)[]) {
  if (rows.length === 0) return;
  await tx.execute(sql`insert into ${e} (patent_id, on_date, status, label)
    select x."patentId", x."onDate", x.status, x.label
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("patentId" uuid, "onDate" date, status text, label text)`);
}
