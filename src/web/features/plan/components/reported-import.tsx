import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Table, type TableColumnsType, Typography, Upload } from 'antd';
import { downloadFile } from '../../../app/api-client';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type ImportRowError, planPaths, ReportedImportError, useImportReported } from '../api';

/** The server refuses larger files; saying so first saves the upload. */
const MAX_BYTES = 10 * 1024 * 1024;

/** 下载模板 and 导入: the buttons for the page's toolbar. */
export function ReportedImportButtons({ onRefused }: { onRefused: (errors: RefusedImport) => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const importFile = useImportReported();

  const upload = (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) {
      message.error(t('plan.import.notXlsx', { name: file.name }));
      return;
    }
    if (file.size > MAX_BYTES) {
      message.error(t('plan.import.tooLarge', { name: file.name }));
      return;
    }
    importFile.mutate(file, {
      onSuccess: (r) =>
        message.success(t('plan.import.done', { imported: r.imported, superseded: r.superseded })),
      onError: (error) => {
        if (error instanceof ReportedImportError && error.rowErrors.length > 0) {
          onRefused({ name: file.name, errors: error.rowErrors });
          return;
        }
        onError(error);
      },
    });
  };

  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => downloadFile(planPaths.reportedTemplate)}>
        {t('plan.import.template')}
      </Button>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        multiple={false}
        beforeUpload={(file) => {
          upload(file);
          // Sent by our own request (with the CSRF header), not antd's.
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined />} loading={importFile.isPending}>
          {t('plan.import.upload')}
        </Button>
      </Upload>
    </>
  );
}

export interface RefusedImport {
  name: string;
  errors: ImportRowError[];
}

/** Why an import wrote nothing: every problem by Excel row and column, to fix in the file. */
export function RefusedImportPanel({ refused, onClose }: { refused: RefusedImport; onClose: () => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const columns: TableColumnsType<ImportRowError> = [
    { title: t('registry.import.row'), dataIndex: 'row', key: 'row', width: 80, align: 'right' },
    { title: t('registry.import.column'), dataIndex: 'column', key: 'column', width: 160 },
    {
      title: t('registry.import.problem'),
      dataIndex: 'message',
      key: 'message',
      render: (m: ImportRowError['message']) => <Typography.Text type="danger">{pickMsg(m)}</Typography.Text>,
    },
  ];
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      title={t('plan.import.refused', { name: refused.name, count: refused.errors.length })}
      description={
        <Table<ImportRowError>
          rowKey={(e) => `${e.row}-${e.column}-${e.message.zh}`}
          size="small"
          columns={columns}
          dataSource={refused.errors}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          data-testid="import-errors"
          style={{ marginTop: 8 }}
        />
      }
    />
  );
}
