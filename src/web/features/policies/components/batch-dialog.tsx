import { Alert, App as AntApp, DatePicker, Form, Input, InputNumber, Modal, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type ItemRow, useBeneficiaries, useRecordBatch } from '../items-api';

interface Values {
  paidOn: Dayjs;
  note?: string;
  lines?: string;
}

/**
 * 登记拨付批次: a 免申即享 item pays the organisations that confirmed their account (ticked, with
 * their amounts); an item through applications takes lines pasted from a spreadsheet: USCC, amount.
 */
export function BatchDialog({ item, onClose }: { item: ItemRow; onClose: () => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const record = useRecordBatch();
  const accepted = useBeneficiaries(item.id, { status: 'accepted', pageSize: 200 });
  const rows = accepted.data?.items ?? [];
  const [ticked, setTicked] = useState<string[] | null>(null);
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const keys = ticked ?? rows.map((r) => r.orgId);
  const amountOf = (orgId: string, fallback: string | null) =>
    amounts[orgId] ?? fallback ?? item.amount ?? '';

  const onFinish = (v: Values) => {
    const payments = item.noApplication
      ? rows
          .filter((r) => keys.includes(r.orgId))
          .map((r) => ({ orgId: r.orgId, amount: String(amountOf(r.orgId, r.amount)) }))
      : (v.lines ?? '')
          .split(/\n+/)
          .map((l) => l.trim().split(/[\s,，\t]+/))
          .filter((p) => p.length >= 2 && p[0])
          .map(([uscc, amount]) => ({ uscc, amount }));
    record.mutate(
      {
        id: item.id,
        body: { paidOn: v.paidOn.format('YYYY-MM-DD'), note: v.note?.trim() || null, payments },
      },
      {
        onSuccess: (b) => {
          message.success(t('batches.recorded', { n: b.payments, total: b.total }));
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  };

  return (
    <Modal
      open
      title={t('batches.create')}
      okText={t('batches.record')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      width={760}
    >
      <Form<Values>
        name="batch-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ paidOn: dayjs() }}
      >
        <Form.Item label={t('batches.paidOn')} name="paidOn" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        {item.noApplication ? (
          rows.length === 0 ? (
            <Alert type="info" showIcon title={t('batches.noneAccepted')} />
          ) : (
            <Form.Item label={t('batches.payees')} name="payments">
              <Table
                size="small"
                rowKey="orgId"
                pagination={false}
                dataSource={rows}
                rowSelection={{ selectedRowKeys: keys, onChange: (k) => setTicked(k as string[]) }}
                columns={[
                  { title: t('items.org'), dataIndex: 'orgName' },
                  { title: t('benefits.bankName'), dataIndex: 'bankName', width: 160 },
                  {
                    title: t('batches.amount'),
                    key: 'amount',
                    width: 140,
                    render: (_, r) => (
                      <InputNumber
                        aria-label={t('batches.amount')}
                        min={0}
                        step={0.01}
                        value={Number(amountOf(r.orgId, r.amount)) || undefined}
                        onChange={(v) =>
                          setAmounts((a) => ({ ...a, [r.orgId]: v === null ? '' : String(v) }))
                        }
                      />
                    ),
                  },
                ]}
              />
            </Form.Item>
          )
        ) : (
          <Form.Item
            label={t('batches.lines')}
            name="lines"
            extra={t('batches.linesHint')}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={8} placeholder={'91350582MA2XJ0D1XX\t4.80'} />
          </Form.Item>
        )}
        <Form.Item label={t('batches.note')} name="note">
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
