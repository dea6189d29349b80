/**
 * Cells the lists share, kept narrow so a list's main columns fit a 1366-px screen: a record's
 * name over its code, and dates shown as the day with the exact time on hover.
 */
import { Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../format';

/** A record's name (a link when it opens) over its code (统一社会信用代码, 证书编号) in small type. */
export function NameCell({ to, name, code }: { to?: string; name: ReactNode; code?: ReactNode }) {
  return (
    <Space orientation="vertical" size={0}>
      {to ? <Link to={to}>{name}</Link> : name}
      {code && (
        <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
          {code}
        </Typography.Text>
      )}
    </Space>
  );
}

/** A timestamp as its day (2017-03-01), the time to the second on hover. */
export function DayCell({ value }: { value: string | null | undefined }) {
  if (!value) return '—';
  const d = dayjs(value);
  if (!d.isValid()) return value;
  return (
    <span title={formatDateTime(value)} style={{ whiteSpace: 'nowrap' }}>
      {d.format('YYYY-MM-DD')}
    </span>
  );
}

/** A time window on one line, minutes only: 2025-03-01 09:00 — 03-31 17:00 (the year once when shared). */
export function WindowCell({ from, to }: { from: string; to: string }) {
  const a = dayjs(from);
  const b = dayjs(to);
  const end = a.year() === b.year() ? b.format('MM-DD HH:mm') : b.format('YYYY-MM-DD HH:mm');
  return (
    <span title={`${formatDateTime(from)} — ${formatDateTime(to)}`} style={{ whiteSpace: 'nowrap' }}>
      {a.format('YYYY-MM-DD HH:mm')} — {end}
    </span>
  );
}

/** A column of a count or year that may be missing (shown as —), right-aligned when a count. */
export function orNoneColumn<T>(title: string, key: keyof T & string, align?: 'right') {
  return { title, dataIndex: key, key, align, render: (v: number | null) => v ?? '—' };
}
