import { Alert, App as AntApp, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { RECORD_STATUS_NAMES } from '../../../../domain/registry';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type FacilityEndBody, useEndCarrier, useEndPlatform } from '../facilities-api';

interface EndValues {
  status: FacilityEndBody['status'];
  endedOn: Dayjs;
  reason: string;
}

/**
 * 撤销 or 关闭/合并 a platform or carrier. Destructive: from `endedOn` it no longer counts in the
 * indicators, so the dialog warns and asks why.
 */
export function FacilityEndModal({
  variant,
  record,
  onClose,
}: {
  variant: 'platform' | 'carrier';
  record: { id: string; name: string; recognizedOn: string };
  onClose: () => void;
}) {
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<EndValues>();
  const endPlatform = useEndPlatform();
  const endCarrier = useEndCarrier();
  const end = variant === 'platform' ? endPlatform : endCarrier;

  const onFinish = (values: EndValues) =>
    end.mutate(
      {
        id: record.id,
        body: {
          status: values.status,
          endedOn: values.endedOn.format('YYYY-MM-DD'),
          reason: values.reason.trim(),
        },
      },
      {
        onSuccess: () => {
          message.success(t('registry.facility.ended', { name: record.name }));
          onClose();
        },
        onError: (error) => onError(error, form),
      },
    );

  return (
    <Modal
      open
      title={t('registry.facility.endTitle', { name: record.name })}
      okText={t('registry.facility.end')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={end.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Alert type="warning" showIcon title={t('registry.facility.endWarning')} style={{ marginBottom: 16 }} />
      <Form<EndValues>
        name="facility-end-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ status: 'closed', endedOn: dayjs() }}
      >
        <Form.Item label={t('registry.facility.endKind')} name="status">
          <Radio.Group
            options={(['closed', 'revoked'] as const).map((s) => ({
              value: s,
              label: pickMsg(RECORD_STATUS_NAMES[s]),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('registry.facility.endedOn')}
          name="endedOn"
          extra={t('registry.facility.endedOnHint')}
          rules={[
            { required: true, message: t('registry.facility.endedOnRequired') },
            {
              validator: async (_, value: Dayjs | undefined) => {
                if (value?.isBefore(dayjs(record.recognizedOn), 'day'))
                  throw new Error(
                    t('registry.facility.endedBeforeRecognized', { date: record.recognizedOn }),
                  );
              },
            },
          ]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={t('registry.facility.endReason')}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: t('registry.qual.revokeReasonRequired') },
            { min: 2, max: 500, message: t('registry.qual.revokeReasonLength') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
