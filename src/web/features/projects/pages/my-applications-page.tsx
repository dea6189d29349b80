import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMsg, useT } from '../../../app/i18n';
import { DayCell } from '../../../app/list/cells';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { type ApplicationItem, type ApplicationListQuery, projectPaths, useApplications } from '../api';
import { NewApplicationModal } from '../components/new-application-modal';
import { StateTag, wanColumn } from '../format';

type Filters = Omit<ApplicationListQuery, 'page' | 'pageSize' | 'sort'>;
/** `?call=` (from 立即申报) opens the new-application dialog; it is not a filter. */
const PAGE_KEYS = ['call'];

/** 我的申报: the organisation's applications, each with its state and what to do next. */
export function MyApplicationsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const [params, setParams] = useSearchParams();
  const list = useUrlListState<Filters>(undefined, { reserved: PAGE_KEYS });
  const apps = useApplications(list.params as ApplicationListQuery);
  const [creating, setCreating] = useState(params.has('call'));

  const columns: TableColumnsType<ApplicationItem> = [
    {
      title: t('projects.app.title'),
      key: 'title',
      width: 260,
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/projects/my-applications/${a.id}`}>{a.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.year} · {a.callTitle}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('projects.app.state'),
      key: 'state',
      render: (_, a) => <StateTag state={a.state} name={a.stateName} />,
    },
    { title: t('projects.app.nextStep'), key: 'next', width: 280, render: (_, a) => pickMsg(a.nextStep) },
    wanColumn(t('projects.app.requestedAmount'), 'amount', (a) => a.requestedAmount),
    wanColumn(t('projects.app.approvedAmount'), 'approved', (a) => a.approvedAmount),
    {
      title: t('projects.app.updatedAt'),
      key: 'updatedAt',
      render: (_, a) => <DayCell value={a.updatedAt} />,
    },
  ];

  return (
    <>
      <ListPage<ApplicationItem, Filters>
        title={t('menu.projects.mine')}
        name="my-applications"
        list={list}
        query={apps}
        columns={columns}
        exportPath={projectPaths.applicationsExport}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('projects.app.create')}
          </Button>
        }
        actionsWidth={90}
        actions={(a) => (
          <Link to={`/projects/my-applications/${a.id}`}>
            {a.actions.includes('submit') ? t('projects.app.continue') : t('projects.app.view')}
          </Link>
        )}
        empty={{ filtered: t('projects.app.emptyMine'), none: t('projects.app.emptyMine') }}
      />
      {creating && (
        <NewApplicationModal
          callId={params.get('call') ?? undefined}
          onClose={() => {
            setCreating(false);
            if (params.has('call'))
              setParams(
                (p) => {
                  p.delete('call');
                  return p;
                },
                { replace: true },
              );
          }}
        />
      )}
    </>
  );
}
