/**
 * Contracts registered elsewhere (the provincial system's export), imported as registered records:
 * the columns of the registration form, every row checked by the same rules as a contract entered
 * here, each problem reported with its row and column the way the registry's imports report them.
 * Nothing is written while any row has an error, unless the valid rows alone are asked for.
 */
import ExcelJS from 'exceljs';
import type { ContractImportResult } from '../../../domain/contracts/tech-contracts';
import { validateUscc } from '../../../domain/identifiers';
import { type Msg, msg } from '../../../domain/message';
import {
  BUYER_KIND_CODES,
  BUYER_KINDS,
  CONTRACT_TYPE_CODES,
  CONTRACT_TYPES,
  COUNTRIES,
  COUNTRY_CODES,
  CURRENCY_CODES,
  OBJECTIVE_CODES,
  OBJECTIVES,
  subTypesOf,
} from '../../../domain/tech-contracts';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { openTemplateSheet } from '../../platform/template-sheet';
import { rawOf, readDate, readText, textOf } from '../registry/import/cells';
import { checkAmounts } from './checks';
import { registrarRegionOf } from './policy';
import {
  codeListHas,
  insertAmounts,
  insertContracts,
  insertEvents,
  orgByUscc,
  registrationNoTaken,
} from './repo';

export const IMPORT_COLUMNS = [
  '登记编号',
  '合同名称',
  '合同类别',
  '合同子类',
  '卖方统一社会信用代码',
  '买方类别',
  '买方统一社会信用代码',
  '买方名称',
  '买方国家或地区',
  '币种',
  '汇率',
  '合同成交额（万）',
  '技术交易额（万）',
  '签订日期',
  '登记日期',
  '技术领域',
  '社会经济目标',
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

/** A code given as itself or as its Chinese or English name. */
function choice(dict: Record<string, Msg>, codes: readonly string[], text: string): string | undefined {
  const t = text.trim();
  return codes.find((c) => c === t || dict[c].zh === t || dict[c].en.toLowerCase() === t.toLowerCase());
}

class RowProblem extends Error {
  constructor(
    readonly column: Column,
    readonly problem: Msg,
  ) {
    super(problem.en);
  }
}
const fail = (column: Column, zh: string, en: string): never => {
  throw new RowProblem(column, msg(zh, en));
};

/** The spreadsheet template: the header row of the registration form. */
export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('技术合同');
  ws.addRow([...IMPORT_COLUMNS]);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => {
    c.width = 18;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readRows(file: Buffer) {
  const { ws, index } = await openTemplateSheet(file, IMPORT_COLUMNS);
  const rows: { row: number; get: (c: Column) => string; date: (c: Column) => string | null }[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const cell = (c: Column) => rawOf(r.getCell(index.get(c)!).value);
    const get = (c: Column) => {
      const raw = cell(c);
      if (raw !== null && typeof raw === 'object')
        return fail(c, '单元格有错误值', 'The cell holds an error');
      const read = readText(raw, 300);
      return read.ok ? read.value : fail(c, read.error.zh, read.error.en);
    };
    const date = (c: Column) => {
      const raw = cell(c);
      if (raw === null || raw === '' || typeof raw === 'object') return null;
      const read = readDate(raw);
      return read.ok ? read.value : fail(c, read.error.zh, read.error.en);
    };
    if (IMPORT_COLUMNS.every((c) => textOf(cell(c) as string) === '')) return;
    rows.push({ row: n, get, date });
  });
  return rows;
}

type Parsed = Awaited<ReturnType<typeof parseRow>>;

async function parseRow(
  deps: Deps,
  tx: Tx,
  r: Awaited<ReturnType<typeof readRows>>[number],
  seen: Set<string>,
) {
  const no = r.get('登记编号') || fail('登记编号', '请填写登记编号', 'Give the registration number');
  if (seen.has(no)) fail('登记编号', '文件中登记编号重复', 'The registration number repeats in the file');
  if (await registrationNoTaken(tx, no))
    fail('登记编号', '该登记编号已在平台中', 'The registration number is already on record');
  const title = r.get('合同名称') || fail('合同名称', '请填写合同名称', 'Give the contract’s name');
  const typeCode = choice(
    Object.fromEntries(CONTRACT_TYPE_CODES.map((c) => [c, CONTRACT_TYPES[c].name])),
    CONTRACT_TYPE_CODES,
    r.get('合同类别'),
  ) as (typeof CONTRACT_TYPE_CODES)[number] | undefined;
  if (!typeCode)
    return fail(
      '合同类别',
      '合同类别应为技术开发、技术转让、技术许可、技术咨询或技术服务',
      'Unknown contract type',
    );
  const subs = subTypesOf(typeCode);
  const subTypeCode = choice(subs, Object.keys(subs), r.get('合同子类'));
  if (!subTypeCode) fail('合同子类', '合同子类与合同类别不符', 'The sub-type does not belong to the type');
  const sellerUscc = validateUscc(r.get('卖方统一社会信用代码'));
  if (!sellerUscc.ok) return fail('卖方统一社会信用代码', sellerUscc.reason.zh, sellerUscc.reason.en);
  const seller = await orgByUscc(tx, sellerUscc.value);
  if (!seller)
    return fail('卖方统一社会信用代码', '本市单位库中没有该卖方', 'The seller is not in the registry');
  const buyerKind = choice(BUYER_KINDS, BUYER_KIND_CODES, r.get('买方类别') || '外省市单位');
  if (!buyerKind)
    return fail('买方类别', '买方类别应为本市登记单位、外省市单位或境外单位', 'Unknown buyer kind');
  let buyer = {
    buyerOrgId: null as string | null,
    buyerName: r.get('买方名称'),
    buyerUscc: null as string | null,
    buyerCountry: 'CN',
  };
  const buyerUsccText = r.get('买方统一社会信用代码');
  if (buyerKind === 'registry') {
    const u = validateUscc(buyerUsccText);
    if (!u.ok) return fail('买方统一社会信用代码', u.reason.zh, u.reason.en);
    const org = await orgByUscc(tx, u.value);
    if (!org)
      return fail('买方统一社会信用代码', '本市单位库中没有该买方', 'The buyer is not in the registry');
    buyer = { buyerOrgId: org.id, buyerName: org.name, buyerUscc: u.value, buyerCountry: 'CN' };
  } else if (!buyer.buyerName) fail('买方名称', '请填写买方名称', 'Give the buyer’s name');
  if (buyerKind === 'foreign') {
    const country = choice(COUNTRIES, COUNTRY_CODES, r.get('买方国家或地区'));
    if (!country) fail('买方国家或地区', '请填写境外买方的国家或地区', 'Give the foreign buyer’s country');
    buyer.buyerCountry = country!;
  }
  const currency = choice(
    Object.fromEntries(CURRENCY_CODES.map((c) => [c, { zh: c, en: c }])),
    CURRENCY_CODES,
    (r.get('币种') || 'CNY').toUpperCase().replace('人民币', 'CNY').replace('美元', 'USD'),
  );
  if (!currency) return fail('币种', '不支持的币种', 'Unsupported currency');
  const contractAmount = r.get('合同成交额（万）').replace(/[,，]/g, '');
  const techAmount = r.get('技术交易额（万）').replace(/[,，]/g, '') || contractAmount;
  for (const [col, v] of [
    ['合同成交额（万）', contractAmount],
    ['技术交易额（万）', techAmount],
  ] as const)
    if (!/^\d{1,15}(\.\d{1,4})?$/.test(v)) fail(col, `「${v}」不是金额`, `"${v}" is not an amount`);
  const diff = (Number(contractAmount) - Number(techAmount)).toFixed(4);
  let amounts: ReturnType<typeof checkAmounts>;
  try {
    amounts = checkAmounts(currency, {
      contractAmount,
      techAmount,
      exchangeRate: r.get('汇率') || null,
      nontechCosts: Number(diff) > 0 ? [{ item: '非技术性费用', amount: diff }] : [],
    });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const col: Column =
      e.field === 'exchangeRate'
        ? '汇率'
        : e.field === 'techAmount'
          ? '技术交易额（万）'
          : '合同成交额（万）';
    return fail(col, e.userMessage.zh, e.userMessage.en);
  }
  const signedOn = r.date('签订日期') ?? fail('签订日期', '请填写签订日期', 'Give the signing date');
  const registeredOn = r.date('登记日期') ?? fail('登记日期', '请填写登记日期', 'Give the registration date');
  if (registeredOn > clock.today())
    fail('登记日期', '登记日期不能晚于今天', 'The registration cannot be in the future');
  if (registeredOn < signedOn)
    fail('登记日期', '登记日期不能早于签订日期', 'The registration cannot precede the signing');
  const fieldText = r.get('技术领域');
  if (fieldText && !(await codeListHas(tx, 'hitech-fields', fieldText)))
    fail('技术领域', '技术领域应为高新技术领域代码', 'Unknown high-tech field code');
  const objectiveText = r.get('社会经济目标');
  const objectiveCode = objectiveText ? choice(OBJECTIVES, OBJECTIVE_CODES, objectiveText) : null;
  if (objectiveText && !objectiveCode) fail('社会经济目标', '未知的社会经济目标', 'Unknown objective');
  seen.add(no);
  return {
    registrationNo: no,
    title,
    typeCode,
    subTypeCode: subTypeCode!,
    sellerOrgId: seller.id,
    regionCode: seller.regionCode,
    registrarRegion: registrarRegionOf(deps.regions, seller.regionCode),
    buyerKind,
    ...buyer,
    currency,
    ...amounts!,
    signedOn,
    registeredOn,
    submittedOn: registeredOn,
    fieldCode: fieldText || null,
    objectiveCode: objectiveCode ?? null,
    status: 'registered' as const,
    source: 'import',
  };
}

export async function importContracts(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  file: Buffer,
  opts: { dryRun: boolean; validOnly: boolean },
): Promise<ContractImportResult> {
  const rows = await readRows(file);
  return deps.db.transaction(async (tx) => {
    const seen = new Set<string>();
    const errors: ContractImportResult['errors'] = [];
    const good: NonNullable<Parsed>[] = [];
    for (const r of rows) {
      try {
        good.push(await parseRow(deps, tx, r, seen));
      } catch (e) {
        if (!(e instanceof RowProblem)) throw e;
        errors.push({ row: r.row, column: e.column, message: e.problem });
      }
    }
    const result = {
      totalRows: rows.length,
      validRows: good.length,
      inserted: 0,
      errors: errors.slice(0, 500),
    };
    if (opts.dryRun || good.length === 0 || (errors.length > 0 && !opts.validOnly)) return result;
    const written = await insertContracts(
      tx,
      good.map((g) => ({ ...g, createdBy: actor.id })),
    );
    const ids = new Map(written.map((w) => [w.registrationNo!, w.id]));
    await insertAmounts(
      tx,
      good.map((g) => ({
        contractId: ids.get(g.registrationNo)!,
        version: 1,
        effectiveOn: g.registeredOn,
        exchangeRate: g.exchangeRate,
        contractAmountOrig: g.contractAmountOrig,
        techAmountOrig: g.techAmountOrig,
        contractAmount: g.contractAmount,
        techAmount: g.techAmount,
        nontechCosts: g.nontechCosts,
        note: '导入（外地登记）',
        createdBy: actor.id,
      })),
    );
    await insertEvents(
      tx,
      good.map((g) => ({
        contractId: ids.get(g.registrationNo)!,
        action: 'import',
        fromStatus: null,
        toStatus: 'registered',
        on: g.registeredOn,
        actorId: actor.id,
        actorUsername: actor.username,
      })),
    );
    await writeAudit(tx, ctx, {
      action: 'tech_contract.import',
      targetType: 'tech_contract',
      after: { rows: rows.length, inserted: good.length, registrationNos: good.map((g) => g.registrationNo) },
    });
    return { ...result, inserted: good.length };
  });
}
