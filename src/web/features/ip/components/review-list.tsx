import { App as AntApp, Button, Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { OrgPicker } from '../../registry/components/org-picker';
import { type ReviewItem, useDecideReview, useReviews } from '../api';

/** One applicant to match: the candidates when several matched, else a search of the registry. */
function Decide({ item }: { item: ReviewItem }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const decide = useDecideReview();
  const [orgId, setOrgId] = useState<string | undefined>(item.candidates[0]?.id);
  const send = (body: { orgId: string } | { notInRegistry: true }) =>
    decide.mutate(
      { id: item.id, body },
      {
        onSuccess: (r) => message.success(t('ip.review.matched', { name: r.orgName ?? r.name })),
        onError: (e) => onError(e),
      },
    );
  return (
    <Space wrap>
      {item.candidates.length > 0 ? (
        <Select
          aria-label={t('ip.review.pick')}
          style={{ width: 280 }}
          value={orgId}
          onChange={setOrgId}
          options={item.candidates.map((c) => ({ value: c.id, label: `${c.name}（${c.uscc}）` }))}
        />
      ) : (
        <div style={{ width: 280 }}>
          <OrgPicker value={orgId} onChange={setOrgId} />
        </div>
      )}
      <Button
        type="primary"
        size="small"
        disabled={!orgId}
        loading={decide.isPending}
        onClick={() => orgId && send({ orgId })}
      >
        {t('ip.review.match')}
      </Button>
      <Button size="small" onClick={() => send({ notInRegistry: true })}>
        {t('ip.review.notInRegistry')}
      </Button>
    </Space>
  );
}

/** 待核对申请人: names no registry organisation matched, or several did. */
export function ReviewList() {
  const t = useT();
  const [page, setPage] = useState(1);
  const reviews = useReviews({ status: 'open', page, pageSize: 10 });
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('ip.review.title')}</h2>}>
      <Table<ReviewItem>
        rowKey="id"
        size="small"
        loading={reviews.isFetching}
        dataSource={reviews.data?.items ?? []}
        locale={{ emptyText: t('ip.review.empty') }}
        pagination={{ current: page, pageSize: 10, total: reviews.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('ip.review.name'), dataIndex: 'name', width: 240 },
          {
            title: t('ip.review.reason'),
            key: 'reason',
            width: 150,
            render: (_, r) => (
              <Tag color={r.reason === 'ambiguous' ? 'orange' : 'default'}>{t(`ip.review.${r.reason}`)}</Tag>
            ),
          },
          { title: t('ip.review.patents'), dataIndex: 'patents', width: 90, align: 'right' },
          { title: t('ip.review.pick'), key: 'decide', render: (_, r) => <Decide item={r} /> },
        ]}
      />
    </Card>
  );
}
