import { HistoryOutlined } from '@ant-design/icons';
import { Button, Drawer, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { ExportJob, ExportJobStatus } from '../../../domain/contracts/jobs';
import { downloadFile } from '../api-client';
import { formatDateTime } from '../format';
import { type MessageKey, useMsg, useT } from '../i18n';
import { exportJobFile, useMyExportJobs } from './export-jobs';

const STATUS: Record<ExportJobStatus, { key: MessageKey; color: string }> = {
  queued: { key: 'exports.status.queued', color: 'default' },
  running: { key: 'exports.status.running', color: 'processing' },
  done: { key: 'exports.status.done', color: 'success' },
  failed: { key: 'exports.status.failed', color: 'error' },
  expired: { key: 'exports.status.expired', color: 'default' },
};

/** 我的导出: the user's latest background exports, each file downloadable again until it expires. */
export function MyExportsButton() {
  const t = useT();
  const pick = useMsg();
  const [open, setOpen] = useState(false);
  const jobs = useMyExportJobs(open);
  return (
    <>
      <Tooltip title={t('exports.mine')}>
        <Button
          icon={<HistoryOutlined />}
          aria-label={t('exports.mine')}
          onClick={() => {
            setOpen(true);
            void jobs.refetch();
          }}
        />
      </Tooltip>
      <Drawer title={t('exports.mine')} open={open} onClose={() => setOpen(false)} size="large">
        <Table<ExportJob>
          rowKey="id"
          size="small"
          loading={jobs.isFetching && !jobs.data}
          dataSource={jobs.data?.items}
          pagination={false}
          columns={[
            { title: t('exports.file'), dataIndex: 'fileName' },
            {
              title: t('exports.status'),
              key: 'status',
              render: (_, j) => (
                <Tooltip title={j.message ? pick(j.message) : undefined}>
                  <Tag color={STATUS[j.status].color}>{t(STATUS[j.status].key)}</Tag>
                </Tooltip>
              ),
            },
            {
              title: t('exports.rows'),
              key: 'rows',
              align: 'right',
              render: (_, j) =>
                j.status === 'running' && j.progress.total !== null
                  ? `${j.progress.done} / ${j.progress.total}`
                  : j.progress.done,
            },
            { title: t('exports.created'), key: 'created', render: (_, j) => formatDateTime(j.createdAt) },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, j) =>
                j.status === 'done' ? (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => downloadFile(exportJobFile(j.id), j.fileName)}
                  >
                    {t('exports.download')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Drawer>
    </>
  );
}
