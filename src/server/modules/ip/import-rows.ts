/**
 * One row of a patent spreadsheet (patent-office and commercial database exports), read and checked:
 * the columns are found by their header, each value is validated, and an error names the column.
 */
import type { IpRowError } from '../../../domain/contracts/ip';
import { validateUscc } from '../../../domain/identifiers';
import {
  checkApplicationNumber,
  ENDING_STATUSES,
  type PatentKind,
  type PatentStatus,
  readPatentKind,
  readPatentStatus,
  splitNames,
} from '../../../domain/ip';
import { msg } from '../../../domain/message';
import { controlProblem, type Raw, readDate, textOf } from '../registry/import/cells';

/** Column keys and the headers databases use for them (first is the template's). */
export const COLUMNS = {
  appNo: ['申请号', '专利申请号', '申请号/专利号'],
  kind: ['专利类型', '类型'],
  title: ['名称', '专利名称', '发明名称', '标题'],
  applicants: ['申请人', '专利权人', '申请（专利权）人', '申请(专利权)人'],
  inventors: ['发明人', '设计人', '发明（设计）人', '发明(设计)人'],
  filedOn: ['申请日'],
  publishedOn: ['公开日', '公开（公告）日', '公开(公告)日'],
  grantedOn: ['授权公告日', '授权日'],
  status: ['法律状态', '当前法律状态'],
  statusOn: ['法律状态日', '法律状态公告日'],
  ipcMain: ['IPC主分类号', '主分类号', 'IPC主分类'],
  address: ['申请人地址', '地址'],
  uscc: ['统一社会信用代码', '申请人统一社会信用代码'],
} as const;
export type ColumnKey = keyof typeof COLUMNS;
export const REQUIRED: ColumnKey[] = ['appNo', 'title', 'applicants', 'filedOn'];

const norm = (h: string) =>
  h
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toUpperCase();

/** The column index of each key, from a header row; null when this is not the header row. */
export function headerMap(texts: string[]): Map<ColumnKey, number> | null {
  const out = new Map<ColumnKey, number>();
  texts.forEach((t, i) => {
    const h = norm(t ?? '');
    for (const [key, names] of Object.entries(COLUMNS) as [ColumnKey, readonly string[]][])
      if (!out.has(key) && names.some((n) => norm(n) === h)) out.set(key, i);
  });
  return REQUIRED.every((k) => out.has(k)) ? out : null;
}

export interface PatentRowValue {
  row: number;
  appNo: string;
  kind: PatentKind;
  title: string;
  applicants: string[];
  inventors: string;
  filedOn: string;
  publishedOn: string | null;
  grantedOn: string | null;
  status: PatentStatus;
  /** The day the status took effect, when the file says. */
  statusOn: string | null;
  ipcMain: string | null;
  address: string | null;
  uscc: string | null;
}

/** Reads one data row; answers the value or the errors, each naming its column. */
export function readPatentRow(
  row: number,
  cell: (key: ColumnKey) => Raw,
  today: Date,
): { ok: true; value: PatentRowValue } | { ok: false; errors: IpRowError[] } {
  const errors: IpRowError[] = [];
  const fail = (key: ColumnKey, zh: string, en: string) =>
    errors.push({
      row,
      field: COLUMNS[key][0],
      message: msg(`${COLUMNS[key][0]}：${zh}`, `${COLUMNS[key][0]}: ${en}`),
    });
  const text = (key: ColumnKey) => {
    const raw = cell(key);
    const bad = controlProblem(raw);
    if (bad && !bad.ok) {
      fail(key, bad.error.zh, bad.error.en);
      return '';
    }
    return textOf(raw);
  };
  const date = (key: ColumnKey): string | null => {
    if (text(key) === '') return null;
    const d = readDate(cell(key));
    if (!d.ok) {
      fail(key, d.error.zh, d.error.en);
      return null;
    }
    return d.value;
  };
  const kindText = text('kind');
  const kind = kindText ? readPatentKind(kindText) : null;
  if (kindText && !kind)
    fail(
      'kind',
      `「${kindText}」应为 发明、实用新型 或 外观设计`,
      `"${kindText}" must be 发明, 实用新型 or 外观设计`,
    );
  const appNoText = text('appNo');
  let appNo = '';
  let numberKind: PatentKind | null = null;
  if (!appNoText) fail('appNo', '必填', 'required');
  else {
    const n = checkApplicationNumber(appNoText, kind, today);
    if (n.ok) [appNo, numberKind] = [n.value, n.kind];
    else fail('appNo', n.reason.zh, n.reason.en);
  }
  const title = text('title');
  if (!title) fail('title', '必填', 'required');
  else if (title.length > 500) fail('title', '不得超过 500 个字符', 'must be at most 500 characters');
  const applicants = splitNames(text('applicants'));
  if (applicants.length === 0) fail('applicants', '必填', 'required');
  const filedOn = date('filedOn');
  if (!filedOn && text('filedOn') === '') fail('filedOn', '必填', 'required');
  const publishedOn = date('publishedOn');
  const grantedOn = date('grantedOn');
  if (filedOn && grantedOn && grantedOn < filedOn)
    fail('grantedOn', '早于申请日', 'is before the filing date');
  const statusText = text('status');
  let status = statusText ? readPatentStatus(statusText) : grantedOn ? 'granted' : 'pending';
  if (!status) fail('status', `「${statusText}」无法识别`, `"${statusText}" is not a known legal status`);
  if (status === 'pending' && grantedOn) status = 'granted';
  const usccText = text('uscc');
  let uscc: string | null = null;
  if (usccText) {
    const u = validateUscc(usccText);
    if (u.ok) uscc = u.value;
    else fail('uscc', u.reason.zh, u.reason.en);
  }
  const statusOn = date('statusOn');
  if (errors.length > 0 || !numberKind || !filedOn || !status) return { ok: false, errors };
  return {
    ok: true,
    value: {
      row,
      appNo,
      kind: kind ?? numberKind,
      title,
      applicants,
      inventors: splitNames(text('inventors')).join('；'),
      filedOn,
      publishedOn,
      grantedOn,
      status,
      statusOn,
      ipcMain: text('ipcMain').replace(/\s+/g, '').toUpperCase() || null,
      address: text('address') || null,
      uscc,
    },
  };
}

/** Whether a status ends the patent (or application) on the day it took effect. */
export const isEnding = (s: PatentStatus) => ENDING_STATUSES.includes(s);
