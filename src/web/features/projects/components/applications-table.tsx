import { Space, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { useMsg, useT } from '../../../app/i18n';
import { DayCell } from '../../../app/list/cells';
import type { ApplicationItem } from '../api';
import { StateTag, wanColumn, wanText } from '../format';

export type ApplicationStage = 'recommend' | 'approve' | 'all';

/**
 * The columns of a list of applications. A queue of one stage leaves out what is the same on every
 * row or not there yet: a county recommending sees no scores or funding, a leader approving no
 * state or next step, so what they decide on stays in view beside the buttons.
 */
export function useApplicationColumns(stage: ApplicationStage = 'all'): TableColumnsType<ApplicationItem> {
  const t = useT();
  const pickMsg = useMsg();
  return [
    {
      title: t('projects.app.title'),
      key: 'title',
      width: 180,
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/projects/applications/${a.id}`}>{a.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.year} · {a.callTitle}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('projects.app.orgName'), dataIndex: 'orgName', key: 'org', width: 130 },
    { title: t('projects.app.region'), dataIndex: 'regionName', key: 'region' },
    ...(stage === 'approve'
      ? []
      : [
          {
            title: t('projects.app.state'),
            key: 'state',
            render: (_: unknown, a: ApplicationItem) => <StateTag state={a.state} name={a.stateName} />,
          },
        ]),
    wanColumn(t('projects.app.requestedAmount'), 'req', (a) => a.requestedAmount),
    ...(stage === 'recommend'
      ? []
      : [
          {
            title: t('projects.score.panel'),
            key: 'score',
            align: 'right' as const,
            render: (_: unknown, a: ApplicationItem) => a.panelScore ?? '—',
          },
          {
            title: t('projects.app.proposedAmount'),
            key: 'prop',
            align: 'right' as const,
            render: (_: unknown, a: ApplicationItem) => wanText(a.proposedAmount),
          },
        ]),
    ...(stage === 'all'
      ? [
          {
            title: t('projects.app.nextStep'),
            key: 'next',
            width: 240,
            render: (_: unknown, a: ApplicationItem) => pickMsg(a.nextStep),
          },
        ]
      : []),
    ...(stage === 'approve'
      ? []
      : [
          {
            title: t('projects.app.submittedAt'),
            key: 'sub',
            render: (_: unknown, a: ApplicationItem) => <DayCell value={a.submittedAt} />,
          },
        ]),
  ];
}
