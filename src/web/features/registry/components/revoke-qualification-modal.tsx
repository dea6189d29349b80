import { Alert, App as AntApp, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type Qualification, useRevokeQualification } from '../api';
import { useQualificationTypeName } from './qualification-tags';

interface RevokeValues {
  revokedOn: Dayjs;
  reason: string;
}

/**
 * 撤销资质 (e.g. a 高企 title withdrawn after a spot check). Destructive: it ends the validity from the
 * given day and cannot be undone here, so the dialog says so and asks for the reason.
 */
export function RevokeQualificationModal({
  qualification,
  onClose,
}: {
  qualification: Qualification;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const typeName = useQualificationTypeName();
  const [form] = Form.useForm<RevokeValues>();
  const revoke = useRevokeQualification();
  const what = `${qualification.orgName} · ${typeName(qualification.typeCode)}`;

  const onFinish = (values: RevokeValues) =>
    revoke.mutate(
      {
        id: qualification.id,
        body: { revokedOn: values.revokedOn.format('YYYY-MM-DD'), reason: values.reason.trim() },
      },
      {
        onSuccess: () => {
          message.success(t('registry.qual.revoked', { what }));
          onClose();
        },
        onError: (error) => onError(error, form),
      },
    );

  return (
    <Modal
      open
      title={t('registry.qual.revokeTitle')}
      okText={t('registry.qual.revoke')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={revoke.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Alert
        type="warning"
        showIcon
        title={t('registry.qual.revokeWarning', { what })}
        description={t('registry.qual.revokeWarningDetail')}
        style={{ marginBottom: 16 }}
      />
      <Form<RevokeValues>
        name="revoke-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ revokedOn: dayjs() }}
      >
        <Form.Item
          label={t('registry.qual.revokedOn')}
          name="revokedOn"
          rules={[
            { required: true, message: t('registry.qual.revokedOnRequired') },
            {
              validator: async (_, value: Dayjs | undefined) => {
                if (value?.isBefore(dayjs(qualification.issuedOn), 'day'))
                  throw new Error(t('registry.qual.revokedBeforeIssue', { date: qualification.issuedOn }));
              },
            },
          ]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={t('registry.qual.revokeReason')}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: t('registry.qual.revokeReasonRequired') },
            { min: 2, max: 500, message: t('registry.qual.revokeReasonLength') },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('registry.qual.revokeReasonHint')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
