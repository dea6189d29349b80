import { count, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { departmentBodySchema, updateDepartmentBodySchema } from '../../../domain/contracts/admin';
import type { PageQuery } from '../../../domain/contracts/common';
import { msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import { departments, users } from '../../db/schema';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { conflict, notFound } from '../../platform/errors';
import { orderBy, pageOf } from '../../platform/listing';

const DEPARTMENT = msg('部门', 'department');

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

export async function listDepartments(tx: Tx, q: PageQuery) {
  const { limit, offset } = pageOf(q);
  const sort = orderBy(q.sort, { code: departments.code, name: departments.name }, sql`${departments.code}`);
  const [items, [{ n }]] = await Promise.all([
    listQuery(tx)
      .orderBy(...sort)
      .limit(limit)
      .offset(offset),
    tx.select({ n: count() }).from(departments),
  ]);
  return { items, total: Number(n) };
}

async function get(tx: Tx, id: string) {
  const [row] = await listQuery(tx).where(eq(departments.id, id));
  if (!row) throw notFound(DEPARTMENT);
  return row;
}

async function assertCodeFree(tx: Tx, code: string, exceptId?: string) {
  const [row] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.code, code));
  if (row && row.id !== exceptId)
    throw conflict(msg('部门编码已存在', 'The department code is taken'), 'code');
}

export async function createDepartment(
  deps: Deps,
  ctx: AuditContext,
  body: z.infer<typeof departmentBodySchema>,
) {
  return deps.db.transaction(async (tx) => {
    await assertCodeFree(tx, body.code);
    const [row] = await tx.insert(departments).values(body).returning();
    await writeAudit(tx, ctx, {
      action: 'department.create',
      targetType: 'department',
      targetId: row.id,
      after: row,
    });
    return get(tx, row.id);
  });
}

export async function updateDepartment(
  deps: Deps,
  ctx: AuditContext,
  id: string,
  body: z.infer<typeof updateDepartmentBodySchema>,
) {
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(departments).where(eq(departments.id, id));
    if (!before) throw notFound(DEPARTMENT);
    if (body.code) await assertCodeFree(tx, body.code, id);
    const [after] = await tx.update(departments).set(body).where(eq(departments.id, id)).returning();
    await writeAudit(tx, ctx, {
      action: 'department.update',
      targetType: 'department',
      targetId: id,
      before,
      after,
    });
    return get(tx, id);
  });
}
