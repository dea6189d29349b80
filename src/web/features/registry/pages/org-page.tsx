import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { ORG_KIND_NAMES } from '../../../../domain/registry';
import { isApiError } from '../../../app/api-client';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { OrgPatents } from '../../ip/components/org-patents';
import { useOrg } from '../api';
import { AnnualStatsSection } from '../components/annual-stats-section';
import { OrgChanges } from '../components/org-changes';
import { OrgCarriers, OrgPlatforms } from '../components/org-facilities';
import { OrgProfile } from '../components/org-profile';
import { QualificationTags } from '../components/qualification-tags';
import { QualificationTimeline } from '../components/qualification-timeline';
import { useRegionName } from '../components/region-select';

const TABS = ['profile', 'qualifications', 'platforms', 'carriers', 'stats', 'changes'] as const;
type TabKey = (typeof TABS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 一企一档: everything the registry holds on one organisation. The open tab is kept in the URL. */
export function OrgPage() {
  const { id = '' } = useParams();
  return UUID.test(id) ? <OrgDossier id={id} /> : <OrgMissing />;
}

function OrgMissing() {
  const t = useT();
  const { can } = useAuth();
  return (
    <Result
      status="404"
      title={t('registry.org.notFound')}
      subTitle={t('registry.org.notFoundDetail')}
      extra={
        can('registry.own-profile') ? (
          <Link to="/registry/my-org">
            <Button type="primary">{t('registry.org.backToOwn')}</Button>
          </Link>
        ) : (
          <Link to="/registry/orgs">
            <Button type="primary">{t('registry.org.backToList')}</Button>
          </Link>
        )
      }
    />
  );
}

function OrgDossier({ id }: { id: string }) {
  const t = useT();
  const regionName = useRegionName();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const detail = useOrg(id);
  const requested = params.get('tab') as TabKey | null;
  const tab: TabKey = requested && TABS.includes(requested) ? requested : 'profile';

  if (detail.isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (detail.isError) {
    if (isApiError(detail.error) && (detail.error.status === 404 || detail.error.status === 400))
      return <OrgMissing />;
    return (
      <Result
        status="error"
        title={t('registry.org.loadFailed')}
        subTitle={detail.error.message}
        extra={
          <Button type="primary" onClick={() => detail.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }

  const { org } = detail.data;
  const ownProfile = detail.data.abilities.edit === 'own-profile';
  const count = (n: number) => (n > 0 ? ` (${n})` : '');

  return (
    <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Card>
        {!can('registry.own-profile') && (
          <Link to="/registry/orgs" style={{ display: 'inline-block', marginBottom: 8 }}>
            <ArrowLeftOutlined /> {t('registry.org.backToList')}
          </Link>
        )}
        <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }} data-testid="org-name">
          {org.name}
        </Typography.Title>
        <Space size={[8, 8]} wrap style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">
            {t('registry.org.uscc')}：
            <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
              {org.uscc}
            </Typography.Text>
          </Typography.Text>
          <Tag>{pickMsg(ORG_KIND_NAMES[org.kind])}</Tag>
          <Tag>{regionName(org.regionCode, org.regionName)}</Tag>
          {org.aboveSize && <Tag color="gold">{t('registry.org.aboveSizeTag')}</Tag>}
          {org.parkName && <Tag color="geekblue">{org.parkName}</Tag>}
          {org.qualifications.length > 0 && <QualificationTags codes={org.qualifications} />}
        </Space>
        {ownProfile && (
          <Alert type="info" showIcon title={t('registry.org.ownProfileBanner')} style={{ marginTop: 16 }} />
        )}
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setParams(
              (p) => {
                p.set('tab', key);
                return p;
              },
              { replace: true },
            )
          }
          items={[
            {
              key: 'profile',
              label: t('registry.tab.profile'),
              children: <OrgProfile detail={detail.data} />,
            },
            {
              key: 'qualifications',
              label: `${t('registry.tab.qualifications')}${count(detail.data.qualifications.length)}`,
              children: <QualificationTimeline detail={detail.data} />,
            },
            {
              key: 'platforms',
              label: `${t('registry.tab.platforms')}${count(detail.data.platforms.length)}`,
              children: <OrgPlatforms platforms={detail.data.platforms} />,
            },
            {
              key: 'carriers',
              label: `${t('registry.tab.carriers')}${count(detail.data.carriers.length)}`,
              children: <OrgCarriers carriers={detail.data.carriers} />,
            },
            {
              key: 'stats',
              label: `${t('registry.tab.stats')}${count(detail.data.stats.length)}`,
              children: <AnnualStatsSection detail={detail.data} />,
            },
            ...(can('ip.read')
              ? [{ key: 'patents', label: t('ip.org.title'), children: <OrgPatents orgId={org.id} /> }]
              : []),
            { key: 'changes', label: t('registry.tab.changes'), children: <OrgChanges orgId={org.id} /> },
          ]}
          destroyOnHidden
        />
      </Card>
    </div>
  );
}
