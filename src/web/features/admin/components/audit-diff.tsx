import { Col, Descriptions, Row, Tag, Typography, theme } from 'antd';
import type { AuditEntry } from '../../../../domain/contracts/admin';
import { useT } from '../../../app/i18n';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Top-level keys whose value differs between before and after. */
function changedKeys(before: unknown, after: unknown): string[] {
  if (!isRecord(before) && !isRecord(after)) return [];
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
}

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  const t = useT();
  const { token } = theme.useToken();
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Typography.Text strong>{title}</Typography.Text>
      </figcaption>
      <pre
        style={{
          margin: '8px 0 0',
          padding: 12,
          background: token.colorFillQuaternary,
          borderRadius: token.borderRadius,
          maxHeight: 360,
          overflow: 'auto',
          fontSize: 12,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
        }}
      >
        {value === null || value === undefined ? t('audit.none') : JSON.stringify(value, null, 2)}
      </pre>
    </figure>
  );
}

export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const changed = changedKeys(entry.before, entry.after);
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'target', label: t('audit.targetId'), children: entry.targetId ?? '—' },
          { key: 'request', label: t('audit.requestId'), children: entry.requestId ?? '—' },
          {
            key: 'hash',
            label: t('audit.hash'),
            children: <Typography.Text code>{entry.hash}</Typography.Text>,
          },
          {
            key: 'changed',
            label: t('audit.changedFields'),
            children: changed.length ? changed.map((k) => <Tag key={k}>{k}</Tag>) : '—',
          },
        ]}
      />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <JsonBlock title={t('audit.before')} value={entry.before} />
        </Col>
        <Col xs={24} md={12}>
          <JsonBlock title={t('audit.after')} value={entry.after} />
        </Col>
      </Row>
    </div>
  );
}
