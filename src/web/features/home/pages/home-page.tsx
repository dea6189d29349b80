import { Card, Col, Descriptions, Empty, Row, Skeleton, Typography, theme } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useNavigate } from 'react-router';
import { isAdminRole, ROLE_NAMES } from '../../../../domain/roles';
import { useAuth, useMe } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { visibleMenu } from '../../../app/menu-config';
import { ScopeSentence } from '../components/scope-sentence';
import { WorkbenchCard } from '../components/workbench-card';

// The plan's figures load only for the leader, in their own chunk.
const PlanWarningsCard = lazy(() => import('../components/plan-warnings-card'));

export function HomePage() {
  const t = useT();
  const pickMsg = useMsg();
  const me = useMe();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const entries = visibleMenu(can);
  // 局领导 steer by the plan: what is behind it comes before anything else.
  const showWarnings = me.role === 'leader' && can('plan.read');

  return (
    <div style={{ display: 'grid', gap: 24 }}>
      <WorkbenchCard />
      {showWarnings && (
        <Suspense
          fallback={
            <Card>
              <Skeleton active paragraph={{ rows: 3 }} />
            </Card>
          }
        >
          <PlanWarningsCard />
        </Suspense>
      )}
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'username', label: t('auth.username'), children: me.username },
            { key: 'role', label: t('home.role'), children: pickMsg(ROLE_NAMES[me.role]) },
            { key: 'scope', label: t('home.scope'), children: <ScopeSentence me={me} /> },
          ]}
        />
        {isAdminRole(me.role) && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t(`home.duty.${me.role}`)}
          </Typography.Paragraph>
        )}
      </Card>

      <section aria-labelledby="home-modules">
        <Typography.Title level={3} id="home-modules" style={{ fontSize: 18 }}>
          {t('home.modules')}
        </Typography.Title>
        {entries.length === 0 ? (
          <Card>
            <Empty description={t('home.noModules')} />
          </Card>
        ) : (
          <Row gutter={[16, 16]}>
            {entries.map((entry) => (
              <Col key={entry.key} xs={24} sm={12} lg={8} xxl={6}>
                <Card hoverable onClick={() => navigate(entry.path)} style={{ height: '100%' }}>
                  <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
                    <span style={{ fontSize: 28, color: token.colorPrimary, lineHeight: 1 }} aria-hidden>
                      <entry.icon />
                    </span>
                    <div>
                      <Typography.Title level={4} style={{ fontSize: 16, marginTop: 0 }}>
                        <Link to={entry.path} onClick={(e) => e.stopPropagation()}>
                          {t(entry.labelKey)}
                        </Link>
                      </Typography.Title>
                      <Typography.Text type="secondary">{t(entry.descriptionKey)}</Typography.Text>
                    </div>
                  </div>
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </section>
    </div>
  );
}
