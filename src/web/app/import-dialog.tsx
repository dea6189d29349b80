import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Modal, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import type { Msg } from '../../domain/message';
import { api, downloadFile } from './api-client';
import { useMsg, useT } from './i18n';
import { useApiErrorHandler } from './use-api-error';

/** What a row-checked spreadsheet import answers (the contracts' and the finance records' alike). */
export interface SheetImportResult {
  totalRows: number;
  validRows: number;
  inserted: number;
  errors: { row: number; column: string; message: Msg }[];
}

/**
 * An import of records from a spreadsheet: the template to download, the file, a check first
 * (nothing written, every row and column error listed), then the import — all rows, or only the
 * valid ones when asked. `endpoint` takes the file with `dryRun` and `validOnly`; `queryKey` is
 * refreshed when rows were written.
 */
export function ImportDialog({
  title,
  endpoint,
  templatePath,
  queryKey,
  onClose,
}: {
  title: string;
  endpoint: string;
  templatePath: string;
  queryKey: readonly unknown[];
  onClose: () => void;
}) {
  const t = useT();
  const pickMsg = useMsg();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [result, setResult] = useState<SheetImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    const body = new FormData();
    body.append('file', file);
    setBusy(true);
    try {
      const r = await api.post<SheetImportResult>(
        `${endpoint}?dryRun=${dryRun}&validOnly=${validOnly}`,
        body,
      );
      setResult(r);
      if (r.inserted > 0) await queryClient.invalidateQueries({ queryKey });
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={title} footer={null} onCancel={onClose} width={760}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Button onClick={() => downloadFile(templatePath)}>{t('import.template')}</Button>
          <Upload
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setResult(null);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button icon={<UploadOutlined />}>{t('import.choose')}</Button>
          </Upload>
        </Space>
        <Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)}>
          {t('import.validOnly')}
        </Checkbox>
        <Space>
          <Button disabled={!file} loading={busy} onClick={() => send(true)}>
            {t('import.check')}
          </Button>
          <Button type="primary" disabled={!file} loading={busy} onClick={() => send(false)}>
            {t('import.run')}
          </Button>
        </Space>
        {result && (
          <Alert
            type={result.errors.length ? 'warning' : 'success'}
            showIcon
            title={t('import.summary', {
              total: String(result.totalRows),
              valid: String(result.validRows),
              inserted: String(result.inserted),
            })}
          />
        )}
        {result && result.errors.length > 0 && (
          <Table
            size="small"
            rowKey={(e) => `${e.row}-${e.column}`}
            pagination={{ pageSize: 10 }}
            dataSource={result.errors}
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 70 },
              { title: t('import.column'), dataIndex: 'column', width: 180 },
              { title: t('import.problem'), key: 'm', render: (_, e) => pickMsg(e.message) },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
