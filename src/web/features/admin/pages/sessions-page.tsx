import { ReloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Popconfirm, type TableColumnsType } from 'antd';
import { isRoleCode, ROLE_NAMES } from '../../../../domain/roles';
import { formatDateTime } from '../../../app/format';
import { useMsg, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { exportPaths, type Session, useRevokeSession, useSessions } from '../api';

/** 在线会话: who is signed in now, and forcing one out. */
export function SessionsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const list = useUrlListState<Record<string, never>>();
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
  ];

  return (
    <ListPage<Session, Record<string, never>>
      title={t('menu.sessions')}
      name="session-list"
      list={list}
      query={sessions}
      columns={columns}
      actions={(session) => (
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
      )}
      actionsWidth={100}
      exportPath={exportPaths.sessions}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => sessions.refetch()} loading={sessions.isFetching}>
          {t('common.refresh')}
        </Button>
      }
      empty={{ filtered: t('admin.list.emptyFiltered'), none: t('admin.sessions.emptyNone') }}
    />
  );
}
