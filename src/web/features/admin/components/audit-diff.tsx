import { Descriptions, Table, Typography } from 'antd';
import { auditActionLabel, auditObjectLabel } from '../../../../domain/audit-labels';
import type { AuditEntry } from '../../../../domain/contracts/admin';
import { useMsg, useT } from '../../../app/i18n';
import { type DetailRow, detailRows, fieldLabel, formatValue } from './audit-format';

/**
 * One entry laid open: its object, request and hash, then its details as a table of fields —
 * before and after side by side for a change, the recorded facts alone for a read or a refusal.
 */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const pickMsg = useMsg();
  const rows = detailRows(entry);
  const isChange = entry.before != null;
  const named = (entry.after as { name?: unknown } | null)?.name;
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'target',
            label: t('audit.targetId'),
            children: entry.targetType
              ? `${pickMsg(auditObjectLabel(entry.targetType))}${typeof named === 'string' ? `「${named}」` : ''} ${entry.targetId ?? ''}`
              : (entry.targetId ?? '—'),
          },
          {
            key: 'action',
            label: t('audit.actionCode'),
            children: (
              <span>
                {pickMsg(auditActionLabel(entry.action))}{' '}
                <Typography.Text code>{entry.action}</Typography.Text>
              </span>
            ),
          },
          { key: 'request', label: t('audit.requestId'), children: entry.requestId ?? '—' },
          {
            key: 'hash',
            label: t('audit.hash'),
            children: <Typography.Text code>{entry.hash}</Typography.Text>,
          },
        ]}
      />
      <Table<DetailRow>
        size="small"
        rowKey="key"
        pagination={false}
        locale={{ emptyText: t('audit.none') }}
        dataSource={rows}
        rowClassName={(row) => (row.changed ? 'audit-changed' : '')}
        columns={[
          {
            title: t('audit.field'),
            dataIndex: 'key',
            width: 180,
            render: (key: string, row) => (
              <Typography.Text strong={row.changed}>{key ? pickMsg(fieldLabel(key)) : '—'}</Typography.Text>
            ),
          },
          ...(isChange
            ? [
                {
                  title: t('audit.before'),
                  key: 'before',
                  render: (_: unknown, row: DetailRow) => formatValue(row.key, row.before, pickMsg),
                },
              ]
            : []),
          {
            title: isChange ? t('audit.after') : t('audit.details'),
            key: 'after',
            render: (_: unknown, row: DetailRow) => formatValue(row.key, row.after, pickMsg),
          },
        ]}
      />
    </div>
  );
}
