import { Form, Input, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { type OutboxItem, outboxExportPath, useOutbox } from '../api';

const STATUS_COLOR = { stored: 'default', sent: 'green', failed: 'red' } as const;

/** 邮件发件箱: the mails the platform sent, or kept when no SMTP server is configured. */
export function OutboxPage() {
  const t = useT();
  const list = useUrlListState<Record<string, string | undefined>>('-createdAt');
  const outbox = useOutbox(list.params);
  return (
    <ListPage
      title={t('menu.onboarding.outbox')}
      name="outbox-filters"
      list={list}
      query={outbox}
      notice={t('onboarding.outbox.notice')}
      columns={[
        {
          title: t('onboarding.outbox.sentAt'),
          key: 'createdAt',
          width: 170,
          sorter: true,
          sortOrder: list.sortOrderOf('createdAt'),
          render: (_, m: OutboxItem) => formatDateTime(m.createdAt),
        },
        { title: t('onboarding.outbox.recipient'), dataIndex: 'recipient', width: 220 },
        { title: t('onboarding.outbox.subject'), dataIndex: 'subject', width: 320 },
        {
          title: t('onboarding.status'),
          key: 'status',
          width: 100,
          render: (_, m: OutboxItem) => (
            <Tag color={STATUS_COLOR[m.status]}>{t(`onboarding.outbox.${m.status}`)}</Tag>
          ),
        },
      ]}
      expandable={{
        expandedRowRender: (m: OutboxItem) => (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} copyable>
            {m.body}
          </Typography.Paragraph>
        ),
      }}
      filterFields={
        <Form.Item label={t('onboarding.search')} name="q">
          <Input allowClear style={{ width: 240 }} />
        </Form.Item>
      }
      exportPath={outboxExportPath}
      empty={{ filtered: t('onboarding.outbox.emptyFiltered'), none: t('onboarding.outbox.emptyNone') }}
    />
  );
}
