import { App as AntApp, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { validateHteCertificate } from '../../../../domain/identifiers';
import { pick } from '../../../../domain/message';
import { qualificationValiditySchema } from '../../../../domain/reference';
import { LEVEL_NAMES, type Level, validUntilFor } from '../../../../domain/registry';
import { useLocale, useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import {
  type Qualification,
  type QualificationUpdateBody,
  useCreateQualification,
  useQualificationTypes,
  useUpdateQualification,
} from '../api';

interface QualificationFormValues {
  typeCode: string;
  level?: Level | null;
  certificateNo?: string;
  issuedOn: Dayjs;
  validUntil?: Dayjs | null;
  documentNo?: string;
  batch?: string;
}

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const text = (v: string | undefined) => v?.trim() || null;

/** Adds a qualification to an organisation, or corrects one already recorded. */
export function QualificationFormModal({
  orgId,
  orgName,
  qualification,
  onClose,
}: {
  orgId: string;
  orgName: string;
  qualification?: Qualification;
  onClose: () => void;
}) {
  const t = useT();
  const pickMsg = useMsg();
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<QualificationFormValues>();
  const types = useQualificationTypes();
  const create = useCreateQualification();
  const update = useUpdateQualification();

  const typeCode = Form.useWatch('typeCode', form);
  const issuedOn = Form.useWatch('issuedOn', form);
  const type = types.data?.find((q) => q.code === typeCode);
  const levels = (type?.levels ?? []) as Level[];

  // A type granted at one level only (高企: national) needs no choice.
  useEffect(() => {
    if (!type) return;
    const allowed = type.levels as Level[];
    const current = form.getFieldValue('level') as Level | null | undefined;
    if (allowed.length === 1) form.setFieldValue('level', allowed[0]);
    else if (current && !allowed.includes(current)) form.setFieldValue('level', undefined);
  }, [type, form]);

  const validity = type ? qualificationValiditySchema.safeParse(type.validity) : undefined;
  const ruleEnd =
    validity?.success && issuedOn ? validUntilFor(validity.data, issuedOn.format('YYYY-MM-DD')) : undefined;

  const onFinish = (values: QualificationFormValues) => {
    const body = {
      typeCode: values.typeCode,
      level: values.level ?? null,
      certificateNo: text(values.certificateNo),
      issuedOn: values.issuedOn.format('YYYY-MM-DD'),
      documentNo: text(values.documentNo),
      batch: text(values.batch),
    };
    const done = {
      onSuccess: () => {
        message.success(qualification ? t('common.saved') : t('registry.qual.created'));
        onClose();
      },
      onError: (error: Error) => onError(error, form),
    };
    // Left empty, the end of validity follows the type's rule on the server (高企: three years).
    const validUntil = values.validUntil ? iso(values.validUntil) : undefined;
    if (!qualification) {
      create.mutate({ orgId, ...body, ...(validUntil ? { validUntil } : {}) }, done);
      return;
    }
    const changes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body)) {
      if ((qualification as Record<string, unknown>)[key] !== value) changes[key] = value;
    }
    if (validUntil && validUntil !== qualification.validUntil) changes.validUntil = validUntil;
    if (Object.keys(changes).length === 0) {
      message.info(t('registry.form.unchanged'));
      onClose();
      return;
    }
    update.mutate({ id: qualification.id, body: changes as QualificationUpdateBody }, done);
  };

  return (
    <Modal
      open
      title={
        qualification
          ? t('registry.qual.editOf', { org: orgName })
          : t('registry.qual.createFor', { org: orgName })
      }
      okText={qualification ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      width={640}
    >
      <Form<QualificationFormValues>
        name="qualification-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          qualification
            ? {
                typeCode: qualification.typeCode,
                level: qualification.level,
                certificateNo: qualification.certificateNo ?? undefined,
                issuedOn: dayjs(qualification.issuedOn),
                validUntil: qualification.validUntil ? dayjs(qualification.validUntil) : null,
                documentNo: qualification.documentNo ?? undefined,
                batch: qualification.batch ?? undefined,
              }
            : undefined
        }
      >
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item
              label={t('registry.qual.type')}
              name="typeCode"
              rules={[{ required: true, message: t('registry.qual.typeRequired') }]}
            >
              <Select
                loading={types.isLoading}
                placeholder={t('common.select')}
                showSearch={{ optionFilterProp: 'label' }}
                options={(types.data ?? []).map((q) => ({
                  value: q.code,
                  label: locale === 'en' ? q.nameEn : q.name,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label={t('registry.qual.level')} name="level">
              <Select
                allowClear
                disabled={levels.length <= 1}
                placeholder={t('common.select')}
                options={levels.map((l) => ({ value: l, label: pickMsg(LEVEL_NAMES[l]) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label={t('registry.qual.certificateNo')}
          name="certificateNo"
          normalize={(v: string | undefined) => v?.toUpperCase()}
          extra={typeCode === 'hte' ? t('registry.qual.hteCertificateHint') : undefined}
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                if (typeCode !== 'hte' || !value?.trim()) return;
                const r = validateHteCertificate(value);
                if (!r.ok) throw new Error(pick(r.reason, locale));
              },
            },
          ]}
        >
          <Input maxLength={40} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('registry.qual.issuedOn')}
              name="issuedOn"
              rules={[{ required: true, message: t('registry.qual.issuedOnRequired') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('registry.qual.validUntil')}
              name="validUntil"
              dependencies={['issuedOn']}
              extra={
                ruleEnd !== undefined
                  ? ruleEnd
                    ? t('registry.qual.validUntilRule', { date: ruleEnd })
                    : t('registry.qual.validUntilNone')
                  : undefined
              }
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value: Dayjs | null | undefined) => {
                    const start = getFieldValue('issuedOn') as Dayjs | undefined;
                    if (value && start && value.isBefore(start, 'day'))
                      throw new Error(t('registry.qual.validUntilBeforeIssue'));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} placeholder={ruleEnd ?? undefined} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('registry.qual.documentNo')} name="documentNo">
              <Input maxLength={100} placeholder={t('registry.qual.documentNoPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('registry.qual.batch')} name="batch">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
