import { Modal, Typography } from 'antd';
import { useState } from 'react';
import type { User } from '../../../../domain/contracts/admin';
import { useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { useResetPassword } from '../api';
import { InitialPasswordModal } from './initial-password-modal';

/** A reset issues a new random first password (nobody chooses it), shown once. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const onError = useApiErrorHandler();
  const reset = useResetPassword();
  const [password, setPassword] = useState<string | null>(null);

  if (password) return <InitialPasswordModal name={user.displayName} password={password} onClose={onClose} />;
  return (
    <Modal
      open
      title={t('users.resetPasswordOf', { name: user.displayName })}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onOk={() =>
        reset.mutate(user.id, {
          onSuccess: (result) => setPassword(result.initialPassword),
          onError: (error) => onError(error),
        })
      }
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Typography.Paragraph>{t('admin.sec.resetConfirm', { name: user.displayName })}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('users.resetPasswordNotice')}</Typography.Paragraph>
    </Modal>
  );
}
