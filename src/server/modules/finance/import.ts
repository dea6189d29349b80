/**
 * Credit lines from the banks' spreadsheets: one row per 授信, checked by the same rules as a
 * credit line typed in (checks.ts), each problem reported with its row and column. Nothing is
 * written while any row has an error, unless the valid rows alone are asked for.
 */
import ExcelJS from 'exceljs';
import type { ImportResult, RecordBody } from '../../../domain/contracts/finance';
import { INSTRUMENT_NAMES, INSTRUMENTS, type Instrument } from '../../../domain/finance';
import { validateUscc } from '../../../domain/identifiers';
import { type Msg, msg } from '../../../domain/message';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';
import { openTemplateSheet } from '../../platform/template-sheet';
import { rawOf, readBool, readCount, readDate, readMoney, readText, textOf } from '../registry/import/cells';
import { checkRecord } from './checks';
import { insertRecords, orgByUscc } from './repo';

export const IMPORT_COLUMNS = [
  '金融机构统一社会信用代码',
  '授信编号',
  '企业统一社会信用代码',
  '企业名称',
  '增信工具',
  '授信金额（万元）',
  '授信日期',
  '期限（月）',
  '是否免担保',
  '备注',
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

/** Which column a field of the record body comes from, for the checks' refusals. */
const COLUMN_OF: Record<string, Column> = {
  institutionId: '金融机构统一社会信用代码',
  refNo: '授信编号',
  enterpriseUscc: '企业统一社会信用代码',
  instrument: '增信工具',
  amount: '授信金额（万元）',
  startOn: '授信日期',
  termMonths: '期限（月）',
};

class RowProblem extends Error {
  constructor(
    readonly column: Column,
    readonly problem: Msg,
  ) {
    super(problem.en);
  }
}
const fail = (column: Column, problem: Msg): never => {
  throw new RowProblem(column, problem);
};

export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('授信记录');
  ws.addRow([...IMPORT_COLUMNS]);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => {
    c.width = 20;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Cells = Map<Column, ReturnType<typeof rawOf>>;

async function readRows(file: Buffer): Promise<{ row: number; cells: Cells }[]> {
  const { ws, index } = await openTemplateSheet(file, IMPORT_COLUMNS);
  const rows: { row: number; cells: Cells }[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const cells: Cells = new Map(IMPORT_COLUMNS.map((c) => [c, rawOf(r.getCell(index.get(c)!).value)]));
    if ([...cells.values()].every((v) => v === null || (typeof v !== 'object' && textOf(v) === ''))) return;
    rows.push({ row: n, cells });
  });
  return rows;
}

function reader(cells: Cells) {
  const raw = (c: Column) => {
    const v = cells.get(c) ?? null;
    return v !== null && typeof v === 'object'
      ? fail(c, msg('单元格有错误值', 'The cell holds an error'))
      : v;
  };
  const text = (c: Column, max = 200) => {
    const r = readText(raw(c), max);
    return r.ok ? r.value : fail(c, r.error);
  };
  return {
    text,
    money: (c: Column) => {
      const r = readMoney(raw(c));
      return r.ok ? r.value : fail(c, r.error);
    },
    date: (c: Column) => {
      if (text(c) === '') return fail(c, msg('请填写日期', 'Give the date'));
      const r = readDate(raw(c));
      return r.ok ? r.value : fail(c, r.error);
    },
    count: (c: Column) => {
      if (text(c) === '') return null;
      const r = readCount(raw(c));
      return r.ok ? r.value : fail(c, r.error);
    },
    bool: (c: Column) => {
      if (text(c) === '') return false;
      const r = readBool(raw(c));
      return r.ok ? r.value : fail(c, r.error);
    },
  };
}

function instrumentOf(text: string): Instrument | undefined {
  const t = text.trim() || INSTRUMENT_NAMES.hte_fund.zh;
  return INSTRUMENTS.find((c) => c === t || INSTRUMENT_NAMES[c].zh === t);
}

export async function importCredit(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  file: Buffer,
  opts: { dryRun: boolean; validOnly: boolean },
): Promise<ImportResult> {
  const rows = await readRows(file);
  const scope = scopeOf(actor, deps.regions);
  return deps.db.transaction(async (tx) => {
    const errors: ImportResult['errors'] = [];
    const good: Awaited<ReturnType<typeof checkRecord>>[] = [];
    const seen = new Set<string>();
    for (const { row, cells } of rows) {
      try {
        const get = reader(cells);
        let institutionId: string | undefined;
        const instUscc = get.text('金融机构统一社会信用代码');
        if (instUscc) {
          const u = validateUscc(instUscc);
          if (!u.ok) fail('金融机构统一社会信用代码', u.reason);
          const org = await orgByUscc(tx, u.ok ? u.value : '');
          if (!org)
            fail(
              '金融机构统一社会信用代码',
              msg('单位库中没有该金融机构', 'No such institution in the registry'),
            );
          institutionId = org!.id;
        }
        const ent = validateUscc(get.text('企业统一社会信用代码'));
        if (!ent.ok) return fail('企业统一社会信用代码', ent.reason);
        const instrument = instrumentOf(get.text('增信工具'));
        if (!instrument) fail('增信工具', msg('未知的增信工具', 'Unknown instrument'));
        const body: RecordBody = {
          kind: 'credit',
          institutionId,
          enterpriseUscc: ent.value,
          refNo: get.text('授信编号', 60) || null,
          instrument,
          amount: get.money('授信金额（万元）'),
          startOn: get.date('授信日期'),
          termMonths: get.count('期限（月）'),
          guaranteeFree: get.bool('是否免担保'),
          note: get.text('备注', 500) || null,
        };
        const key = `${institutionId ?? ''}|${body.refNo ?? ''}`;
        if (body.refNo && seen.has(key))
          fail('授信编号', msg('文件中授信编号重复', 'The number repeats in the file'));
        let values: Awaited<ReturnType<typeof checkRecord>>;
        try {
          values = await checkRecord(tx, actor, scope, body);
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          return fail(COLUMN_OF[e.field ?? ''] ?? '备注', e.userMessage);
        }
        seen.add(key);
        good.push(values);
      } catch (e) {
        if (!(e instanceof RowProblem)) throw e;
        errors.push({ row, column: e.column, message: e.problem });
      }
    }
    const result = {
      totalRows: rows.length,
      validRows: good.length,
      inserted: 0,
      errors: errors.slice(0, 500),
    };
    if (opts.dryRun || good.length === 0 || (errors.length > 0 && !opts.validOnly)) return result;
    const written = await insertRecords(
      tx,
      good.map((g) => ({ ...g, source: 'import' as const, createdBy: actor.id })),
    );
    await writeAudit(tx, ctx, {
      action: 'finance.record.import',
      targetType: 'finance_record',
      after: {
        kind: 'credit',
        rows: rows.length,
        inserted: written.length,
        refNos: good.map((g) => g.refNo),
      },
    });
    return { ...result, inserted: written.length };
  });
}
