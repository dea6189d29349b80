import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography, theme } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import type { MfaChallenge } from '../../../../domain/contracts/auth';
import { errorMessage, isApiError } from '../../../app/api-client';
import { useAuth } from '../../../app/auth-context';
import { safeNextPath } from '../../../app/guards';
import { useLocale, useT } from '../../../app/i18n';
import { LanguageSwitch } from '../../../app/language-switch';
import { preloadSignedIn } from '../../../app/lazy-pages';
import { isMfaChallenge, useLogin } from '../api';
import { MfaStep } from './mfa-step';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const t = useT();
  const { locale } = useLocale();
  const { token } = theme.useToken();
  const { me } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const next = safeNextPath(params.get('next'));
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);

  // The signed-in layout and home page load while the user types, so signing in shows them at once.
  useEffect(() => preloadSignedIn(), []);
  useEffect(() => {
    document.title = `${t('auth.login')} - ${t('app.name')} · ${t('app.fullName')}`;
  }, [t]);

  if (me && !challenge) return <Navigate to={next} replace />;

  const onFinish = (values: LoginValues) => {
    login.mutate(values, {
      onSuccess: (result) => {
        if (isMfaChallenge(result)) setChallenge(result);
        else navigate(next, { replace: true });
      },
    });
  };

  const error = login.error;
  const errorText = error ? (isApiError(error) ? errorMessage(error, locale) : t('error.unknown')) : null;

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        padding: 16,
        background: `linear-gradient(160deg, ${token.colorPrimaryBg} 0%, ${token.colorBgLayout} 60%)`,
      }}
    >
      <main style={{ width: '100%', maxWidth: 400 }}>
        <Card>
          <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: -8, marginRight: -8 }}>
            <LanguageSwitch />
          </div>
          <div style={{ textAlign: 'center', marginBottom: 24 }}>
            <Typography.Title
              level={1}
              style={{ marginBottom: 4, fontSize: 32, letterSpacing: locale === 'zh' ? 4 : 0 }}
            >
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.fullName')}</Typography.Text>
          </div>
          {challenge ? (
            <MfaStep
              challenge={challenge}
              onBack={() => {
                setChallenge(null);
                login.reset();
              }}
              onDone={() => navigate(next, { replace: true })}
            />
          ) : (
            <Form<LoginValues>
              name="login-form"
              layout="vertical"
              requiredMark={false}
              onFinish={onFinish}
              onValuesChange={() => login.error && login.reset()}
            >
              <Form.Item
                label={t('auth.username')}
                name="username"
                rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
              >
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
              </Form.Item>
              <Form.Item
                label={t('auth.password')}
                name="password"
                rules={[{ required: true, message: t('auth.passwordRequired') }]}
              >
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
              </Form.Item>
              {errorText && <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} />}
              <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
                {t('auth.login')}
              </Button>
              <nav
                aria-label={t('onboarding.public.title')}
                style={{
                  display: 'flex',
                  justifyContent: 'space-between',
                  flexWrap: 'wrap',
                  gap: 8,
                  marginTop: 16,
                }}
              >
                <Link to="/register?tab=org">{t('auth.registerOrg')}</Link>
                <Link to="/register?tab=expert">{t('auth.registerExpert')}</Link>
                <Link to="/register?tab=status">{t('auth.registerStatus')}</Link>
              </nav>
            </Form>
          )}
        </Card>
      </main>
    </div>
  );
}
