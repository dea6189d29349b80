import { DownloadOutlined, EyeOutlined, FileOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, List, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ORG_KIND_NAMES, type OrgKind } from '../../../../domain/registry';
import { formatDateTime } from '../../../app/format';
import { useMsg, useT } from '../../../app/i18n';
import { projectPaths, type ReviewDetail, type ReviewedApplication } from '../api';
import { useFieldName, wanColumn, wanText } from '../format';

type Attachment = ReviewedApplication['attachments'][number];
const PREVIEW: Record<string, 'pdf' | 'image'> = {
  'application/pdf': 'pdf',
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
};
/** Form keys the applicant fills, in the order of the form (others follow, as entered). */
const FORM_KEYS = [
  'goals',
  'orgName',
  'uscc',
  'address',
  'contactPerson',
  'contactPhone',
  'startOn',
  'endOn',
];

const size = (n: number) =>
  n >= 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;

/** A value of the free form: text as written; a list of rows (budget, team) as a table. */
function FormValue({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === '') return <>—</>;
  if (Array.isArray(value) && value.every((r) => typeof r === 'object' && r !== null)) {
    const keys = [...new Set(value.flatMap((r) => Object.keys(r as object)))];
    return (
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={value as Record<string, unknown>[]}
        columns={keys.map((k) => ({ title: k, key: k, render: (_, r) => String(r[k] ?? '—') }))}
      />
    );
  }
  return (
    <span style={{ whiteSpace: 'pre-wrap' }}>
      {typeof value === 'string' ? value : JSON.stringify(value)}
    </span>
  );
}

/**
 * The application as the expert reads it beside the score sheet: every section filled, the amount
 * asked for, the applicant's 一企一档 in brief, and the attachments shown in the page (PDF and
 * images) or downloaded (Word, Excel). Every view and download is recorded by the server.
 */
export function ReviewApplication({ review }: { review: ReviewDetail }) {
  const t = useT();
  const app = review.application;
  if (!app)
    return (
      <Card title={t('projects.review.application')}>
        <Alert type="info" showIcon title={t(`projects.review.withheld.${review.withheld ?? 'declare'}`)} />
        <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>
          <Typography.Text strong>{t('projects.app.summary')}：</Typography.Text>
          {review.summary ?? '—'}
        </Typography.Paragraph>
      </Card>
    );
  return (
    <Card title={t('projects.review.application')} styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        items={[
          { key: 'form', label: t('projects.review.tab.form'), children: <FormTab app={app} /> },
          {
            key: 'files',
            label: `${t('projects.review.tab.files')}（${app.attachments.length}）`,
            children: <FilesTab reviewId={review.id} files={app.attachments} />,
          },
          { key: 'org', label: t('projects.review.tab.org'), children: <OrgTab app={app} /> },
        ]}
      />
    </Card>
  );
}

function FormTab({ app }: { app: ReviewedApplication }) {
  const t = useT();
  const fieldName = useFieldName();
  const known = new Set(FORM_KEYS);
  const label = (k: string) =>
    known.has(k)
      ? t(`projects.app.${k}` as 'projects.app.goals')
      : k === 'budget'
        ? t('projects.review.budget')
        : k === 'team'
          ? t('projects.review.team')
          : k;
  const keys = [
    ...FORM_KEYS.filter((k) => k in app.form),
    ...Object.keys(app.form).filter((k) => !known.has(k)),
  ];
  return (
    <Descriptions column={1} size="small" bordered styles={{ label: { width: 140 } }}>
      <Descriptions.Item label={t('projects.app.title')}>{app.title}</Descriptions.Item>
      <Descriptions.Item label={t('projects.app.field')}>{fieldName(app.field)}</Descriptions.Item>
      <Descriptions.Item label={t('projects.app.requestedAmount')}>
        {wanText(app.requestedAmount)}
      </Descriptions.Item>
      <Descriptions.Item label={t('projects.review.submittedOn')}>
        {formatDateTime(app.submittedAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('projects.app.summary')}>
        <FormValue value={app.summary} />
      </Descriptions.Item>
      {keys.map((k) => (
        <Descriptions.Item key={k} label={label(k)}>
          <FormValue value={app.form[k]} />
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function FilesTab({ reviewId, files }: { reviewId: string; files: Attachment[] }) {
  const t = useT();
  const first = files.find((f) => PREVIEW[f.mime]);
  const [shown, setShown] = useState<string | null>(first?.id ?? null);
  const current = files.find((f) => f.id === shown);
  if (files.length === 0) return <Empty description={t('projects.review.noFiles')} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <List
        size="small"
        bordered
        dataSource={files}
        renderItem={(f) => (
          <List.Item
            style={f.id === shown ? { background: '#e6f4ff' } : undefined}
            actions={[
              PREVIEW[f.mime] ? (
                <Button
                  key="view"
                  size="small"
                  type="link"
                  icon={<EyeOutlined />}
                  onClick={() => setShown(f.id)}
                >
                  {t('projects.review.view')}
                </Button>
              ) : null,
              <a key="dl" href={projectPaths.reviewAttachment(reviewId, f.id, true)} download>
                <DownloadOutlined /> {t('projects.review.download')}
              </a>,
            ].filter(Boolean)}
          >
            <Space>
              <FileOutlined />
              <span>{f.fileName}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {size(f.size)}
              </Typography.Text>
              {!PREVIEW[f.mime] && <Tag>{t('projects.review.downloadOnly')}</Tag>}
            </Space>
          </List.Item>
        )}
      />
      {current && PREVIEW[current.mime] === 'pdf' && (
        <iframe
          key={current.id}
          title={current.fileName}
          data-testid="attachment-preview"
          src={projectPaths.reviewAttachment(reviewId, current.id)}
          style={{ width: '100%', height: 640, border: '1px solid #d9d9d9', borderRadius: 6 }}
        />
      )}
      {current && PREVIEW[current.mime] === 'image' && (
        <img
          key={current.id}
          alt={current.fileName}
          data-testid="attachment-preview"
          src={projectPaths.reviewAttachment(reviewId, current.id)}
          style={{ maxWidth: '100%', border: '1px solid #d9d9d9', borderRadius: 6 }}
        />
      )}
    </Space>
  );
}

function OrgTab({ app }: { app: ReviewedApplication }) {
  const t = useT();
  const pick = useMsg();
  const p = app.applicant;
  if (!p) return <Empty />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t('projects.app.orgName')} span={2}>
          {p.name}
        </Descriptions.Item>
        <Descriptions.Item label={t('projects.app.uscc')}>{p.uscc}</Descriptions.Item>
        <Descriptions.Item label={t('projects.review.orgKind')}>
          {p.kind in ORG_KIND_NAMES ? pick(ORG_KIND_NAMES[p.kind as OrgKind]) : p.kind}
        </Descriptions.Item>
        <Descriptions.Item label={t('projects.review.region')}>{p.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('projects.review.foundedOn')}>{p.foundedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('projects.review.industry')} span={2}>
          {p.industryName ? `${p.industryCode} ${p.industryName}` : (p.industryCode ?? '—')}
        </Descriptions.Item>
        <Descriptions.Item label={t('projects.review.qualifications')} span={2}>
          {p.qualifications.length === 0
            ? '—'
            : p.qualifications.map((q) => (
                <Tag key={`${q.typeName}${q.issuedOn}`} color="blue">
                  {q.typeName}（
                  {q.validUntil ? t('projects.review.validUntil', { on: q.validUntil }) : q.issuedOn}）
                </Tag>
              ))}
        </Descriptions.Item>
      </Descriptions>
      <Table<(typeof p.stats)[number]>
        size="small"
        pagination={false}
        rowKey="year"
        dataSource={p.stats}
        locale={{ emptyText: t('projects.review.noStats') }}
        columns={[
          { title: t('projects.review.year'), dataIndex: 'year', key: 'year', width: 70 },
          wanColumn(t('projects.review.revenue'), 'rev', (s) => s.revenue),
          wanColumn(t('projects.review.rdExpense'), 'rd', (s) => s.rdExpense),
          {
            title: t('projects.review.staff'),
            key: 'staff',
            align: 'right',
            render: (_, s) => s.staff ?? '—',
          },
          {
            title: t('projects.review.stStaff'),
            key: 'st',
            align: 'right',
            render: (_, s) => s.stStaff ?? '—',
          },
        ]}
      />
    </Space>
  );
}
