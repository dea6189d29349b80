import { asc, count, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { departments, users } from '../../db/schema';
import { orderBy } from '../../platform/listing';

export type DepartmentValues = typeof departments.$inferInsert;

function listQuery(tx: Tx) {
  return tx
    .select({
      id: departments.id,
      code: departments.code,
      name: departments.name,
      nameEn: departments.nameEn,
      active: departments.active,
      userCount: sql<number>`(select count(*)::int from ${users} where ${users.departmentId} = ${departments.id})`,
    })
    .from(departments);
}

/** One page of the list; an unknown `sort` throws before any query runs. */
export function listDepartmentRows(tx: Tx, sort: string | undefined, limit: number, offset: number) {
  const order = orderBy(sort, { code: departments.code, name: departments.name }, sql`${departments.code}`);
  return listQuery(tx)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
}

/** The departments after `afterId` in id order, for the export's keyset batches. */
export function departmentsAfter(tx: Tx, afterId: string | null, limit: number) {
  return listQuery(tx)
    .where(afterId ? gt(departments.id, afterId) : undefined)
    .orderBy(asc(departments.id))
    .limit(limit);
}

export type DepartmentRow = Awaited<ReturnType<typeof departmentsAfter>>[number];

export async function countDepartments(tx: Tx): Promise<number> {
  const [{ n }] = await tx.select({ n: count() }).from(departments);
  return Number(n);
}

/** A department as the list shows it, with its number of accounts. */
export async function getDepartmentRow(tx: Tx, id: string) {
  const [row] = await listQuery(tx).where(eq(departments.id, id));
  return row;
}

export async function findDepartment(tx: Tx, id: string) {
  const [row] = await tx.select().from(departments).where(eq(departments.id, id));
  return row;
}

export async function findDepartmentIdByCode(tx: Tx, code: string) {
  const [row] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.code, code));
  return row;
}

export async function insertDepartment(tx: Tx, values: DepartmentValues) {
  const [row] = await tx.insert(departments).values(values).returning();
  return row;
}

export async function updateDepartmentRow(tx: Tx, id: string, set: Partial<DepartmentValues>) {
  const [row] = await tx.update(departments).set(set).where(eq(departments.id, id)).returning();
  return row;
}
