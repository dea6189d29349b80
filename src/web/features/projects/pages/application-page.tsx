import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Tabs, Typography } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/auth-context';
import { formatDateTime } from '../../../app/format';
import { useMsg, useT } from '../../../app/i18n';
import { type ApplicationDetail, useEligibility } from '../api';
import { ActionButtons } from '../components/action-buttons';
import { ApplicationLoader } from '../components/application-loader';
import { AttachmentsPanel } from '../components/attachments-panel';
import { EligibilityPanel } from '../components/eligibility-panel';
import { EventsTimeline } from '../components/events-timeline';
import { PaymentsPanel } from '../components/payments-panel';
import { ScoresPanel } from '../components/scores-panel';
import { StateTag, useFieldName, wanText } from '../format';

/**
 * One application as the bureau, a county or a leader sees it: the form, files, eligibility,
 * scores, payments and history, with the buttons of the actions the server says the viewer may take.
 */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const t = useT();
  const navigate = useNavigate();
  return (
    <ApplicationLoader
      id={id}
      back={
        <Button type="primary" onClick={() => navigate(-1)}>
          {t('projects.back')}
        </Button>
      }
    >
      {(detail) => <Dossier detail={detail} />}
    </ApplicationLoader>
  );
}

const TABS = ['form', 'attachments', 'eligibility', 'scores', 'payments', 'history'] as const;

function Dossier({ detail }: { detail: ApplicationDetail }) {
  const t = useT();
  const pickMsg = useMsg();
  const fieldName = useFieldName();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const eligibility = useEligibility(detail.id);
  const manage = can('projects.manage');
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'form';
  const f = detail.form as Record<string, string | null | undefined>;
  const back = can('projects.recommend')
    ? '/projects/recommend'
    : can('projects.approve')
      ? '/projects/approvals'
      : `/projects/manage?call=${detail.callId}`;

  return (
    <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Card>
        <Link to={back} style={{ display: 'inline-block', marginBottom: 8 }}>
          <ArrowLeftOutlined /> {t('projects.back')}
        </Link>
        <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
          {detail.title}
        </Typography.Title>
        <Space wrap style={{ marginTop: 8 }}>
          <StateTag state={detail.state} name={detail.stateName} />
          <Typography.Text type="secondary">
            {detail.orgName} · {detail.regionName} · {detail.year} {detail.callTitle}
          </Typography.Text>
        </Space>
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={`${t('projects.app.nextStep')}：${pickMsg(detail.nextStep)}`}
        />
        <div style={{ marginTop: 12 }}>
          <ActionButtons target={detail} fundingCap={detail.call.fundingCap} />
        </div>
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          destroyOnHidden
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
              key: 'form',
              label: t('projects.tab.form'),
              children: (
                <Descriptions
                  bordered
                  column={{ xs: 1, md: 2 }}
                  size="small"
                  items={[
                    { key: 'org', label: t('projects.app.orgName'), children: detail.orgName },
                    { key: 'uscc', label: t('projects.app.uscc'), children: f.uscc ?? '—' },
                    { key: 'field', label: t('projects.app.field'), children: fieldName(detail.field) },
                    {
                      key: 'req',
                      label: t('projects.app.requestedAmount'),
                      children: wanText(detail.requestedAmount),
                    },
                    { key: 'score', label: t('projects.score.panel'), children: detail.panelScore ?? '—' },
                    {
                      key: 'prop',
                      label: t('projects.app.proposedAmount'),
                      children: wanText(detail.proposedAmount),
                    },
                    {
                      key: 'appr',
                      label: t('projects.app.approvedAmount'),
                      children: wanText(detail.approvedAmount),
                    },
                    {
                      key: 'sub',
                      label: t('projects.app.submittedAt'),
                      children: formatDateTime(detail.submittedAt),
                    },
                    {
                      key: 'pub',
                      label: t('projects.app.publicityUntil'),
                      children: detail.publicityUntil ?? '—',
                    },
                    { key: 'ends', label: t('projects.app.endsOn'), children: detail.endsOn ?? '—' },
                    {
                      key: 'due',
                      label: t('projects.app.acceptanceDueOn'),
                      children: detail.acceptanceDueOn ?? '—',
                    },
                    {
                      key: 'contact',
                      label: t('projects.app.contactPerson'),
                      children: `${f.contactPerson ?? '—'} ${f.contactPhone ?? ''}`,
                    },
                    { key: 'addr', label: t('projects.app.address'), span: 2, children: f.address ?? '—' },
                    {
                      key: 'summary',
                      label: t('projects.app.summary'),
                      span: 2,
                      children: <div style={{ whiteSpace: 'pre-wrap' }}>{detail.summary ?? '—'}</div>,
                    },
                    {
                      key: 'goals',
                      label: t('projects.app.goals'),
                      span: 2,
                      children: <div style={{ whiteSpace: 'pre-wrap' }}>{f.goals ?? '—'}</div>,
                    },
                  ]}
                />
              ),
            },
            {
              key: 'attachments',
              label: `${t('projects.tab.attachments')} (${detail.attachments.length})`,
              children: <AttachmentsPanel detail={detail} />,
            },
            {
              key: 'eligibility',
              label: t('projects.eligibility.title'),
              children: (
                <EligibilityPanel
                  eligibility={eligibility.data}
                  loading={eligibility.isLoading}
                  error={eligibility.error}
                />
              ),
            },
            ...(manage
              ? [
                  {
                    key: 'scores',
                    label: t('projects.tab.scores'),
                    children: (
                      <ScoresPanel
                        applicationId={detail.id}
                        field={detail.field}
                        canReplace={detail.state === 'expert_review'}
                      />
                    ),
                  },
                ]
              : []),
            {
              key: 'payments',
              label: `${t('projects.tab.payments')} (${detail.payments.length})`,
              children: <PaymentsPanel detail={detail} canAdd={manage} />,
            },
            {
              key: 'history',
              label: t('projects.tab.history'),
              children: <EventsTimeline events={detail.events} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
