import { auditActionLabel } from '../../../../domain/audit-labels';
import type { AUDIT_OUTCOMES, AuditEntry } from '../../../../domain/contracts/admin';
import { type Msg, msg } from '../../../../domain/message';
import { ROLE_CODES, ROLE_NAMES, type RoleCode } from '../../../../domain/roles';

export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

const CHINA_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant in China Standard Time, whatever the auditor's computer is set to: the log is read
 * against the bureau's own clock (and the date filter means China days).
 */
export function chinaTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(CHINA_TIME.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** Field names found in entries' details, as the auditor reads them. Unknown ones show as-is. */
const FIELD_LABELS: Record<string, Msg> = {
  status: msg('状态', 'Status'),
  code: msg('代码', 'Code'),
  path: msg('请求路径', 'Path'),
  filters: msg('筛选条件', 'Filters'),
  name: msg('名称', 'Name'),
  title: msg('标题', 'Title'),
  fileName: msg('文件名', 'File name'),
  username: msg('用户名', 'Username'),
  displayName: msg('姓名', 'Name'),
  role: msg('角色', 'Role'),
  regionCode: msg('区域', 'Region'),
  state: msg('状态', 'State'),
  version: msg('版本', 'Version'),
  reason: msg('理由', 'Reason'),
  permissions: msg('权限', 'Permissions'),
  deniedAction: msg('被拒绝的操作', 'Refusal'),
  coalesced: msg('合并计数', 'Counted together'),
  from: msg('起', 'From'),
  to: msg('止', 'To'),
  firstRequestId: msg('首个请求编号', 'First request id'),
  lastRequestId: msg('末个请求编号', 'Last request id'),
  entries: msg('条数', 'Entries'),
  firstId: msg('起始记录', 'First entry'),
  lastId: msg('截止记录', 'Last entry'),
  cutoff: msg('归档截止时间', 'Archived before'),
  retentionMonths: msg('保存月数', 'Retention (months)'),
  contentSha256: msg('归档摘要 (SHA-256)', 'Archive digest (SHA-256)'),
  archiveId: msg('归档编号', 'Archive'),
};

export function fieldLabel(key: string): Msg {
  return FIELD_LABELS[key] ?? msg(key, key);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function isRoleCode(value: string): value is RoleCode {
  return (ROLE_CODES as readonly string[]).includes(value);
}

/** One value of an entry's details as text: instants in China time, codes by their names. */
export function formatValue(key: string, value: unknown, pick: (m: Msg) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return pick(value ? msg('是', 'yes') : msg('否', 'no'));
  if (typeof value === 'string') {
    if (key === 'role' && isRoleCode(value)) return pick(ROLE_NAMES[value]);
    if (key === 'deniedAction') return pick(auditActionLabel(value));
    return ISO_INSTANT.test(value) ? chinaTime(value) : value;
  }
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? '—' : value.map((v) => formatValue(key, v, pick)).join('、');
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${pick(fieldLabel(k))}：${formatValue(k, v, pick)}`)
      .join('；');
  return String(value);
}

export interface DetailRow {
  key: string;
  before?: unknown;
  after?: unknown;
  changed: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An entry's before/after as rows of fields; a value that is no object is one row. */
export function detailRows(entry: Pick<AuditEntry, 'before' | 'after'>): DetailRow[] {
  const { before, after } = entry;
  if (!isRecord(before) && !isRecord(after)) {
    if (before == null && after == null) return [];
    return [{ key: '', before, after, changed: JSON.stringify(before) !== JSON.stringify(after) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((key) => ({
    key,
    before: b[key],
    after: a[key],
    changed: before != null && JSON.stringify(b[key]) !== JSON.stringify(a[key]),
  }));
}
