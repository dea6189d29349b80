import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Modal, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import type { ImportResult } from '../../../../domain/contracts/finance';
import { api, downloadFile } from '../../../app/api-client';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';

/**
 * 导入授信记录: a bank's spreadsheet of credit lines, checked first (nothing written), then
 * imported — all rows, or only the valid ones when asked.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    const body = new FormData();
    body.append('file', file);
    setBusy(true);
    try {
      const r = await api.post<ImportResult>(
        `/api/v1/finance/records/import?dryRun=${dryRun}&validOnly=${validOnly}`,
        body,
      );
      setResult(r);
      if (r.inserted > 0) await queryClient.invalidateQueries({ queryKey: ['finance'] });
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('finance.import')} footer={null} onCancel={onClose} width={760}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Button onClick={() => downloadFile('/api/v1/finance/records/import/template.xlsx')}>
            {t('finance.importTemplate')}
          </Button>
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
            <Button icon={<UploadOutlined />}>{t('finance.importChoose')}</Button>
          </Upload>
        </Space>
        <Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)}>
          {t('finance.importValidOnly')}
        </Checkbox>
        <Space>
          <Button disabled={!file} loading={busy} onClick={() => send(true)}>
            {t('finance.importCheck')}
          </Button>
          <Button type="primary" disabled={!file} loading={busy} onClick={() => send(false)}>
            {t('finance.importRun')}
          </Button>
        </Space>
        {result && (
          <Alert
            type={result.errors.length ? 'warning' : 'success'}
            showIcon
            title={t('finance.importSummary', {
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
              { title: t('finance.importRow'), dataIndex: 'row', width: 70 },
              { title: t('finance.importColumn'), dataIndex: 'column', width: 180 },
              { title: t('finance.importProblem'), key: 'm', render: (_, e) => pickMsg(e.message) },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
