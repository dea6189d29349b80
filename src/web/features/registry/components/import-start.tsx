import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Radio, Space, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { downloadFile } from '../../../app/api-client';
import { useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import {
  IMPORT_KINDS,
  type ImportKind,
  importPaths,
  importToastKey,
  MAX_IMPORT_BYTES,
  useStartImport,
} from '../import-api';

const MB = 1024 * 1024;
const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Step 1 of an import: choose what the file holds, fetch the template, drop the file. Files the
 * server would refuse (not .xlsx, over 20 MB, empty) are refused here with the reason, unsent.
 */
export function ImportStart() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const start = useStartImport();
  const [kind, setKind] = useState<ImportKind>('organizations');
  const [refusal, setRefusal] = useState<string | null>(null);

  const check = (file: File): string | null => {
    if (!/\.xlsx$/i.test(file.name)) {
      return /\.(xls|csv|et|wps)$/i.test(file.name)
        ? t('registry.import.oldFormat', { name: file.name })
        : t('registry.import.notXlsx', { name: file.name });
    }
    if (file.size > MAX_IMPORT_BYTES)
      return t('registry.import.tooLarge', { name: file.name, size: (file.size / MB).toFixed(1) });
    if (file.size === 0) return t('registry.import.emptyFile', { name: file.name });
    return null;
  };

  const upload = (file: File) => {
    const problem = check(file);
    setRefusal(problem);
    if (problem) return;
    start.mutate(
      { kind, file },
      {
        onSuccess: (job) => {
          // Shown while the file is checked; the job's page closes it when the check ends.
          message.open({
            key: importToastKey(job.id),
            type: 'loading',
            content: t('registry.import.uploaded', { name: file.name }),
            duration: 0,
          });
          navigate(`/registry/imports/${job.id}`);
        },
        onError: (error) => onError(error),
      },
    );
  };

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.registry.import')}</h2>}>
      <div style={{ display: 'grid', gap: 20, maxWidth: 880 }}>
        <section aria-labelledby="import-kind">
          <Typography.Title level={3} id="import-kind" style={{ fontSize: 15 }}>
            {t('registry.import.step1')}
          </Typography.Title>
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value as ImportKind)}
            optionType="button"
            buttonStyle="solid"
            options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`registry.import.kind.${k}`) }))}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t(`registry.import.kindHint.${kind}`)}
          </Typography.Paragraph>
        </section>
        <section aria-labelledby="import-template">
          <Typography.Title level={3} id="import-template" style={{ fontSize: 15 }}>
            {t('registry.import.step2')}
          </Typography.Title>
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => downloadFile(importPaths.template(kind))}>
              {t('registry.import.template', { kind: t(`registry.import.kind.${kind}`) })}
            </Button>
            <Typography.Text type="secondary">{t('registry.import.templateHint')}</Typography.Text>
          </Space>
        </section>
        <section aria-labelledby="import-upload">
          <Typography.Title level={3} id="import-upload" style={{ fontSize: 15 }}>
            {t('registry.import.step3')}
          </Typography.Title>
          {refusal && (
            <Alert
              type="error"
              showIcon
              title={refusal}
              closable={{ onClose: () => setRefusal(null) }}
              style={{ marginBottom: 12 }}
              data-testid="import-refusal"
            />
          )}
          <Spin spinning={start.isPending} description={t('registry.import.uploading')}>
            <Upload.Dragger
              // The dialog offers .xlsx first, but every file reaches beforeUpload: one dropped by
              // mistake gets a reason instead of being silently ignored.
              accept={{ format: XLSX_ACCEPT, filter: 'native' }}
              multiple={false}
              showUploadList={false}
              disabled={start.isPending}
              beforeUpload={(file) => {
                upload(file);
                // The upload is ours (with the CSRF header); antd's own request is not used.
                return Upload.LIST_IGNORE;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">
                {t('registry.import.drop', { kind: t(`registry.import.kind.${kind}`) })}
              </p>
              <p className="ant-upload-hint">{t('registry.import.dropHint')}</p>
            </Upload.Dragger>
          </Spin>
        </section>
      </div>
    </Card>
  );
}
