import { App as AntApp, Button, Descriptions, Drawer, Input, List, Space, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LISTING_ACTION_NAMES, LISTING_STATUS_NAMES, type ListingAction } from '../../../../domain/market';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type Side, useInterest, useListingAction } from '../api';
import { MatchesPanel } from './matches-panel';

export interface DrawerRecord {
  id: string;
  title: string;
  status: keyof typeof LISTING_STATUS_NAMES;
}

interface Props {
  side: Side;
  record: DrawerRecord | undefined;
  loading: boolean;
  items: { label: string; children: ReactNode }[];
  abilities?: { edit: boolean; actions: ListingAction[]; matches: boolean; interest: boolean };
  interests?: { orgId: string; orgName: string; note: string | null }[];
  onEdit: () => void;
  onClose: () => void;
  extra?: ReactNode;
}

/** One achievement or demand: its fields, its moves, the interested organisations and its matches. */
export function ListingDrawer({
  side,
  record,
  loading,
  items,
  abilities,
  interests,
  onEdit,
  onClose,
  extra,
}: Props) {
  const t = useT();
  const pickMsg = useMsg();
  const { modal, message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const act = useListingAction();
  const interest = useInterest();

  const run = (action: ListingAction) => {
    if (!record) return;
    let comment = '';
    modal.confirm({
      title: t('market.actionConfirm', {
        title: record.title,
        action: pickMsg(LISTING_ACTION_NAMES[action]),
      }),
      content:
        action === 'return' ? (
          <Input.TextArea
            aria-label={t('market.returnReason')}
            placeholder={t('market.returnReason')}
            onChange={(e) => {
              comment = e.target.value;
            }}
          />
        ) : undefined,
      onOk: () =>
        act
          .mutateAsync({ side, id: record.id, body: { action, comment: comment || undefined } })
          .catch((error) => onError(error)),
    });
  };

  return (
    <Drawer open size="large" width={960} title={record?.title} onClose={onClose} destroyOnHidden>
      {loading || !record ? (
        <Spin />
      ) : (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={record.status === 'published' ? 'green' : undefined}>
              {pickMsg(LISTING_STATUS_NAMES[record.status])}
            </Tag>
            {abilities?.edit && <Button onClick={onEdit}>{t('common.edit')}</Button>}
            {abilities?.actions.map((a) => (
              <Button
                key={a}
                type={a === 'publish' || a === 'submit' ? 'primary' : 'default'}
                danger={a === 'withdraw' || a === 'expire'}
                onClick={() => run(a)}
              >
                {pickMsg(LISTING_ACTION_NAMES[a])}
              </Button>
            ))}
            {abilities?.interest && (
              <Button
                onClick={() =>
                  interest
                    .mutateAsync({ side, id: record.id })
                    .then(() => message.success(t('market.interestDone')))
                    .catch((error) => onError(error))
                }
              >
                {t('market.interest')}
              </Button>
            )}
          </Space>
          <Descriptions bordered size="small" column={2} items={items.map((i, k) => ({ key: k, ...i }))} />
          {extra}
          {abilities?.matches && (
            <section aria-labelledby="market-interests">
              <Typography.Title level={5} id="market-interests">
                {t('market.interests')}
              </Typography.Title>
              <List
                size="small"
                dataSource={interests ?? []}
                locale={{ emptyText: t('market.noInterests') }}
                renderItem={(i) => (
                  <List.Item>
                    {i.orgName}
                    {i.note ? `：${i.note}` : ''}
                  </List.Item>
                )}
              />
            </section>
          )}
          {abilities?.matches && record.status === 'published' && <MatchesPanel side={side} id={record.id} />}
        </Space>
      )}
    </Drawer>
  );
}
