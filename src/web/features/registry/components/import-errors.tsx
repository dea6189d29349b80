import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Table, type TableColumnsType, Typography } from 'antd';
import { downloadFile } from '../../../app/api-client';
import { useMsg, useT } from '../../../app/i18n';
import type { ImportJob } from '../import-api';
import { importPaths } from '../import-api';

type RowError = ImportJob['errors'][number];

/** Every problem found, by Excel row and column, with the full list as a workbook to fix it in. */
export function ImportErrors({ job }: { job: ImportJob }) {
  const t = useT();
  const pickMsg = useMsg();
  if (job.errorCount === 0) return null;

  const columns: TableColumnsType<RowError> = [
    { title: t('registry.import.row'), dataIndex: 'row', key: 'row', width: 90, align: 'right' },
    { title: t('registry.import.column'), dataIndex: 'column', key: 'column', width: 200 },
    {
      title: t('registry.import.problem'),
      dataIndex: 'message',
      key: 'message',
      render: (m: RowError['message']) => <Typography.Text type="danger">{pickMsg(m)}</Typography.Text>,
    },
  ];

  return (
    <section
      aria-labelledby="import-errors"
      style={{ display: 'grid', gap: 8, gridTemplateColumns: 'minmax(0, 1fr)' }}
    >
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} id="import-errors" style={{ fontSize: 15, margin: 0 }}>
          {t('registry.import.errorsTitle', { count: job.errorCount })}
        </Typography.Title>
        <Button icon={<DownloadOutlined />} onClick={() => downloadFile(importPaths.errors(job.id))}>
          {t('registry.import.errorsDownload')}
        </Button>
      </Space>
      {job.errorCount > job.errors.length && (
        <Typography.Text type="secondary">
          {t('registry.import.errorsTruncated', { shown: job.errors.length, total: job.errorCount })}
        </Typography.Text>
      )}
      <Table<RowError>
        rowKey={(e) => `${e.row}-${e.column}-${e.message.zh}`}
        size="small"
        columns={columns}
        dataSource={job.errors}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        data-testid="import-errors"
      />
    </section>
  );
}
