import { App as AntApp, Form, Input, Modal, Typography } from 'antd';
import type { User } from '../../../../domain/contracts/admin';
import { useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { useConfirmRules, usePasswordRules } from '../../auth/password-rule';
import { useResetPassword } from '../api';

interface ResetValues {
  password: string;
  confirmPassword: string;
}

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<ResetValues>();
  const reset = useResetPassword();
  const passwordRules = usePasswordRules(user.username);
  const confirmRules = useConfirmRules('password');

  const onFinish = ({ password }: ResetValues) => {
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          message.success(t('users.passwordReset', { name: user.displayName }));
          onClose();
        },
        onError: (error) => onError(error, form),
      },
    );
  };

  return (
    <Modal
      open
      title={t('users.resetPasswordOf', { name: user.displayName })}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('users.resetPasswordNotice')}</Typography.Paragraph>
      <Form<ResetValues> name="reset-password-form" form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label={t('password.new')} name="password" rules={passwordRules}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('password.confirm')}
          name="confirmPassword"
          rules={confirmRules}
          dependencies={['password']}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
