import { useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Layout, List, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { publicAchievementSchema, publicDemandSchema } from '../../../../domain/contracts/market';
import { MARKET_FIELD_NAMES, MATURITY_NAMES } from '../../../../domain/market';
import { api, type ListResult } from '../../../app/api-client';
import { useMsg, useT } from '../../../app/i18n';
import { Price } from '../components/labels';

type PublicAchievement = z.infer<typeof publicAchievementSchema>;
type PublicDemand = z.infer<typeof publicDemandSchema>;

function usePublic<T>(kind: 'achievements' | 'demands', q: string, page: number) {
  return useQuery({
    queryKey: ['public-market', kind, q, page],
    queryFn: () =>
      api.get<ListResult<T>>(`/api/v1/public/market/${kind}`, { q: q || undefined, page, pageSize: 10 }),
  });
}

/** 泉州技术市场 for everyone: published achievements and demands, without contacts. */
export function PublicMarketPage() {
  const t = useT();
  const pickMsg = useMsg();
  const [q, setQ] = useState('');
  const [pages, setPages] = useState({ achievements: 1, demands: 1 });
  const achievements = usePublic<PublicAchievement>('achievements', q, pages.achievements);
  const demands = usePublic<PublicDemand>('demands', q, pages.demands);
  const pager = (kind: 'achievements' | 'demands', total: number) => ({
    current: pages[kind],
    total,
    pageSize: 10,
    showSizeChanger: false,
    onChange: (p: number) => setPages((s) => ({ ...s, [kind]: p })),
  });
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Content style={{ maxWidth: 1100, margin: '24px auto', width: '100%', padding: '0 16px' }}>
        <Card>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <div>
              <Typography.Title level={2} style={{ marginBottom: 4 }}>
                {t('market.public.title')}
              </Typography.Title>
              <Typography.Text type="secondary">{t('market.public.subtitle')}</Typography.Text>
            </div>
            <Link to="/login">
              <Button type="primary">{t('market.public.login')}</Button>
            </Link>
          </Space>
          <Input.Search
            allowClear
            aria-label={t('market.search')}
            placeholder={t('market.search')}
            style={{ margin: '16px 0', maxWidth: 360 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPages({ achievements: 1, demands: 1 });
            }}
          />
          <Tabs
            items={[
              {
                key: 'achievements',
                label: t('market.public.achievements'),
                children: (
                  <List
                    loading={achievements.isFetching}
                    dataSource={achievements.data?.items ?? []}
                    pagination={pager('achievements', achievements.data?.total ?? 0)}
                    renderItem={(a) => (
                      <List.Item key={a.id}>
                        <List.Item.Meta
                          title={a.title}
                          description={
                            <Space wrap size={4}>
                              <span>{a.ownerName}</span>
                              <Tag>{pickMsg(MARKET_FIELD_NAMES[a.field])}</Tag>
                              <Tag>{pickMsg(MATURITY_NAMES[a.maturity])}</Tag>
                              <Price value={a.price} />
                            </Space>
                          }
                        />
                        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ maxWidth: 420, margin: 0 }}>
                          {a.abstract}
                        </Typography.Paragraph>
                      </List.Item>
                    )}
                  />
                ),
              },
              {
                key: 'demands',
                label: t('market.public.demands'),
                children: (
                  <List
                    loading={demands.isFetching}
                    dataSource={demands.data?.items ?? []}
                    pagination={pager('demands', demands.data?.total ?? 0)}
                    renderItem={(d) => (
                      <List.Item key={d.id}>
                        <List.Item.Meta
                          title={d.title}
                          description={
                            <Space wrap size={4}>
                              <span>{d.orgName}</span>
                              <Tag>{pickMsg(MARKET_FIELD_NAMES[d.field])}</Tag>
                              {d.deadline && <span>{`${t('market.deadline')} ${d.deadline}`}</span>}
                            </Space>
                          }
                        />
                        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ maxWidth: 420, margin: 0 }}>
                          {d.problem}
                        </Typography.Paragraph>
                      </List.Item>
                    )}
                  />
                ),
              },
            ]}
          />
        </Card>
      </Layout.Content>
    </Layout>
  );
}
