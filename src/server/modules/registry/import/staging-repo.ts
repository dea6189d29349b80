/**
 * The sheet's rows kept between validation and commit: validation stores every row it reads (cell
 * values by column key, errors included), and the commit reads them back in order and checks them
 * again against the registry as it is then, without parsing the workbook a second time.
 */
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../../db/client';
import { importRows } from '../../../db/schema';
import type { Cell, SheetRow } from './parse';

/** Rows read back per query: a page of the commit's work, whatever the size of the file. */
const PAGE = 2000;

/** Stores a batch of rows read from the sheet, one statement for the batch. */
export async function stageRows(tx: Tx, jobId: string, rows: SheetRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(
    sql`insert into ${importRows} (job_id, row, cells)
        select ${jobId}::uuid, r, c from unnest(${sql.param(rows.map((r) => r.row))}::int[],
          ${sql.param(rows.map((r) => JSON.stringify(Object.fromEntries(r.cells))))}::jsonb[]) as x(r, c)`,
  );
}

/** Whether validation stored the job's rows (jobs validated before staging existed did not). */
export async function hasStagedRows(tx: Tx, jobId: string): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(
    tx,
    sql`select exists (select 1 from ${importRows} where job_id = ${jobId}) as found`,
  );
  return row.found;
}

/** The staged rows in sheet order, read a page at a time. */
export async function* stagedRows(tx: Tx, jobId: string): AsyncGenerator<SheetRow> {
  let after = 0;
  for (;;) {
    const page = await queryRows<{ row: number; cells: Record<string, Cell> | string }>(
      tx,
      sql`select row, cells from ${importRows} where job_id = ${jobId} and row > ${after}
          order by row limit ${PAGE}`,
    );
    for (const r of page) {
      // jsonb arrives parsed from PostgreSQL and as text from some drivers.
      const cells = typeof r.cells === 'string' ? (JSON.parse(r.cells) as Record<string, Cell>) : r.cells;
      yield { row: r.row, cells: new Map(Object.entries(cells)) };
    }
    if (page.length < PAGE) return;
    after = page[page.length - 1].row;
  }
}

export async function dropStagedRows(tx: Tx, jobIds: string[]): Promise<void> {
  for (const id of jobIds) await tx.delete(importRows).where(eq(importRows.jobId, id));
}
