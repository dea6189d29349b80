import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Modal, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import type { ContractImportResult } from '../../../../domain/contracts/tech-contracts';
import { api, downloadFile } from '../../../app/api-client';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';

/**
 * 导入外地登记合同: the provincial system's spreadsheet, checked first (nothing written), then
 * imported — all rows, or only the valid ones when asked.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [result, setResult] = useState<ContractImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    const body = new FormData();
    body.append('file', file);
    setBusy(true);
    try {
      const r = await api.post<ContractImportResult>(
        `/api/v1/contracts/import?dryRun=${dryRun}&validOnly=${validOnly}`,
        body,
      );
      setResult(r);
      if (r.inserted > 0) await queryClient.invalidateQueries({ queryKey: ['contracts'] });
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('contracts.import')} footer={null} onCancel={onClose} width={760}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Button onClick={() => downloadFile('/api/v1/contracts/import/template.xlsx')}>
            {t('contracts.importTemplate')}
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
            <Button icon={<UploadOutlined />}>{t('contracts.importChoose')}</Button>
          </Upload>
        </Space>
        <Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)}>
          {t('contracts.importValidOnly')}
        </Checkbox>
        <Space>
          <Button disabled={!file} loading={busy} onClick={() => send(true)}>
            {t('contracts.importCheck')}
          </Button>
          <Button type="primary" disabled={!file} loading={busy} onClick={() => send(false)}>
            {t('contracts.importRun')}
          </Button>
        </Space>
        {result && (
          <Alert
            type={result.errors.length ? 'warning' : 'success'}
            showIcon
            title={t('contracts.importSummary', {
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
              { title: t('contracts.importRow'), dataIndex: 'row', width: 70 },
              { title: t('contracts.importColumn'), dataIndex: 'column', width: 180 },
              { title: t('contracts.importProblem'), key: 'm', render: (_, e) => pickMsg(e.message) },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
