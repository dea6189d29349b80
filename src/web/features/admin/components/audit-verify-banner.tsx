import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useT } from '../../../app/i18n';
import { useAuditVerify } from '../api';

/** The hash chain over the audit log: any edited or deleted entry breaks it from that entry on. */
export function AuditVerifyBanner() {
  const t = useT();
  const verify = useAuditVerify();
  const action = (
    <Button
      size="small"
      icon={<ReloadOutlined />}
      loading={verify.isFetching}
      onClick={() => verify.refetch()}
    >
      {t('audit.reverify')}
    </Button>
  );

  let banner: { type: 'info' | 'success' | 'error' | 'warning'; title: string; description?: string };
  if (verify.isPending) banner = { type: 'info', title: t('audit.verifying') };
  else if (verify.isError)
    banner = { type: 'warning', title: t('audit.verifyFailed'), description: verify.error.message };
  else if (verify.data.ok)
    banner = { type: 'success', title: t('audit.chainOk', { checked: verify.data.checked }) };
  else
    banner = {
      type: 'error',
      title: t('audit.chainBroken', { id: verify.data.brokenAt ?? '?' }),
      description: t('audit.chainBrokenDetail', { checked: verify.data.checked }),
    };

  return (
    <div data-testid="audit-chain-status" style={{ marginBottom: 16 }}>
      <Alert
        showIcon
        type={banner.type}
        title={banner.title}
        description={banner.description}
        action={action}
      />
    </div>
  );
}
