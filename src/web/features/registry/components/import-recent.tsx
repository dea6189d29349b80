import { Card, Table, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { type ImportJob, useImportJobs } from '../import-api';

export const STATUS_COLOR: Record<ImportJob['status'], string> = {
  validating: 'processing',
  validated: 'warning',
  committing: 'processing',
  done: 'success',
  failed: 'error',
};

/** The user's recent imports, so an unfinished one (validated, never confirmed) is easy to find again. */
export function ImportRecent() {
  const t = useT();
  const jobs = useImportJobs();
  if (!jobs.data || jobs.data.length === 0) return null;

  const columns: TableColumnsType<ImportJob> = [
    {
      title: t('registry.import.file'),
      dataIndex: 'fileName',
      key: 'fileName',
      render: (name: string, job) => <Link to={`/registry/imports/${job.id}`}>{name}</Link>,
    },
    {
      title: t('registry.import.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: ImportJob['kind']) => t(`registry.import.kind.${k}`),
    },
    {
      title: t('registry.import.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: ImportJob['status']) => (
        <Tag color={STATUS_COLOR[s]}>{t(`registry.import.status.${s}`)}</Tag>
      ),
    },
    { title: t('registry.import.rows'), dataIndex: 'totalRows', key: 'totalRows', align: 'right' },
    {
      title: t('registry.import.result'),
      key: 'result',
      render: (_, job) =>
        job.status === 'done'
          ? t('registry.import.resultShort', { inserted: job.inserted, updated: job.updated })
          : '—',
    },
    {
      title: t('registry.import.uploadedAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: formatDateTime,
    },
  ];

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('registry.import.recent')}</h2>}>
      <Table<ImportJob>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={jobs.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
