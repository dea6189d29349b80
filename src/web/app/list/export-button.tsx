import { DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button } from 'antd';
import { downloadFile, type QueryParams, withQuery } from '../api-client';
import { useT } from '../i18n';

/** 导出Excel: the list's own filters, as a plain download the browser streams to disk. */
export function ExportButton({ path, query }: { path: string; query?: QueryParams }) {
  const t = useT();
  const { message } = AntApp.useApp();
  return (
    <Button
      icon={<DownloadOutlined />}
      onClick={() => {
        downloadFile(withQuery(path, query));
        message.info(t('list.exportStarted'));
      }}
    >
      {t('list.export')}
    </Button>
  );
}
