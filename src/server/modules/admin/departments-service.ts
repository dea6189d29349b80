import type { z } from 'zod';
import type { departmentBodySchema, updateDepartmentBodySchema } from '../../../domain/contracts/admin';
import { msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { conflict, notFound } from '../../platform/errors';
import {
  findDepartment,
  findDepartmentIdByCode,
  getDepartmentRow,
  insertDepartment,
  updateDepartmentRow,
} from './departments-repo';

const DEPARTMENT = msg('部门', 'department');

async function get(tx: Tx, id: string) {
  const row = await getDepartmentRow(tx, id);
  if (!row) throw notFound(DEPARTMENT);
  return row;
}

async function assertCodeFree(tx: Tx, code: string, exceptId?: string) {
  const row = await findDepartmentIdByCode(tx, code);
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
    const row = await insertDepartment(tx, body);
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
    const before = await findDepartment(tx, id);
    if (!before) throw notFound(DEPARTMENT);
    if (body.code) await assertCodeFree(tx, body.code, id);
    const after = await updateDepartmentRow(tx, id, body);
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
