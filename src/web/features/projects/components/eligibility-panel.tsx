import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Alert, List, Skeleton, Typography } from 'antd';
import { useLocale, useMsg, useT } from '../../../app/i18n';
import type { Eligibility } from '../api';

/** 资格自查: each rule of the call, passed or not and why, then any required file still missing. */
export function EligibilityPanel({
  eligibility,
  loading,
  error,
}: {
  eligibility?: Eligibility;
  loading?: boolean;
  error?: Error | null;
}) {
  const t = useT();
  const pickMsg = useMsg();
  const { locale } = useLocale();
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (loading || !eligibility) return <Skeleton active paragraph={{ rows: 2 }} />;
  const ok = eligibility.eligible && eligibility.missingAttachments.length === 0;
  return (
    <div>
      <Alert
        type={ok ? 'success' : 'warning'}
        showIcon
        title={ok ? t('projects.eligibility.ok') : t('projects.eligibility.notYet')}
        style={{ marginBottom: 8 }}
      />
      {eligibility.rules.length === 0 ? (
        <Typography.Text type="secondary">{t('projects.eligibility.noRules')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={eligibility.rules}
          renderItem={(r, i) => (
            <List.Item key={i}>
              {r.pass ? (
                <CheckCircleTwoTone twoToneColor="#52c41a" />
              ) : (
                <CloseCircleTwoTone twoToneColor="#ff4d4f" />
              )}{' '}
              <span style={{ marginLeft: 8 }}>{pickMsg(r.why)}</span>
            </List.Item>
          )}
        />
      )}
      {eligibility.missingAttachments.length > 0 && (
        <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('projects.eligibility.missing', {
            list: eligibility.missingAttachments
              .map((a) => (locale === 'en' ? a.nameEn : a.name))
              .join(t('common.listSeparator')),
          })}
        </Typography.Paragraph>
      )}
    </div>
  );
}
