import { App as AntApp, Col, DatePicker, Form, Input, Modal, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { ORG_KIND_CODES, ORG_KIND_NAMES, type OrgKind } from '../../../../domain/registry';
import { type MessageKey, useLocale, useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { useParks } from '../../reference/api';
import { type OrgBody, type OrgDetail, type OrgUpdateBody, useCreateOrg, useUpdateOrg } from '../api';
import { IndustryCascader } from './industry-cascader';
import { RegionSelect } from './region-select';
import { UsccField } from './uscc-field';

interface OrgFormValues {
  uscc: string;
  name: string;
  kind: OrgKind;
  regionCode: string;
  industryCode?: string;
  aboveSize: boolean;
  parkId?: string;
  foundedOn?: Dayjs | null;
  address?: string;
  contactPerson?: string;
  contactPhone?: string;
  legacyRegNo?: string;
}

type Org = OrgDetail['org'];

/** The contract's pattern for a phone number: digits, spaces, + - ( ). */
export const PHONE_PATTERN = /^[0-9+\-() ]{5,30}$/;

const text = (v: string | undefined) => {
  const trimmed = v?.trim();
  return trimmed ? trimmed : null;
};

function bodyOf(values: OrgFormValues): OrgBody {
  return {
    uscc: values.uscc,
    name: values.name.trim(),
    kind: values.kind,
    regionCode: values.regionCode,
    industryCode: values.industryCode ?? null,
    aboveSize: values.aboveSize,
    parkId: values.parkId ?? null,
    foundedOn: values.foundedOn ? values.foundedOn.format('YYYY-MM-DD') : null,
    address: text(values.address),
    contactPerson: text(values.contactPerson),
    contactPhone: text(values.contactPhone),
    legacyRegNo: text(values.legacyRegNo),
  };
}

/** Only what the user changed: a partial update must not rewrite the rest (orgUpdateSchema). */
function changesOf(org: Org, body: OrgBody): OrgUpdateBody {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const before = (org as Record<string, unknown>)[key] ?? null;
    if (before !== value) out[key] = value;
  }
  return out as OrgUpdateBody;
}

/** 新增单位, or a registry writer's full edit of an organisation. */
export function OrgFormModal({ org, onClose }: { org?: Org; onClose: () => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<OrgFormValues>();
  const create = useCreateOrg();
  const update = useUpdateOrg(org?.id ?? '');
  const parks = useParks();

  const onFinish = (values: OrgFormValues) => {
    // Enter in a field submits too: never a second create while the first is on its way.
    if (create.isPending || update.isPending) return;
    const body = bodyOf(values);
    if (!org) {
      create.mutate(body, {
        onSuccess: (created) => {
          message.success(t('registry.org.created', { name: created.name }));
          onClose();
          navigate(`/registry/orgs/${created.id}`);
        },
        onError: (error) => onError(error, form),
      });
      return;
    }
    const changes = changesOf(org, body);
    if (Object.keys(changes).length === 0) {
      message.info(t('registry.form.unchanged'));
      onClose();
      return;
    }
    update.mutate(changes, {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (error) => onError(error, form),
    });
  };

  const required = (key: MessageKey) => [{ required: true, message: t(key) }];

  return (
    <Modal
      open
      title={org ? t('registry.org.edit') : t('registry.org.create')}
      okText={org ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      width={720}
    >
      <Form<OrgFormValues>
        name="org-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        scrollToFirstError
        initialValues={
          org
            ? {
                uscc: org.uscc,
                name: org.name,
                kind: org.kind,
                regionCode: org.regionCode,
                industryCode: org.industryCode ?? undefined,
                aboveSize: org.aboveSize,
                parkId: org.parkId ?? undefined,
                foundedOn: org.foundedOn ? dayjs(org.foundedOn) : null,
                address: org.address ?? undefined,
                contactPerson: org.contactPerson ?? undefined,
                contactPhone: org.contactPhone ?? undefined,
                legacyRegNo: org.legacyRegNo ?? undefined,
              }
            : { kind: 'enterprise', aboveSize: false }
        }
      >
        <UsccField form={form} />
        <Form.Item
          label={t('registry.org.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('registry.org.nameRequired') },
            { min: 2, max: 100, message: t('registry.org.nameLength') },
          ]}
          extra={org ? t('registry.org.renameHint') : undefined}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('registry.org.kind')}
              name="kind"
              rules={required('registry.org.kindRequired')}
            >
              <Select
                options={ORG_KIND_CODES.map((k) => ({ value: k, label: pickMsg(ORG_KIND_NAMES[k]) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('registry.org.region')}
              name="regionCode"
              rules={required('registry.org.regionRequired')}
              extra={t('registry.org.regionHint')}
            >
              <RegionSelect allowClear={false} placeholder={t('common.select')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('registry.org.industry')} name="industryCode">
              <IndustryCascader placeholder={t('common.select')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('registry.org.park')} name="parkId">
              <Select
                allowClear
                placeholder={t('registry.org.parkNone')}
                loading={parks.isLoading}
                options={(parks.data ?? []).map((p) => ({
                  value: p.id,
                  label: locale === 'en' && p.nameEn ? p.nameEn : p.name,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('registry.org.foundedOn')} name="foundedOn">
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('registry.org.aboveSize')}
              name="aboveSize"
              valuePropName="checked"
              extra={t('registry.org.aboveSizeHint')}
            >
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <OwnProfileFields />
        <Form.Item
          label={t('registry.org.legacyRegNo')}
          name="legacyRegNo"
          rules={[{ pattern: /^\d{15}$/, message: t('registry.org.legacyRegNoPattern') }]}
          extra={t('registry.org.legacyRegNoHint')}
        >
          <Input maxLength={15} inputMode="numeric" style={{ width: 240 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Address and contacts: the part of the profile an organisation corrects itself. */
export function OwnProfileFields() {
  const t = useT();
  return (
    <>
      <Form.Item label={t('registry.org.address')} name="address" rules={[{ max: 200 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('registry.org.contactPerson')} name="contactPerson" rules={[{ max: 50 }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('registry.org.contactPhone')}
            name="contactPhone"
            rules={[{ pattern: PHONE_PATTERN, message: t('registry.org.contactPhonePattern') }]}
          >
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
