import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { useMsg, useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { useListState } from '../../../app/list/use-list-state';
import { type ApplicationItem, type ApplicationListQuery, projectPaths, useApplications } from '../api';
import { NewApplicationModal } from '../components/new-application-modal';
import { StateTag, wanText } from '../format';

/** 我的申报: the organisation's applications, each with its state and what to do next. */
export function MyApplicationsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const [params, setParams] = useSearchParams();
  const list = useListState<Omit<ApplicationListQuery, 'page' | 'pageSize' | 'sort'>>({});
  const apps = useApplications(list.params);
  const [creating, setCreating] = useState(params.has('call'));

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.projects.mine')}</h2>}
      extra={
        <Space>
          <ExportButton path={projectPaths.applicationsExport} query={list.exportQuery} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('projects.app.create')}
          </Button>
        </Space>
      }
    >
      {apps.isError && (
        <Alert type="error" showIcon title={apps.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<ApplicationItem>
        rowKey="id"
        dataSource={apps.data?.items}
        loading={apps.isFetching}
        pagination={list.pagination(apps.data?.total)}
        onChange={list.onTableChange}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.app.emptyMine')} />,
        }}
        columns={[
          {
            title: t('projects.app.title'),
            key: 'title',
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
          {
            title: t('projects.app.nextStep'),
            key: 'next',
            width: 320,
            render: (_, a) => pickMsg(a.nextStep),
          },
          {
            title: t('projects.app.requestedAmount'),
            key: 'amount',
            render: (_, a) => wanText(a.requestedAmount),
          },
          {
            title: t('projects.app.approvedAmount'),
            key: 'approved',
            render: (_, a) => wanText(a.approvedAmount),
          },
          {
            title: t('projects.app.updatedAt'),
            key: 'updatedAt',
            render: (_, a) => formatDateTime(a.updatedAt),
          },
          {
            title: t('common.actions'),
            key: 'op',
            render: (_, a) => (
              <Link to={`/projects/my-applications/${a.id}`}>
                {a.actions.includes('submit') ? t('projects.app.continue') : t('projects.app.view')}
              </Link>
            ),
          },
        ]}
      />
      {creating && (
        <NewApplicationModal
          callId={params.get('call') ?? undefined}
          onClose={() => {
            setCreating(false);
            if (params.has('call')) setParams({}, { replace: true });
          }}
        />
      )}
    </Card>
  );
}
