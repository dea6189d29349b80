import { Alert, App as AntApp, Button, Card, Form, Input, Space } from 'antd';
import { useNavigate } from 'react-router';
import { DEFAULT_SECURITY_POLICY } from '../../../../domain/password-policy';
import { useMe } from '../../../app/auth-context';
import { useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { useChangePassword } from '../api';
import { useConfirmRules, usePasswordRules } from '../password-rule';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const change = useChangePassword();
  const onError = useApiErrorHandler();
  const passwordRules = usePasswordRules(me.username);
  const confirmRules = useConfirmRules('newPassword');
  const forced = me.mustChangePassword;

  const onFinish = ({ currentPassword, newPassword }: ChangePasswordValues) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          message.success(t('password.changed'));
          form.resetFields();
          navigate('/', { replace: true });
        },
        onError: (error) => onError(error, form),
      },
    );
  };

  return (
    <Card title={t('password.title')} style={{ maxWidth: 560, margin: '0 auto' }}>
      {forced && (
        <Alert type="warning" showIcon title={t('password.forcedNotice')} style={{ marginBottom: 24 }} />
      )}
      <Form<ChangePasswordValues>
        name="change-password-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
      >
        <Form.Item
          label={t('password.current')}
          name="currentPassword"
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('password.new')}
          name="newPassword"
          rules={passwordRules}
          dependencies={['currentPassword']}
          extra={t('password.policyHint', {
            min: DEFAULT_SECURITY_POLICY.passwordMinLength,
            classes: DEFAULT_SECURITY_POLICY.passwordMinClasses,
          })}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('password.confirm')}
          name="confirmPassword"
          rules={confirmRules}
          dependencies={['newPassword']}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('common.save')}
          </Button>
          {!forced && <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>}
        </Space>
      </Form>
    </Card>
  );
}
