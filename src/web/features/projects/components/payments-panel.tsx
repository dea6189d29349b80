import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, DatePicker, Form, Input, Modal, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatDateTime, WAN_AMOUNT } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type ApplicationDetail, type Payment, useAddPayment } from '../api';
import { wanText } from '../format';

/** Funds are paid while the project runs under its task contract (the server says the same). */
const PAYABLE: string[] = ['in_progress', 'rectifying'];

/** 拨款: the tranches paid so far against the approved amount; staff record a new one. */
export function PaymentsPanel({ detail, canAdd }: { detail: ApplicationDetail; canAdd: boolean }) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>
          {t('projects.payment.approved')}：{wanText(detail.approvedAmount)}
        </Typography.Text>
        <Typography.Text>
          {t('projects.payment.paid')}：{wanText(detail.paidTotal)}
        </Typography.Text>
        {canAdd && detail.approvedAmount && PAYABLE.includes(detail.state) && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('projects.payment.add')}
          </Button>
        )}
      </Space>
      <Table<Payment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.payments}
        columns={[
          { title: t('projects.payment.paidOn'), dataIndex: 'paidOn', key: 'paidOn' },
          { title: t('projects.payment.amount'), key: 'amount', render: (_, p) => wanText(p.amount) },
          { title: t('projects.payment.note'), key: 'note', render: (_, p) => p.note ?? '—' },
          { title: t('projects.payment.recordedBy'), dataIndex: 'recordedBy', key: 'by' },
          {
            title: t('projects.payment.recordedAt'),
            key: 'at',
            render: (_, p) => formatDateTime(p.recordedAt),
          },
        ]}
      />
      {adding && <PaymentModal id={detail.id} onClose={() => setAdding(false)} />}
    </Space>
  );
}

function PaymentModal({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ amount: string; paidOn: Dayjs; note?: string }>();
  const add = useAddPayment(id);
  return (
    <Modal
      open
      title={t('projects.payment.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        name="payment-form"
        initialValues={{ paidOn: dayjs() }}
        onFinish={(v) =>
          add.mutate(
            { amount: v.amount.trim(), paidOn: v.paidOn.format('YYYY-MM-DD'), note: v.note?.trim() || null },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
              onError: (error) => onError(error, form),
            },
          )
        }
      >
        <Form.Item
          label={t('projects.payment.amount')}
          name="amount"
          rules={[
            { required: true, message: t('projects.form.required') },
            { pattern: WAN_AMOUNT, message: t('projects.money.pattern') },
          ]}
        >
          <Input suffix="万元" inputMode="decimal" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item
          label={t('projects.payment.paidOn')}
          name="paidOn"
          rules={[{ required: true, message: t('projects.form.required') }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item label={t('projects.payment.note')} name="note" rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
