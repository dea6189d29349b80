import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, List, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Me, MfaChallenge } from '../../../../domain/contracts/auth';
import { errorMessage, isApiError } from '../../../app/api-client';
import { useLocale, useT } from '../../../app/i18n';
import { useMfaEnrol, useMfaVerify, useSignedIn } from '../api';

/**
 * The second step of a sign-in: enrol an authenticator (QR code and key, then a first code and the
 * recovery codes, shown once) or enter a code. The session exists only after a right code.
 */
export function MfaStep({
  challenge,
  onBack,
  onDone,
}: {
  challenge: MfaChallenge;
  onBack: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const enrol = useMfaEnrol();
  const verify = useMfaVerify();
  const signedIn = useSignedIn();
  // After enrolment the user is held here until they have seen their recovery codes.
  const [saved, setSaved] = useState<{ me: Me; codes: string[] } | null>(null);
  const enrolling = challenge.mfa === 'enrol';
  const startEnrol = enrol.mutate;

  useEffect(() => {
    if (enrolling) startEnrol(challenge.challenge);
  }, [enrolling, startEnrol, challenge.challenge]);

  const onFinish = ({ code }: { code: string }) =>
    verify.mutate(
      { challenge: challenge.challenge, code: code.trim() },
      {
        onSuccess: ({ recoveryCodes, ...me }) => {
          if (recoveryCodes?.length) setSaved({ me, codes: recoveryCodes });
          else {
            signedIn(me);
            onDone();
          }
        },
      },
    );

  const error = verify.error ?? enrol.error;
  const errorText = error ? (isApiError(error) ? errorMessage(error, locale) : t('error.unknown')) : null;

  if (saved) {
    return (
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('auth.mfa.recoveryTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.mfa.recoveryIntro')}</Typography.Paragraph>
        <List
          size="small"
          bordered
          dataSource={saved.codes}
          renderItem={(code) => (
            <List.Item>
              <Typography.Text code copyable>
                {code}
              </Typography.Text>
            </List.Item>
          )}
        />
        <Button
          type="primary"
          block
          size="large"
          onClick={() => {
            signedIn(saved.me);
            onDone();
          }}
        >
          {t('auth.mfa.recoveryDone')}
        </Button>
      </Space>
    );
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
        {enrolling ? t('auth.mfa.enrolTitle') : t('auth.mfa.verifyTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {enrolling ? t('auth.mfa.enrolIntro') : t('auth.mfa.verifyIntro')}
      </Typography.Paragraph>
      {enrolling && !enrol.data && enrol.isPending && <Spin />}
      {enrolling && enrol.data && (
        <div style={{ textAlign: 'center' }}>
          <img src={enrol.data.qrDataUrl} alt={t('auth.mfa.qrAlt')} width={200} height={200} />
          <div>
            {t('auth.mfa.secret')}:{' '}
            <Typography.Text code copyable>
              {enrol.data.secret.replace(/(.{4})/g, '$1 ').trim()}
            </Typography.Text>
          </div>
        </div>
      )}
      <Form<{ code: string }>
        name="mfa-form"
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        onValuesChange={() => verify.error && verify.reset()}
      >
        <Form.Item
          label={t('auth.mfa.code')}
          name="code"
          rules={[{ required: true, whitespace: true, message: t('auth.mfa.codeRequired') }]}
        >
          <Input
            prefix={<SafetyOutlined />}
            autoComplete="one-time-code"
            inputMode={enrolling ? 'numeric' : 'text'}
            maxLength={32}
            autoFocus
            size="large"
          />
        </Form.Item>
        {errorText && <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block size="large" loading={verify.isPending}>
          {t('auth.mfa.submit')}
        </Button>
        <Button type="link" block onClick={onBack} style={{ marginTop: 8 }}>
          {t('auth.mfa.back')}
        </Button>
      </Form>
    </Space>
  );
}
