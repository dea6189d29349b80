/** Sending an application: the 承诺书 ticked first, then the 申报书 of exactly what was sent. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { DECLARATION } from '../../../../domain/declaration';
import { formatDateTime } from '../../../app/format';
import { useLocale, useT } from '../../../app/i18n';
import { type ApplicationDetail, projectPaths } from '../api';

/** 承诺书: the applicant reads it and ticks it; only then can the application be sent. */
export function DeclarationModal({
  loading,
  onOk,
  onCancel,
}: {
  loading: boolean;
  onOk: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [ticked, setTicked] = useState(false);
  return (
    <Modal
      open
      width={640}
      title={t('projects.declaration.title')}
      okText={t('projects.declaration.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !ticked }}
      confirmLoading={loading}
      onOk={onOk}
      onCancel={onCancel}
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 12 }}>
        {locale === 'en' ? DECLARATION.en : DECLARATION.zh}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('projects.declaration.version', { version: DECLARATION.version })}
      </Typography.Paragraph>
      <Checkbox checked={ticked} onChange={(e) => setTicked(e.target.checked)}>
        {t('projects.declaration.accept')}
      </Checkbox>
    </Modal>
  );
}

/** The 申报书 of what was sent, with its hash, to download instead of printing and stamping. */
export function SubmissionCard({ detail }: { detail: ApplicationDetail }) {
  const t = useT();
  const last = detail.submissions[detail.submissions.length - 1];
  return (
    <Card title={t('projects.submission.title')} size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          {t('projects.submission.at', { seq: last.seq, at: formatDateTime(last.submittedAt) })}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('projects.submission.hash')}
        </Typography.Text>
        <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>
          {last.sha256}
        </Typography.Text>
        <Button href={projectPaths.submissionDocx(detail.id)} icon={<DownloadOutlined />} block>
          {t('projects.submission.download')}
        </Button>
      </Space>
    </Card>
  );
}
