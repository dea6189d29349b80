import { Button, Form, Select, Tag } from 'antd';
import { useState } from 'react';
import { BENEFICIARY_STATUS_CODES, BENEFICIARY_STATUS_NAMES } from '../../../../domain/policy-items';
import { useMsg, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { RespondDialog } from '../components/respond-dialog';
import { type BeneficiaryRow, itemPaths, useMyBenefits } from '../items-api';

export const STATUS_COLOR = {
  notified: 'orange',
  accepted: 'blue',
  declined: 'default',
  paid: 'green',
} as const;

/** 政策兑现通知: the 免申即享 benefits the organisation is listed for; it confirms its account or declines. */
export function BenefitsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const list = useUrlListState<Record<string, string | undefined>>('orgName');
  const rows = useMyBenefits(list.params);
  const [answering, setAnswering] = useState<BeneficiaryRow | null>(null);
  return (
    <>
      <ListPage
        title={t('menu.policies.benefits')}
        name="benefit-filters"
        list={list}
        query={rows}
        notice={t('benefits.notice')}
        columns={[
          { title: t('items.title'), dataIndex: 'itemTitle', width: 260 },
          {
            title: t('benefits.amountCol'),
            dataIndex: 'amount',
            width: 120,
            align: 'right',
            render: (v) => v ?? t('benefits.byCheck'),
          },
          {
            title: t('benefits.status'),
            key: 'status',
            width: 130,
            render: (_, r: BeneficiaryRow) => (
              <Tag color={STATUS_COLOR[r.status]}>{pickMsg(BENEFICIARY_STATUS_NAMES[r.status])}</Tag>
            ),
          },
          { title: t('benefits.bankName'), dataIndex: 'bankName', width: 180 },
          { title: t('benefits.bankAccount'), dataIndex: 'bankAccount', width: 120 },
          {
            title: t('benefits.paid'),
            key: 'paid',
            width: 160,
            render: (_, r: BeneficiaryRow) => (r.paidAmount ? `${r.paidAmount}（${r.paidOn}）` : '—'),
          },
        ]}
        filterFields={
          <Form.Item label={t('benefits.status')} name="status">
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 140 }}
              options={BENEFICIARY_STATUS_CODES.map((s) => ({
                value: s,
                label: pickMsg(BENEFICIARY_STATUS_NAMES[s]),
              }))}
            />
          </Form.Item>
        }
        actions={(r: BeneficiaryRow) =>
          r.status === 'notified' || r.status === 'accepted' ? (
            <Button type="link" size="small" onClick={() => setAnswering(r)}>
              {r.status === 'notified' ? t('benefits.respond') : t('benefits.change')}
            </Button>
          ) : null
        }
        actionsWidth={100}
        exportPath={`${itemPaths.benefits}/export.xlsx`}
        empty={{ filtered: t('benefits.emptyFiltered'), none: t('benefits.emptyNone') }}
      />
      {answering && <RespondDialog row={answering} onClose={() => setAnswering(null)} />}
    </>
  );
}
