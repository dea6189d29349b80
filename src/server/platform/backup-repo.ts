/**
 * The SQL of backups and restores, on whichever client holds the copy: row counts of every table,
 * the audit chain's end, the exported snapshot a dump is taken on, scratch databases.
 */
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

export type TableCounts = Record<string, number>;

/** Runs one SQL text and returns its rows; the three client kinds used here all fit it. */
export type Query = (text: string) => Promise<Record<string, unknown>[]>;

export const pgliteQuery =
  (client: Pick<PGlite, 'query'>): Query =>
  async (text) =>
    (await client.query<Record<string, unknown>>(text)).rows;
export const pgQuery =
  (client: pg.Client | pg.Pool): Query =>
  async (text) =>
    (await client.query(text)).rows;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Rows in every table of the application's schema. */
export async function countRows(query: Query): Promise<TableCounts> {
  const tables = await query(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const counts: TableCounts = {};
  for (const { name } of tables)
    counts[String(name)] = Number(
      (await query(`select count(*)::int as n from public.${quoteIdent(String(name))}`))[0].n,
    );
  return counts;
}

export async function auditHead(query: Query): Promise<string | null> {
  const rows = await query('select hash from audit_log order by id desc limit 1');
  return rows.length ? String(rows[0].hash) : null;
}

/** Opens a read-only repeatable-read transaction and exports its snapshot, for pg_dump to share. */
export async function beginExportedSnapshot(client: pg.Client): Promise<string> {
  await client.query('begin isolation level repeatable read read only');
  const [{ snapshot }] = (await client.query('select pg_export_snapshot() as snapshot')).rows;
  return snapshot;
}

export async function commit(client: pg.Client): Promise<void> {
  await client.query('commit');
}

export async function createDatabase(admin: pg.Client, name: string): Promise<void> {
  await admin.query(`create database ${quoteIdent(name)}`);
}

export async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`);
}

/** Whether a database holds any table of the application or of its migrations. */
export async function hasTables(client: pg.Client): Promise<boolean> {
  const [{ n }] = (
    await client.query(
      "select count(*)::int as n from information_schema.tables where table_schema in ('public', 'drizzle')",
    )
  ).rows;
  return n > 0;
}
