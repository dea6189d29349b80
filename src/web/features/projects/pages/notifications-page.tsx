import { BellOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Badge, Button, Card, Empty, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth-context';
import { formatDateTime } from '../../../app/format';
import { useMsg, useT } from '../../../app/i18n';
import { type Notification, useMarkRead, useNotifications } from '../api';

/**
 * The server links an application as /projects/applications/:id; an applicant opens the same
 * record in their own editor, which is the page their permission reaches.
 */
function linkFor(link: string, isApplicant: boolean): string {
  const m = /^\/projects\/applications\/([0-9a-f-]{36})$/i.exec(link);
  return m && isApplicant ? `/projects/my-applications/${m[1]}` : link;
}

/** 通知: the user's own notifications, unread first; opening one marks it read. */
export function NotificationsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const navigate = useNavigate();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useNotifications({ page, pageSize });
  const mark = useMarkRead();

  const open = (n: Notification) => {
    if (!n.read) mark.mutate(n.id);
    if (n.link) navigate(linkFor(n.link, can('projects.apply')));
  };

  return (
    <Card
      title={
        <Space>
          <h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.notifications')}</h2>
          {(list.data?.unread ?? 0) > 0 && <Badge count={list.data?.unread} />}
        </Space>
      }
      extra={
        <Button
          disabled={!list.data?.unread}
          loading={mark.isPending && mark.variables === 'all'}
          onClick={() =>
            mark.mutate('all', {
              onSuccess: () => message.success(t('projects.notice.allRead')),
              onError: (e) => message.error(e.message),
            })
          }
        >
          {t('projects.notice.markAll')}
        </Button>
      }
    >
      {list.isError && (
        <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />
      )}
      <List<Notification>
        loading={list.isFetching}
        dataSource={list.data?.items}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.notice.empty')} />,
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
          showTotal: (n) => t('list.total', { total: n }),
        }}
        renderItem={(n) => (
          <List.Item
            key={n.id}
            actions={[
              n.link ? (
                <Button key="open" size="small" type="link" onClick={() => open(n)}>
                  {t('projects.notice.open')}
                </Button>
              ) : null,
              !n.read ? (
                <Button key="read" size="small" type="link" onClick={() => mark.mutate(n.id)}>
                  {t('projects.notice.markRead')}
                </Button>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              avatar={
                <Badge dot={!n.read}>
                  <BellOutlined style={{ fontSize: 18 }} />
                </Badge>
              }
              title={
                <Typography.Text strong={!n.read} type={n.read ? 'secondary' : undefined}>
                  {pickMsg(n.title)}
                </Typography.Text>
              }
              description={formatDateTime(n.createdAt)}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
