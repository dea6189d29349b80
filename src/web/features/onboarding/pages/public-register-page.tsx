import { Button, Card, Layout, Result, Space, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { RegistrationKind } from '../../../../domain/onboarding';
import { useT } from '../../../app/i18n';
import { LanguageSwitch } from '../../../app/language-switch';
import { type Correction, RegistrationForm } from '../components/registration-form';
import { StatusLookup } from '../components/status-lookup';

type Tab = RegistrationKind | 'status';
const TABS: readonly Tab[] = ['org', 'expert', 'status'];

/** 注册 for the public, no sign-in: 企业/机构注册, 专家注册, 注册进度查询. Works on a phone. */
export function PublicRegisterPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'org';
  const [done, setDone] = useState<string | null>(null);
  const [correction, setCorrection] = useState<{ kind: RegistrationKind; c: Correction } | null>(null);
  useEffect(() => {
    document.title = `${t('onboarding.public.title')} - ${t('app.name')}`;
  }, [t]);

  const go = (next: Tab) => {
    setDone(null);
    setParams({ tab: next }, { replace: true });
  };
  const form = (kind: RegistrationKind) =>
    done ? (
      <Result
        status="success"
        title={t('onboarding.public.submitted')}
        subTitle={
          <span data-testid="tracking-no">{t('onboarding.public.submittedNote', { trackingNo: done })}</span>
        }
        extra={<Button onClick={() => go('status')}>{t('onboarding.public.toStatus')}</Button>}
      />
    ) : (
      <RegistrationForm
        key={`${kind}-${correction?.c.trackingNo ?? 'new'}`}
        kind={kind}
        correction={correction?.kind === kind ? correction.c : undefined}
        onDone={(no) => {
          setCorrection(null);
          setDone(no);
        }}
      />
    );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Content style={{ maxWidth: 720, margin: '16px auto', width: '100%', padding: '0 8px' }}>
        <Card>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <Typography.Title level={2} style={{ margin: 0 }}>
              {t('onboarding.public.title')}
            </Typography.Title>
            <Space>
              <LanguageSwitch />
              <Link to="/login">{t('onboarding.public.login')}</Link>
            </Space>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('onboarding.public.subtitle')}
          </Typography.Paragraph>
          <Tabs
            activeKey={tab}
            onChange={(k) => go(k as Tab)}
            items={[
              { key: 'org', label: t('onboarding.public.org'), children: tab === 'org' && form('org') },
              {
                key: 'expert',
                label: t('onboarding.public.expert'),
                children: tab === 'expert' && form('expert'),
              },
              {
                key: 'status',
                label: t('onboarding.public.status'),
                children: tab === 'status' && (
                  <StatusLookup
                    initialTrackingNo={params.get('no') ?? undefined}
                    onCorrect={(kind, c) => {
                      setCorrection({ kind, c });
                      go(kind);
                    }}
                  />
                ),
              },
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
            <Link to="/reset-password">{t('onboarding.public.forgot')}</Link>
          </Typography.Paragraph>
        </Card>
      </Layout.Content>
    </Layout>
  );
}
