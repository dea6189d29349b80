import { DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Progress, Space } from 'antd';
import { useState } from 'react';
import { type Locale, pick } from '../../../domain/message';
import { downloadFile, errorMessage, type QueryParams, withQuery } from '../api-client';
import { type TFunction, useLocale, useT } from '../i18n';
import { exportJob, exportJobFile, listOfExport, startExportJob, useExportKinds } from './export-jobs';
import { MyExportsButton } from './my-exports';

const POLL_MS = 1_000;

/**
 * 导出Excel with the list's own filters. A list whose export runs as a background job starts one
 * and shows its progress in a notification, then downloads the file when it is ready; any other
 * export is a plain download the browser streams to disk.
 */
export function ExportButton({ path, query }: { path: string; query?: QueryParams }) {
  const t = useT();
  const { locale } = useLocale();
  const { message, notification } = AntApp.useApp();
  const kinds = useExportKinds();
  const [starting, setStarting] = useState(false);
  const list = listOfExport(path);
  const asJob = list !== null && kinds.data?.has(list);

  async function runJob(list: string) {
    setStarting(true);
    let id: string;
    try {
      id = (await startExportJob(list, query)).id;
    } catch (e) {
      message.error(errorMessage(e, locale));
      return;
    } finally {
      setStarting(false);
    }
    await followJob(id, { notification, t, locale });
  }

  const button = (
    <Button
      icon={<DownloadOutlined />}
      loading={starting || (list !== null && kinds.isLoading)}
      onClick={() => {
        if (asJob && list) void runJob(list);
        else {
          downloadFile(withQuery(path, query));
          message.info(t('list.exportStarted'));
        }
      }}
    >
      {t('list.export')}
    </Button>
  );
  return asJob ? (
    <Space.Compact>
      {button}
      <MyExportsButton />
    </Space.Compact>
  ) : (
    button
  );
}

type Notify = ReturnType<typeof AntApp.useApp>['notification'];

/** Polls a job, showing its progress under one notification, and downloads its file when done. */
async function followJob(id: string, ui: { notification: Notify; t: TFunction; locale: Locale }) {
  const { notification, t, locale } = ui;
  const key = `export-${id}`;
  const show = (done: number, total: number | null, queued: boolean) =>
    notification.open({
      key,
      duration: 0,
      title: t('list.exportRunning'),
      description: (
        <div data-testid="export-progress">
          <Progress
            percent={total ? Math.min(99, Math.floor((done / Math.max(total, 1)) * 100)) : 0}
            status="active"
            size="small"
          />
          {queued
            ? t('list.exportQueued')
            : total === null
              ? t('list.exportRowsDone', { done })
              : t('list.exportRowsOf', { done, total })}
        </div>
      ),
    });
  show(0, null, true);
  let failures = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    let job: Awaited<ReturnType<typeof exportJob>>;
    try {
      job = await exportJob(id);
      failures = 0;
    } catch (e) {
      // A moment without the server (a restart) is waited out; the job survives it.
      if (++failures < 10) continue;
      notification.error({
        key,
        duration: 0,
        title: t('list.exportFailed'),
        description: errorMessage(e, locale),
      });
      return;
    }
    if (job.status === 'queued' || job.status === 'running') {
      show(job.progress.done, job.progress.total, job.status === 'queued');
      continue;
    }
    if (job.status === 'done') {
      downloadFile(exportJobFile(id), job.fileName);
      notification.success({
        key,
        duration: 10,
        title: t('list.exportDone'),
        description: (
          <Space orientation="vertical" size={4}>
            <span>{t('list.exportDoneRows', { rows: job.progress.done, name: job.fileName })}</span>
            <Button
              size="small"
              type="link"
              style={{ padding: 0 }}
              onClick={() => downloadFile(exportJobFile(id), job.fileName)}
            >
              {t('list.exportDownloadAgain')}
            </Button>
          </Space>
        ),
      });
      return;
    }
    notification.error({
      key,
      duration: 0,
      title: t('list.exportFailed'),
      description: job.message ? pick(job.message, locale) : t('error.unknown'),
    });
    return;
  }
}
