/**
 * Validation of every row: each cell against its column, the row's own rules, duplicates within the
 * file, the organisations it refers to, the importer's region, and the records it would update.
 * Runs the same way when the file is uploaded and again, inside the write transaction, on commit.
 */
import { validateHteCertificate } from '../../../../domain/identifiers';
import { type Msg, msg } from '../../../../domain/message';
import { LEVEL_NAMES, validUntilFor } from '../../../../domain/registry';
import type { Tx } from '../../../db/client';
import { type ImportKind, KINDS, type Value } from './columns';
import { existingFacilities, existingQuals, existingStats, type OrgRef, orgsByUscc } from './lookups-repo';
import type { SheetRow } from './parse';
import { type Refs, readCell } from './refs';

export type Values = Record<string, Value | undefined>;

export interface RowError {
  row: number;
  column: string;
  message: Msg;
}

export interface ValidRow {
  row: number;
  values: Values;
  /** The organisation the row is about (organizations: the existing one, if any). */
  org?: OrgRef;
  /** The record an upsert would update, when one exists. */
  existingId?: string;
}

export interface Batch {
  rows: ValidRow[];
  errors: RowError[];
  /** Data rows read in this batch, valid or not. */
  processed: number;
}

export interface ValidateOptions {
  tx: Tx;
  refs: Refs;
  /** The importer's regions; null for city-wide. */
  regionCodes: string[] | null;
  batchSize?: number;
}

interface Pending {
  row: number;
  values: Values;
  errors: RowError[];
  org?: OrgRef;
  existingId?: string;
}

const OUT_OF_SCOPE = '超出本单位管辖区域';

/** The identity of a row within the file (and of the record it writes). */
function keyOf(kind: ImportKind, v: Values): string | null {
  if (v.uscc === undefined) return null;
  switch (kind) {
    case 'organizations':
      return String(v.uscc);
    case 'annual-stats':
      return v.year === undefined ? null : `${v.uscc}|${v.year}`;
    case 'qualifications':
      if (v.typeCode === undefined) return null;
      if (v.certificateNo !== undefined) return `${v.typeCode}|#${v.certificateNo}`;
      return v.issuedOn === undefined ? null : `${v.typeCode}|${v.uscc}|${v.issuedOn}`;
    default:
      return v.name === undefined ? null : `${v.uscc}|${v.name}`;
  }
}

const DUP_WHAT: Record<ImportKind, Msg> = {
  organizations: msg('统一社会信用代码相同', 'same USCC'),
  'annual-stats': msg('统一社会信用代码和年度相同', 'same USCC and year'),
  qualifications: msg(
    '资质类型和证书编号（无编号时为单位和认定日期）相同',
    'same type and certificate number',
  ),
  platforms: msg('依托单位和平台名称相同', 'same host and name'),
  carriers: msg('运营单位和载体名称相同', 'same operator and name'),
};

/** The column a duplicate is reported in. */
const DUP_COLUMN: Record<ImportKind, string> = {
  organizations: 'uscc',
  'annual-stats': 'year',
  qualifications: 'certificateNo',
  platforms: 'name',
  carriers: 'name',
};

/** The row's own rules across its cells. */
function checkRow(kind: ImportKind, p: Pending, refs: Refs, err: (key: string, m: Msg) => void) {
  const v = p.values;
  if (kind === 'annual-stats') {
    if (typeof v.stStaff === 'number' && typeof v.staff === 'number' && v.stStaff > v.staff) {
      err('stStaff', msg('科技人员数不能大于职工人数', 'S&T staff cannot exceed staff'));
    }
    for (const k of ['rdExpense', 'hitechRevenue'] as const) {
      if (v[k] !== undefined && v.revenue !== undefined && Number(v[k]) > Number(v.revenue)) {
        err(k, msg('不能大于营业收入', 'cannot exceed revenue'));
      }
    }
  }
  if (kind !== 'qualifications' || v.typeCode === undefined) return;
  const type = refs.qualTypes.find((q) => q.code === v.typeCode)!;
  if (v.level === undefined && type.levels.length === 1) v.level = type.levels[0];
  if (v.level !== undefined && !type.levels.includes(String(v.level))) {
    const allowed = type.levels.map((l) => LEVEL_NAMES[l as keyof typeof LEVEL_NAMES]?.zh ?? l).join('、');
    err(
      'level',
      msg(
        `${type.name}的级别只能是 ${allowed}`,
        `${type.nameEn} is granted at level ${type.levels.join('/')}`,
      ),
    );
  }
  if (type.code === 'hte' && v.certificateNo !== undefined) {
    const r = validateHteCertificate(String(v.certificateNo), refs.today);
    if (r.ok) v.certificateNo = r.value;
    else err('certificateNo', r.reason);
  }
  if (v.issuedOn === undefined) return;
  if (v.validUntil === undefined) {
    const until = validUntilFor(type.validity, String(v.issuedOn));
    if (until) v.validUntil = until;
  } else if (String(v.validUntil) < String(v.issuedOn)) {
    err('validUntil', msg('有效期至不能早于认定日期', 'The end of validity cannot precede the issue date'));
  }
}

function readRow(kind: ImportKind, r: SheetRow, refs: Refs): Pending {
  const columns = KINDS[kind].columns;
  const p: Pending = { row: r.row, values: {}, errors: [] };
  const header = (key: string) => columns.find((c) => c.key === key)!.header;
  const err = (key: string, m: Msg) => p.errors.push({ row: r.row, column: header(key), message: m });
  for (const c of columns) {
    const raw = r.cells.get(c.key);
    if (raw === undefined) {
      if (c.required) err(c.key, msg(`${c.header}必填`, `${c.header} is required`));
      continue;
    }
    if (raw !== null && typeof raw === 'object') {
      err(c.key, msg(`单元格是错误值 ${raw.error}`, `The cell holds the error value ${raw.error}`));
      continue;
    }
    const read = readCell(c, raw, refs);
    if (read.ok) p.values[c.key] = read.value;
    else err(c.key, read.error);
  }
  checkRow(kind, p, refs, err);
  return p;
}

async function checkReferences(kind: ImportKind, batch: Pending[], opts: ValidateOptions) {
  const columns = KINDS[kind].columns;
  const usccHeader = columns[0].header;
  const inScope = (region: string) => opts.regionCodes === null || opts.regionCodes.includes(region);
  const regionName = (code: string) => opts.refs.regions.get(code)?.name ?? code;
  const orgs = await orgsByUscc(
    opts.tx,
    batch.flatMap((p) => (p.values.uscc === undefined ? [] : [String(p.values.uscc)])),
  );
  for (const p of batch) {
    if (p.values.uscc === undefined) continue;
    const org = orgs.get(String(p.values.uscc));
    const err = (column: string, zh: string, en: string) =>
      p.errors.push({ row: p.row, column, message: msg(zh, en) });
    if (kind === 'organizations') {
      const region = p.values.regionCode === undefined ? undefined : String(p.values.regionCode);
      if (region && !inScope(region)) {
        err('所属区域', `${OUT_OF_SCOPE}：${regionName(region)}`, `Outside your jurisdiction: ${region}`);
      } else if (org && !inScope(org.regionCode)) {
        err(
          usccHeader,
          `${OUT_OF_SCOPE}：该单位已登记在${regionName(org.regionCode)}`,
          'Outside your jurisdiction',
        );
      }
      p.org = org;
      p.existingId = org?.id;
      continue;
    }
    if (!org) {
      err(
        usccHeader,
        `统一社会信用代码 ${p.values.uscc} 在创新主体库中不存在，请先导入单位信息`,
        `No organisation with USCC ${p.values.uscc} is registered: import it first`,
      );
    } else if (!inScope(org.regionCode)) {
      err(
        usccHeader,
        `${OUT_OF_SCOPE}：${org.name}属于${regionName(org.regionCode)}`,
        'Outside your jurisdiction',
      );
    } else {
      p.org = org;
    }
  }
}

async function findExisting(kind: ImportKind, batch: Pending[], opts: ValidateOptions) {
  const live = batch.filter((p) => p.org && p.errors.length === 0);
  const orgIds = live.map((p) => p.org!.id);
  if (kind === 'annual-stats') {
    const found = await existingStats(
      opts.tx,
      orgIds,
      live.map((p) => Number(p.values.year)),
    );
    for (const p of live)
      if (found.has(`${p.org!.id}|${p.values.year}`)) p.existingId = `${p.org!.id}|${p.values.year}`;
  } else if (kind === 'platforms' || kind === 'carriers') {
    const found = await existingFacilities(opts.tx, kind, orgIds);
    for (const p of live) p.existingId = found.get(`${p.org!.id}|${p.values.name}`);
  } else if (kind === 'qualifications') {
    const certs = live.flatMap((p) =>
      p.values.certificateNo === undefined ? [] : [String(p.values.certificateNo)],
    );
    const found = await existingQuals(opts.tx, certs, orgIds);
    for (const p of live) {
      const v = p.values;
      const same = v.certificateNo
        ? found.find((q) => q.typeCode === v.typeCode && q.certificateNo === v.certificateNo)
        : found.find((q) => q.orgId === p.org!.id && q.typeCode === v.typeCode && q.issuedOn === v.issuedOn);
      if (same && same.orgId !== p.org!.id) {
        p.errors.push({
          row: p.row,
          column: '证书编号',
          message: msg(
            `证书编号 ${v.certificateNo} 已登记在另一单位名下`,
            `Certificate ${v.certificateNo} is registered to another organisation`,
          ),
        });
      } else {
        p.existingId = same?.id;
      }
    }
  }
}

/**
 * Validates the sheet's rows in batches: each batch answers its valid rows, ready to write, and its
 * errors. Duplicates are found across the whole file (the later row is the error).
 */
export async function* validateRows(
  kind: ImportKind,
  rows: AsyncIterable<SheetRow>,
  opts: ValidateOptions,
): AsyncGenerator<Batch> {
  const size = opts.batchSize ?? 1000;
  const seen = new Map<string, number>();
  const keyColumn = KINDS[kind].columns.find((c) => c.key === DUP_COLUMN[kind])!;
  let chunk: Pending[] = [];
  const flush = async (): Promise<Batch> => {
    const batch = chunk;
    chunk = [];
    await checkReferences(kind, batch, opts);
    await findExisting(kind, batch, opts);
    return {
      processed: batch.length,
      errors: batch.flatMap((p) => p.errors),
      rows: batch
        .filter((p) => p.errors.length === 0)
        .map((p) => ({ row: p.row, values: p.values, org: p.org, existingId: p.existingId })),
    };
  };
  for await (const r of rows) {
    const p = readRow(kind, r, opts.refs);
    const key = keyOf(kind, p.values);
    if (key !== null) {
      const first = seen.get(key);
      if (first === undefined) seen.set(key, p.row);
      else {
        p.errors.push({
          row: p.row,
          column: keyColumn.header,
          message: msg(
            `与第${first}行重复（${DUP_WHAT[kind].zh}）`,
            `Duplicates row ${first} (${DUP_WHAT[kind].en})`,
          ),
        });
      }
    }
    chunk.push(p);
    if (chunk.length >= size) yield await flush();
  }
  if (chunk.length > 0) yield await flush();
}
