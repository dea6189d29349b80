/** The demo patents' SQL: the registry organisations to name as applicants, and batched inserts. */
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client';
import { ipLegalEvents as e, organizations as o, ipPatents as p } from '../../db/schema';

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
 * a demo patent has one applicant, so its applicant list, keys and organisations are built here
 * from flat fields rather than parsed per row. Answers the ids by application number.
 */
export function insertPatentBatch(tx: Tx, rows: DemoPatent[]) {
  const json = JSON.stringify(rows);
  return queryRows<{ id: string; appNo: string }>(
    tx,
    sql`insert into ${p} (app_no, kind, title, applicants, applicant_names, applicant_keys, org_ids, inventors,
      address, filed_on, published_on, granted_on, ended_on, status, ipc_main, region_code)
    select x."appNo", x.kind, x.title, jsonb_build_array(jsonb_build_object('name', x.applicant, 'orgId', x."orgId")),
      x.applicant, array[x.applicant],
      case when x."orgId" is null then '{}'::uuid[] else array[x."orgId"] end,
      x.inventors, x.address, x."filedOn", x."publishedOn", x."grantedOn", x."endedOn", x.status,
      x."ipcMain", x."regionCode"
    from jsonb_to_recordset(${json}::jsonb) as x("appNo" text, kind text, title text, applicant text,
      "orgId" uuid, inventors text, address text, "filedOn" date, "publishedOn" date, "grantedOn" date,
      "endedOn" date, status text, "ipcMain" text, "regionCode" text)
    returning id, app_no as "appNo"`,
  );
}

/** A demo patent as generated: one applicant, a registry organisation or none. */
export interface DemoPatent {
  appNo: string;
  kind: string;
  title: string;
  applicant: string;
  orgId: string | null;
  inventors: string;
  address: string;
  filedOn: string;
  publishedOn: string | null;
  grantedOn: string | null;
  endedOn: string | null;
  status: string;
  ipcMain: string;
  regionCode: string;
}

export async function insertEventBatch(tx: Tx, rows: (typeof e.$inferInsert)[]) {
  if (rows.length === 0) return;
  await tx.execute(sql`insert into ${e} (patent_id, on_date, status, label)
    select x."patentId", x."onDate", x.status, x.label
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("patentId" uuid, "onDate" date, status text, label text)`);
}
