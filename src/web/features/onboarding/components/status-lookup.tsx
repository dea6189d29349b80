import { Alert, Button, Descriptions, Form, Input } from 'antd';
import { REGISTRATION_KIND_NAMES } from '../../../../domain/onboarding';
import { formatDateTime } from '../../../app/format';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { useLookupRegistration } from '../api';
import type { Correction } from './registration-form';
import { StatusTag } from './status-tag';

/** 注册进度查询: tracking number and mobile; a returned request opens its form to correct. */
export function StatusLookup({
  initialTrackingNo,
  onCorrect,
}: {
  initialTrackingNo?: string;
  onCorrect: (kind: 'org' | 'expert', correction: Correction) => void;
}) {
  const t = useT();
  const pickMsg = useMsg();
  const onError = useApiErrorHandler();
  const lookup = useLookupRegistration();
  const [form] = Form.useForm<{ trackingNo: string; contactMobile: string }>();
  const r = lookup.data;
  return (
    <>
      <Form
        form={form}
        name="registration-lookup"
        layout="vertical"
        initialValues={{ trackingNo: initialTrackingNo }}
        onFinish={(v) => lookup.mutate(v, { onError: (e) => onError(e, form) })}
      >
        <Form.Item
          name="trackingNo"
          label={t('onboarding.trackingNo')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          name="contactMobile"
          label={t('onboarding.contactMobile')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={lookup.isPending}>
          {t('onboarding.public.query')}
        </Button>
      </Form>
      {r && (
        <Descriptions column={1} bordered size="small" style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('onboarding.trackingNo')}>{r.trackingNo}</Descriptions.Item>
          <Descriptions.Item label={t('onboarding.kind')}>
            {pickMsg(REGISTRATION_KIND_NAMES[r.kind])}
          </Descriptions.Item>
          <Descriptions.Item label={t('onboarding.name')}>{r.name}</Descriptions.Item>
          <Descriptions.Item label={t('onboarding.status')}>
            <StatusTag status={r.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('onboarding.submittedAt')}>
            {formatDateTime(r.submittedAt)}
          </Descriptions.Item>
          {r.reviewedAt && (
            <Descriptions.Item label={t('onboarding.reviewedAt')}>
              {formatDateTime(r.reviewedAt)}
            </Descriptions.Item>
          )}
          {r.reviewNote && (
            <Descriptions.Item label={t('onboarding.reviewNote')}>{r.reviewNote}</Descriptions.Item>
          )}
        </Descriptions>
      )}
      {r?.status === 'approved' && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 16 }}
          title={t('onboarding.public.approvedNote')}
        />
      )}
      {r?.status === 'returned' && r.form && (
        <Button
          block
          style={{ marginTop: 16 }}
          onClick={() =>
            onCorrect(r.kind, {
              trackingNo: r.trackingNo,
              mobile: form.getFieldValue('contactMobile'),
              note: r.reviewNote,
              form: Object.fromEntries(
                Object.entries(r.form ?? {}).filter(([k, v]) => v !== null && k !== 'fileName'),
              ),
            })
          }
        >
          {t('onboarding.public.correct')}
        </Button>
      )}
    </>
  );
}
