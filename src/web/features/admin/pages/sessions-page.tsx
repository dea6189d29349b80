import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { ROLE_CODES, ROLE_NAMES, type RoleCode } from '../../../../domain/roles';
import { formatDateTime } from '../../../app/format';
import { useMsg, useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { useListState } from '../../../app/list/use-list-state';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { exportPaths, type Session, useRevokeSession, useSessions } from '../api';

function isRoleCode(value: string): value is RoleCode {
  return (ROLE_CODES as readonly string[]).includes(value);
}

export function SessionsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const list = useListState<Record<string, never>>({});
  const sessions = useSessions(list.params);
  const revoke = useRevokeSession();

  const onRevoke = (session: Session) =>
    revoke.mutateAsync(session.id).then(
      () => {
        message.success(t('sessions.revoked', { name: session.username }));
      },
      (error: unknown) => onError(error),
    );

  const columns: TableColumnsType<Session> = [
    { title: t('sessions.username'), dataIndex: 'username', key: 'username' },
    {
      title: t('sessions.role'),
      dataIndex: 'role',
      key: 'role',
      render: (role: string) => (isRoleCode(role) ? pickMsg(ROLE_NAMES[role]) : role),
    },
    { title: t('sessions.ip'), dataIndex: 'ip', key: 'ip', render: (ip: string | null) => ip ?? '—' },
    {
      title: t('sessions.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t('sessions.lastSeenAt'),
      dataIndex: 'lastSeenAt',
      key: 'lastSeenAt',
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, session) => (
        <Popconfirm
          title={t('sessions.revokeConfirm', { name: session.username })}
          description={t('sessions.revokeConfirmDetail')}
          okText={t('sessions.revoke')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => onRevoke(session)}
        >
          <Button
            type="link"
            size="small"
            danger
            loading={revoke.isPending && revoke.variables === session.id}
          >
            {t('sessions.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.sessions')}</h2>}
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => sessions.refetch()} loading={sessions.isFetching}>
            {t('common.refresh')}
          </Button>
          <ExportButton path={exportPaths.sessions} query={list.exportQuery} />
        </Space>
      }
    >
      {sessions.isError && (
        <Alert type="error" showIcon title={sessions.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<Session>
        rowKey="id"
        columns={columns}
        dataSource={sessions.data?.items}
        loading={sessions.isFetching}
        pagination={list.pagination(sessions.data?.total)}
        onChange={list.onTableChange}
      />
    </Card>
  );
}
