import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Progress,
  Result,
  Skeleton,
  Space,
  Statistic,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../../app/api-client';
import { formatDateTime } from '../../../app/format';
import { useMsg, useT } from '../../../app/i18n';
import { registryKeys } from '../api';
import { type ImportJob, importToastKey, isWorking, useImportJob } from '../import-api';
import { ImportCommitPanel } from './import-commit-panel';
import { ImportErrors } from './import-errors';
import { STATUS_COLOR } from './import-recent';

const STEP: Record<ImportJob['status'], number> = {
  validating: 1,
  validated: 2,
  committing: 3,
  done: 4,
  failed: 4,
};

function JobProgress({ job }: { job: ImportJob }) {
  const t = useT();
  const { processed, total } = job.progress;
  const text =
    job.status === 'validating'
      ? t('registry.import.validatingRows', { processed })
      : t('registry.import.committingRows', { total: job.validRows });
  // The row count is unknown while the file is first read; the bar then only shows that work goes on.
  const percent = total ? Math.min(99, Math.floor((processed / total) * 100)) : 99;
  return (
    <div style={{ display: 'grid', gap: 8 }} aria-live="polite">
      <Progress
        percent={percent}
        status="active"
        showInfo={Boolean(total)}
        aria-label={text}
        data-testid="import-progress"
      />
      <Typography.Text type="secondary">{text}</Typography.Text>
    </div>
  );
}

function AnotherButton() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Button type="primary" icon={<UploadOutlined />} onClick={() => navigate('/registry/imports')}>
      {t('registry.import.another')}
    </Button>
  );
}

/** A job that is not this user's, or no job at all: imports are private to whoever uploaded them. */
export function ImportMissing() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('registry.import.notFound')}
      subTitle={t('registry.import.notFoundDetail')}
      extra={<AnotherButton />}
    />
  );
}

/** One import job, from validation through the user's choice to the result; polled while it works. */
export function ImportJobView({ id }: { id: string }) {
  const t = useT();
  const pickMsg = useMsg();
  const queryClient = useQueryClient();
  const job = useImportJob(id);
  const status = job.data?.status;

  // What was imported shows in every registry list at once.
  useEffect(() => {
    if (status === 'done') void queryClient.invalidateQueries({ queryKey: registryKeys.orgs() });
    if (status === 'done') void queryClient.invalidateQueries({ queryKey: registryKeys.qualifications() });
  }, [status, queryClient]);

  // The upload's "正在校验" toast goes when the check ends, or when the user leaves the page.
  const { message } = AntApp.useApp();
  const checking = status === undefined || status === 'validating';
  useEffect(() => {
    if (!checking) message.destroy(importToastKey(id));
  }, [checking, id, message]);
  useEffect(() => () => message.destroy(importToastKey(id)), [id, message]);

  const again = <AnotherButton />;

  if (job.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (job.isError) {
    if (isApiError(job.error) && (job.error.status === 404 || job.error.status === 400))
      return <ImportMissing />;
    return (
      <Result
        status="error"
        title={t('registry.import.loadFailed')}
        subTitle={job.error.message}
        extra={again}
      />
    );
  }

  const data = job.data;
  return (
    <Card
      title={
        <h2 style={{ margin: 0, fontSize: 16 }}>{t('registry.import.jobTitle', { name: data.fileName })}</h2>
      }
      extra={
        <Tag color={STATUS_COLOR[data.status]} data-testid="import-status">
          {t(`registry.import.status.${data.status}`)}
        </Tag>
      }
    >
      <div style={{ display: 'grid', gap: 20, gridTemplateColumns: 'minmax(0, 1fr)' }}>
        <Steps
          size="small"
          current={STEP[data.status]}
          status={data.status === 'failed' ? 'error' : data.status === 'done' ? 'finish' : 'process'}
          items={[
            { title: t('registry.import.stepUpload') },
            { title: t('registry.import.stepValidate') },
            { title: t('registry.import.stepConfirm') },
            { title: t('registry.import.stepCommit') },
            { title: t('registry.import.stepDone') },
          ]}
        />
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'kind',
              label: t('registry.import.kind'),
              children: t(`registry.import.kind.${data.kind}`),
            },
            {
              key: 'size',
              label: t('registry.import.size'),
              children: `${(data.bytes / 1024).toFixed(0)} KB`,
            },
            { key: 'at', label: t('registry.import.uploadedAt'), children: formatDateTime(data.createdAt) },
          ]}
        />
        {isWorking(data) && <JobProgress job={data} />}
        {(data.status === 'validated' || data.status === 'failed' || data.status === 'done') &&
          data.totalRows > 0 && (
            <Space size={48} wrap>
              <Statistic title={t('registry.import.totalRows')} value={data.totalRows} />
              <Statistic title={t('registry.import.validRows')} value={data.validRows} />
              <Statistic
                title={t('registry.import.errorCount')}
                value={data.errorCount}
                styles={{ content: data.errorCount > 0 ? { color: '#cf1322' } : undefined }}
              />
            </Space>
          )}
        {data.status === 'validated' && data.message && (
          <Alert type={data.errorCount > 0 ? 'warning' : 'success'} showIcon title={pickMsg(data.message)} />
        )}
        {data.status !== 'done' && <ImportErrors job={data} />}
        {data.status === 'validated' && <ImportCommitPanel job={data} />}
        {data.status === 'done' && (
          <Result
            status="success"
            title={t('registry.import.doneTitle')}
            subTitle={
              <>
                {t('registry.import.doneDetail', {
                  inserted: data.inserted,
                  updated: data.updated,
                  skipped: data.skipped,
                })}
                {data.errorCount > 0 && (
                  <div>{t('registry.import.doneErrorsLeft', { rows: data.totalRows - data.validRows })}</div>
                )}
              </>
            }
            extra={[
              again,
              <Link key="orgs" to="/registry/orgs">
                <Button>{t('registry.import.toOrgs')}</Button>
              </Link>,
            ]}
          />
        )}
        {data.status === 'done' && <ImportErrors job={data} />}
        {data.status === 'failed' && (
          <Result
            status="error"
            title={t('registry.import.failedTitle')}
            subTitle={data.message ? pickMsg(data.message) : t('registry.import.failedDetail')}
            extra={again}
          />
        )}
      </div>
    </Card>
  );
}
