import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { IpRowError } from '../../../../domain/contracts/ip';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type IpImport, useImportJob, useImports, useStartImport } from '../api';
import { ReviewList } from '../components/review-list';

const STATUS_COLOR = { running: 'processing', done: 'green', failed: 'red' } as const;

function JobSummary({ job }: { job: IpImport }) {
  const t = useT();
  const pickMsg = useMsg();
  return (
    <div style={{ display: 'grid', gap: 12 }} aria-live="polite">
      <Space>
        <Tag color={STATUS_COLOR[job.status]}>{t(`ip.import.${job.status}`)}</Tag>
        <span>{job.fileName}</span>
        <span>{t('ip.import.progress', { rows: job.rowsRead })}</span>
      </Space>
      {job.status === 'running' && <Progress percent={99} status="active" showInfo={false} />}
      <Typography.Text>
        {t('ip.import.result', {
          inserted: job.inserted,
          updated: job.updated,
          events: job.events,
          errors: job.errorCount,
        })}
      </Typography.Text>
      {job.message && <Alert type="error" title={job.message} />}
      {job.errors.length > 0 && (
        <Table<IpRowError>
          size="small"
          rowKey={(e) => `${e.row}-${e.field}-${e.message.zh}`}
          dataSource={job.errors}
          pagination={{ pageSize: 10 }}
          title={() => t('ip.import.errors')}
          columns={[
            { title: t('ip.import.row'), dataIndex: 'row', width: 80 },
            { title: t('ip.import.field'), dataIndex: 'field', width: 140 },
            { title: t('ip.import.message'), key: 'm', render: (_, e) => pickMsg(e.message) },
          ]}
        />
      )}
    </div>
  );
}

/** 专利导入: upload an export, follow its progress, see its row errors, match its applicants. */
export function ImportPage() {
  const t = useT();
  const onError = useApiErrorHandler();
  const start = useStartImport();
  const imports = useImports();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useImportJob(jobId ?? imports.data?.items[0]?.id ?? null);
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.ip.import')}</h2>}>
        <div style={{ display: 'grid', gap: 16, maxWidth: 900 }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('ip.import.hint')}
          </Typography.Paragraph>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              start.mutate(file, { onSuccess: (j) => setJobId(j.id), onError: (e) => onError(e) });
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={start.isPending}>
              {t('ip.import.upload')}
            </Button>
          </Upload>
          {job.data && <JobSummary job={job.data} />}
        </div>
      </Card>
      <ReviewList />
    </div>
  );
}
