import { App as AntApp, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  CARRIER_KIND_CODES,
  CARRIER_KIND_NAMES,
  LEVEL_CODES,
  LEVEL_NAMES,
  type Level,
  PLATFORM_KIND_CODES,
  PLATFORM_KIND_NAMES,
} from '../../../../domain/registry';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import {
  type Carrier,
  type CarrierBody,
  type Platform,
  type PlatformBody,
  useSaveCarrier,
  useSavePlatform,
} from '../facilities-api';
import { OrgPicker } from './org-picker';

interface FacilityValues {
  orgId: string;
  kind: string;
  name: string;
  level: Level;
  recognizedOn: Dayjs;
  documentNo?: string;
}

export type FacilityVariant =
  | { variant: 'platform'; record?: Platform }
  | { variant: 'carrier'; record?: Carrier };

/** 新增/编辑 a 研发平台 (with its host) or a 孵化载体 (with its operator). */
export function FacilityFormModal({ onClose, ...props }: FacilityVariant & { onClose: () => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<FacilityValues>();
  const savePlatform = useSavePlatform();
  const saveCarrier = useSaveCarrier();
  const platform = props.variant === 'platform';
  const record = props.record;
  const orgField = platform ? 'hostOrgId' : 'operatorOrgId';

  const kinds: { value: string; label: string }[] = platform
    ? PLATFORM_KIND_CODES.map((k) => ({ value: k, label: pickMsg(PLATFORM_KIND_NAMES[k]) }))
    : CARRIER_KIND_CODES.map((k) => ({ value: k, label: pickMsg(CARRIER_KIND_NAMES[k]) }));

  const initialOrg =
    props.variant === 'platform'
      ? props.record && { id: props.record.hostOrgId, name: props.record.hostOrgName }
      : props.record && { id: props.record.operatorOrgId, name: props.record.operatorOrgName };

  const onFinish = (values: FacilityValues) => {
    const full = {
      [orgField]: values.orgId,
      kind: values.kind,
      name: values.name.trim(),
      level: values.level,
      recognizedOn: values.recognizedOn.format('YYYY-MM-DD'),
      documentNo: values.documentNo?.trim() || null,
    };
    let body: Record<string, unknown> = full;
    if (record) {
      // A partial update carries only what the user changed.
      const before: Record<string, unknown> = { ...record };
      body = Object.fromEntries(Object.entries(full).filter(([k, v]) => (before[k] ?? null) !== v));
      if (Object.keys(body).length === 0) {
        message.info(t('registry.form.unchanged'));
        onClose();
        return;
      }
    }
    const done = {
      onSuccess: () => {
        message.success(record ? t('common.saved') : t('registry.facility.created', { name: values.name }));
        onClose();
      },
      // The server names `hostOrgId` / `operatorOrgId`; the form calls it `orgId`.
      onError: (error: Error) => onError(error, form, { [orgField]: 'orgId' }),
    };
    if (platform) savePlatform.mutate({ id: record?.id, body: body as PlatformBody }, done);
    else saveCarrier.mutate({ id: record?.id, body: body as CarrierBody }, done);
  };

  const title = platform
    ? record
      ? t('registry.platform.edit')
      : t('registry.platform.create')
    : record
      ? t('registry.carrier.edit')
      : t('registry.carrier.create');

  return (
    <Modal
      open
      title={title}
      okText={record ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={savePlatform.isPending || saveCarrier.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      width={640}
    >
      <Form<FacilityValues>
        name="facility-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          record
            ? {
                orgId: initialOrg?.id,
                kind: record.kind,
                name: record.name,
                level: record.level,
                recognizedOn: dayjs(record.recognizedOn),
                documentNo: record.documentNo ?? undefined,
              }
            : undefined
        }
      >
        <Form.Item
          label={platform ? t('registry.platform.host') : t('registry.carrier.operator')}
          name="orgId"
          rules={[{ required: true, message: t('registry.orgPicker.required') }]}
        >
          <OrgPicker initialOption={initialOrg} />
        </Form.Item>
        <Form.Item
          label={t('registry.facility.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('registry.facility.nameRequired') },
            { min: 2, max: 100, message: t('registry.org.nameLength') },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item
              label={platform ? t('registry.facility.platformKind') : t('registry.facility.carrierKind')}
              name="kind"
              rules={[{ required: true, message: t('registry.facility.kindRequired') }]}
            >
              <Select options={kinds} placeholder={t('common.select')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              label={t('registry.qual.level')}
              name="level"
              rules={[{ required: true, message: t('registry.facility.levelRequired') }]}
            >
              <Select
                placeholder={t('common.select')}
                options={LEVEL_CODES.map((l) => ({ value: l, label: pickMsg(LEVEL_NAMES[l]) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('registry.facility.recognizedOn')}
              name="recognizedOn"
              rules={[{ required: true, message: t('registry.facility.recognizedOnRequired') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('registry.qual.documentNo')} name="documentNo">
              <Input maxLength={100} placeholder={t('registry.qual.documentNoPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
