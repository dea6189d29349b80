import { Alert, Button, Checkbox, Popconfirm, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type ImportCommitBody, type ImportJob, useCommitImport } from '../import-api';

/**
 * The user's choice after validation: add only, or add and update by 统一社会信用代码; with errors,
 * nothing is written unless they choose to import only the valid rows.
 */
export function ImportCommitPanel({ job }: { job: ImportJob }) {
  const t = useT();
  const onError = useApiErrorHandler();
  const commit = useCommitImport(job.id);
  const [mode, setMode] = useState<ImportCommitBody['mode']>('add');
  const [validOnly, setValidOnly] = useState(false);
  const hasErrors = job.errorCount > 0;
  const blocked = job.validRows === 0 || (hasErrors && !validOnly);

  const onConfirm = () =>
    commit.mutate({ mode, validOnly: hasErrors && validOnly }, { onError: (e) => onError(e) });

  return (
    <section aria-labelledby="import-choice" style={{ display: 'grid', gap: 12 }}>
      <Typography.Title level={3} id="import-choice" style={{ fontSize: 15, margin: 0 }}>
        {t('registry.import.choiceTitle')}
      </Typography.Title>
      <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as ImportCommitBody['mode'])}>
        <Space orientation="vertical">
          <Radio value="add">
            {t('registry.import.modeAdd')}
            <Typography.Text type="secondary"> — {t('registry.import.modeAddHint')}</Typography.Text>
          </Radio>
          <Radio value="upsert">
            {t('registry.import.modeUpsert')}
            <Typography.Text type="secondary"> — {t('registry.import.modeUpsertHint')}</Typography.Text>
          </Radio>
        </Space>
      </Radio.Group>
      {hasErrors && (
        <>
          <Alert
            type={validOnly ? 'warning' : 'error'}
            showIcon
            title={
              validOnly
                ? t('registry.import.validOnlyOn', { valid: job.validRows, total: job.totalRows })
                : t('registry.import.blockedByErrors', { count: job.errorCount })
            }
          />
          <Checkbox
            checked={validOnly}
            onChange={(e) => setValidOnly(e.target.checked)}
            disabled={job.validRows === 0}
          >
            {t('registry.import.validOnly', { valid: job.validRows })}
          </Checkbox>
        </>
      )}
      {job.validRows === 0 && <Alert type="error" showIcon title={t('registry.import.noValidRows')} />}
      <div>
        <Popconfirm
          title={t('registry.import.confirmTitle')}
          description={t(mode === 'add' ? 'registry.import.confirmAdd' : 'registry.import.confirmUpsert', {
            rows: job.validRows,
          })}
          okText={t('registry.import.commit')}
          cancelText={t('common.cancel')}
          onConfirm={onConfirm}
          disabled={blocked}
        >
          <Button type="primary" disabled={blocked} loading={commit.isPending}>
            {t('registry.import.commit')}
          </Button>
        </Popconfirm>
      </div>
    </section>
  );
}
