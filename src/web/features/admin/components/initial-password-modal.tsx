import { Alert, Modal, Typography } from 'antd';
import { useT } from '../../../app/i18n';

/** The generated first password of an account, shown this once to the system administrator. */
export function InitialPasswordModal({
  name,
  password,
  onClose,
}: {
  name: string;
  password: string;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Modal
      open
      title={t('admin.sec.initialPasswordTitle', { name })}
      okText={t('common.close')}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
    >
      <Typography.Paragraph>
        <Typography.Text code copyable style={{ fontSize: 18 }} data-testid="initial-password">
          {password}
        </Typography.Text>
      </Typography.Paragraph>
      <Alert type="warning" showIcon title={t('admin.sec.initialPasswordBody')} />
    </Modal>
  );
}
