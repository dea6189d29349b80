import { Alert, Button, Card, Form, Input, Layout, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { useConfirmRules, usePasswordRules } from '../../auth/password-rule';
import { useConfirmReset, useRequestReset } from '../api';

/** 找回单位管理员密码: ask for an e-mail link, or, from the link, set the new password. */
export function ResetPasswordPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token');
  const onError = useApiErrorHandler();
  const request = useRequestReset();
  const confirm = useConfirmReset();
  const passwordRules = usePasswordRules();
  const confirmRules = useConfirmRules('newPassword');
  const [askForm] = Form.useForm<{ username: string; email: string }>();
  const [setForm] = Form.useForm<{ newPassword: string; repeat: string }>();
  useEffect(() => {
    document.title = `${t('onboarding.reset.title')} - ${t('app.name')}`;
  }, [t]);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Content style={{ maxWidth: 440, margin: '24px auto', width: '100%', padding: '0 8px' }}>
        <Card
          title={t('onboarding.reset.title')}
          extra={<Link to="/login">{t('onboarding.public.login')}</Link>}
        >
          {token ? (
            confirm.isSuccess ? (
              <Alert type="success" showIcon title={t('onboarding.reset.done')} />
            ) : (
              <Form
                form={setForm}
                layout="vertical"
                onFinish={(v) =>
                  confirm.mutate(
                    { token, newPassword: v.newPassword },
                    { onError: (e) => onError(e, setForm) },
                  )
                }
              >
                <Form.Item name="newPassword" label={t('onboarding.reset.newPassword')} rules={passwordRules}>
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
                <Form.Item
                  name="repeat"
                  label={t('onboarding.passwordConfirm')}
                  dependencies={['newPassword']}
                  rules={confirmRules}
                >
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
                <Button type="primary" htmlType="submit" block loading={confirm.isPending}>
                  {t('onboarding.reset.confirm')}
                </Button>
              </Form>
            )
          ) : request.isSuccess ? (
            <Alert type="info" showIcon title={t('onboarding.reset.sent')} />
          ) : (
            <Form
              form={askForm}
              layout="vertical"
              onFinish={(v) => request.mutate(v, { onError: (e) => onError(e, askForm) })}
            >
              <Typography.Paragraph type="secondary">
                {t('onboarding.reset.requestNote')}
              </Typography.Paragraph>
              <Form.Item
                name="username"
                label={t('onboarding.username')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input autoComplete="username" />
              </Form.Item>
              <Form.Item
                name="email"
                label={t('onboarding.contactEmail')}
                rules={[{ required: true, type: 'email' }]}
              >
                <Input inputMode="email" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={request.isPending}>
                {t('onboarding.reset.send')}
              </Button>
            </Form>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
            {t('onboarding.reset.county')}
          </Typography.Paragraph>
        </Card>
      </Layout.Content>
    </Layout>
  );
}
