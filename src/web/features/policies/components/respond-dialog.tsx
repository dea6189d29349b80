import { App as AntApp, Form, Input, Modal, Radio } from 'antd';
import { useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type BeneficiaryRow, useRespond } from '../items-api';

interface Values {
  accept: 'yes' | 'no';
  bankName?: string;
  bankAccount?: string;
  accountName?: string;
  reason?: string;
}

/** The organisation's answer to a 免申即享 notice (or staff entering one received on paper). */
export function RespondDialog({
  row,
  onBehalf,
  onClose,
}: {
  row: BeneficiaryRow;
  onBehalf?: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const respond = useRespond();
  const accept = Form.useWatch('accept', form);
  const onFinish = (v: Values) =>
    respond.mutate(
      {
        id: row.id,
        itemId: onBehalf ? row.itemId : undefined,
        body:
          v.accept === 'yes'
            ? {
                accept: true,
                bankName: v.bankName ?? '',
                bankAccount: v.bankAccount ?? '',
                accountName: v.accountName ?? '',
              }
            : { accept: false, reason: v.reason ?? '' },
      },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  return (
    <Modal
      open
      title={t('benefits.respondTitle', { item: row.itemTitle })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={respond.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <p>
        {row.orgName}
        {row.amount ? ` · ${t('benefits.amount', { amount: row.amount })}` : ''}
      </p>
      <Form<Values>
        name="respond-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ accept: 'yes', accountName: row.orgName, bankName: row.bankName ?? undefined }}
      >
        <Form.Item name="accept">
          <Radio.Group
            options={[
              { value: 'yes', label: t('benefits.accept') },
              { value: 'no', label: t('benefits.decline') },
            ]}
          />
        </Form.Item>
        {accept === 'no' ? (
          <Form.Item
            label={t('benefits.reason')}
            name="reason"
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              label={t('benefits.bankName')}
              name="bankName"
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              label={t('benefits.bankAccount')}
              name="bankAccount"
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={40} inputMode="numeric" />
            </Form.Item>
            <Form.Item
              label={t('benefits.accountName')}
              name="accountName"
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
