import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import {
  LISTING_STATUS_CODES,
  LISTING_STATUS_NAMES,
  MARKET_FIELD_CODES,
  MARKET_FIELD_NAMES,
} from '../../../../domain/market';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { Money } from '../../../app/money';
import { type DemandItem, exportPath, useDemand, useDemands } from '../api';
import { DemandEditor } from '../components/demand-editor';
import { FieldText, StatusTag } from '../components/labels';
import { ListingDrawer } from '../components/listing-drawer';

function Budget({ d }: { d: Pick<DemandItem, 'budgetMin' | 'budgetMax'> }) {
  if (!d.budgetMin && !d.budgetMax) return <>—</>;
  return (
    <>
      <Money value={d.budgetMin} /> ~ <Money value={d.budgetMax} />
    </>
  );
}

/** 需求库: enterprises' demands, the achievements matched to each, and the follow-up. */
export function DemandsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const list = useUrlListState<Record<string, string | undefined>>('-updatedAt');
  const demands = useDemands(list.params);
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const [viewing, setViewing] = useState<string>();
  const detail = useDemand(viewing);
  const d = detail.data?.demand;

  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  return (
    <>
      <ListPage
        title={t('menu.market.demands')}
        name="market-demand-filters"
        list={list}
        query={demands}
        actionsWidth={80}
        columns={[
          { title: t('market.demandTitle'), dataIndex: 'title', width: 280, ...sorted('title') },
          { title: t('market.org'), dataIndex: 'orgName', width: 200 },
          { title: t('market.region'), dataIndex: 'regionName', width: 90 },
          {
            title: t('market.field'),
            width: 110,
            ...sorted('field'),
            render: (_, r: DemandItem) => <FieldText field={r.field} />,
          },
          {
            title: t('market.budget'),
            key: 'budget',
            width: 170,
            render: (_, r: DemandItem) => <Budget d={r} />,
          },
          { title: t('market.deadline'), dataIndex: 'deadline', width: 110, ...sorted('deadline') },
          {
            title: t('market.status'),
            width: 90,
            ...sorted('status'),
            render: (_, r: DemandItem) => <StatusTag status={r.status} />,
          },
          { title: t('market.publishedOn'), dataIndex: 'publishedOn', width: 110, ...sorted('publishedOn') },
        ]}
        filterFields={
          <>
            <Form.Item label={t('market.search')} name="q">
              <Input allowClear placeholder={t('market.searchPlaceholder')} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={t('market.field')} name="field">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 150 }}
                options={MARKET_FIELD_CODES.map((c) => ({ value: c, label: pickMsg(MARKET_FIELD_NAMES[c]) }))}
              />
            </Form.Item>
            <Form.Item label={t('market.status')} name="status">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 110 }}
                options={LISTING_STATUS_CODES.map((c) => ({
                  value: c,
                  label: pickMsg(LISTING_STATUS_NAMES[c]),
                }))}
              />
            </Form.Item>
          </>
        }
        actions={(r: DemandItem) => (
          <Button type="link" size="small" onClick={() => setViewing(r.id)}>
            {t('market.view')}
          </Button>
        )}
        exportPath={exportPath('demands')}
        extra={
          (can('market.post') || can('market.manage')) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('market.postDemand')}
            </Button>
          )
        }
        empty={{ filtered: t('market.emptyFiltered'), none: t('market.emptyNone') }}
      />
      {editing && <DemandEditor id={editing.id} onClose={() => setEditing(null)} />}
      {viewing && (
        <ListingDrawer
          side="demands"
          record={d}
          loading={detail.isLoading}
          abilities={detail.data?.abilities}
          interests={detail.data?.interests}
          onEdit={() => setEditing({ id: viewing })}
          onClose={() => setViewing(undefined)}
          items={
            d
              ? [
                  { label: t('market.org'), children: d.orgName },
                  { label: t('market.region'), children: d.regionName },
                  { label: t('market.field'), children: <FieldText field={d.field} /> },
                  { label: t('market.budget'), children: <Budget d={d} /> },
                  { label: t('market.deadline'), children: d.deadline ?? '—' },
                  { label: t('market.contactPerson'), children: d.contactPerson ?? '—' },
                  { label: t('market.contactPhone'), children: d.contactPhone ?? '—' },
                  { label: t('market.problem'), children: d.problem },
                  { label: t('market.expectedOutcome'), children: d.expectedOutcome },
                  ...(d.confidential !== null
                    ? [{ label: t('market.confidential'), children: d.confidential }]
                    : []),
                ]
              : []
          }
        />
      )}
    </>
  );
}
