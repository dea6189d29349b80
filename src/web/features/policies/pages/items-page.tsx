import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { BENEFIT_KIND_NAMES } from '../../../../domain/policy-items';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { NameCell } from '../../../app/list/cells';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { ItemEditor } from '../components/item-editor';
import { type ItemRow, itemPaths, useItems } from '../items-api';

/** The benefit of an item in words: 10 万元 each, or 50% of the premium up to 5 万元. */
export function useBenefitText() {
  const t = useT();
  return (r: Pick<ItemRow, 'benefitKind' | 'amount' | 'percent' | 'baseLabel'>) =>
    r.benefitKind === 'fixed'
      ? t('items.fixedText', { amount: r.amount ?? '—' })
      : t('items.percentText', { percent: r.percent ?? '—', base: r.baseLabel ?? '', cap: r.amount ?? '—' });
}

/** 政策兑现: the items of the policy documents, 免申即享 or through an application. */
export function ItemsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const list = useUrlListState<Record<string, string | undefined>>('-year');
  const items = useItems(list.params);
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const benefit = useBenefitText();
  return (
    <>
      <ListPage
        title={t('menu.policies.items')}
        name="item-filters"
        list={list}
        query={items}
        columns={[
          {
            title: t('items.title'),
            key: 'title',
            width: 260,
            render: (_, r: ItemRow) => (
              <NameCell
                to={`/policies/items/${r.id}`}
                name={r.title}
                code={r.documentNo ?? r.documentTitle}
              />
            ),
          },
          { title: t('items.year'), dataIndex: 'year', width: 70 },
          {
            title: t('items.benefit'),
            key: 'benefit',
            width: 220,
            render: (_, r: ItemRow) => (
              <span title={pickMsg(BENEFIT_KIND_NAMES[r.benefitKind])}>{benefit(r)}</span>
            ),
          },
          {
            title: t('items.mode'),
            key: 'mode',
            width: 110,
            render: (_, r: ItemRow) =>
              r.noApplication ? (
                <Tag color="green">{t('items.noApplication')}</Tag>
              ) : (
                <Tag>{t('items.byApplication')}</Tag>
              ),
          },
          {
            title: t('items.ruleVersion'),
            key: 'ruleVersion',
            width: 90,
            render: (_, r: ItemRow) => (r.ruleVersion > 0 ? `v${r.ruleVersion}` : '—'),
          },
          { title: t('items.listed'), dataIndex: 'beneficiaries', width: 80, align: 'right' },
          { title: t('items.paidCount'), dataIndex: 'paidCount', width: 80, align: 'right' },
          { title: t('items.paidAmount'), dataIndex: 'paidAmount', width: 110, align: 'right' },
          { title: t('items.budgetLine'), dataIndex: 'budgetLine', key: 'budgetLine', width: 180 },
        ]}
        defaultHidden={['budgetLine']}
        filterFields={
          <>
            <Form.Item label={t('policies.search')} name="q">
              <Input allowClear placeholder={t('items.searchPlaceholder')} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item label={t('items.year')} name="year">
              <InputNumber min={2000} max={2100} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item label={t('items.mode')} name="noApplication">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 120 }}
                options={[
                  { value: 'true', label: t('items.noApplication') },
                  { value: 'false', label: t('items.byApplication') },
                ]}
              />
            </Form.Item>
          </>
        }
        actions={(r: ItemRow) => <Link to={`/policies/items/${r.id}`}>{t('items.open')}</Link>}
        actionsWidth={80}
        exportPath={`${itemPaths.list}/export.xlsx`}
        extra={
          can('policies.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('items.create')}
            </Button>
          )
        }
        empty={{ filtered: t('items.emptyFiltered'), none: t('items.emptyNone') }}
      />
      {editing && <ItemEditor id={editing.id} onClose={() => setEditing(null)} />}
    </>
  );
}
