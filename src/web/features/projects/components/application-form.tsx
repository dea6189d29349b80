import { Col, Form, type FormInstance, Input, Row, Select } from 'antd';
import { WAN_AMOUNT } from '../../../app/format';
import { useLocale, useT } from '../../../app/i18n';
import { useHitechFields } from '../api';

export interface ApplicationFormValues {
  title: string;
  field?: string | null;
  requestedAmount?: string;
  summary?: string;
  form: {
    orgName?: string;
    uscc?: string;
    address?: string;
    contactPerson?: string;
    contactPhone?: string;
    goals?: string;
    startOn?: string;
    endOn?: string;
  };
}

/** 申报书: the fields the server keeps in columns, and the free form prefilled from the registry. */
export function ApplicationForm({
  form,
  disabled,
  reviewFields,
  onValuesChange,
  initialValues,
}: {
  form: FormInstance<ApplicationFormValues>;
  disabled: boolean;
  reviewFields: string[];
  onValuesChange: () => void;
  initialValues: ApplicationFormValues;
}) {
  const t = useT();
  const { locale } = useLocale();
  const fields = useHitechFields();
  const options = (fields.data ?? [])
    .filter((f) => reviewFields.length === 0 || reviewFields.includes(f.code))
    .map((f) => ({ value: f.code, label: locale === 'en' ? f.nameEn : f.name }));
  return (
    <Form<ApplicationFormValues>
      name="application-form"
      form={form}
      layout="vertical"
      disabled={disabled}
      initialValues={initialValues}
      onValuesChange={onValuesChange}
    >
      <Form.Item
        label={t('projects.app.title')}
        name="title"
        rules={[
          { required: true, whitespace: true, message: t('projects.app.titleRequired') },
          { min: 2, max: 200 },
        ]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('projects.app.field')}
            name="field"
            rules={[{ required: true, message: t('projects.app.fieldRequired') }]}
          >
            <Select
              options={options}
              loading={fields.isLoading}
              placeholder={t('common.select')}
              allowClear
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('projects.app.requestedAmount')}
            name="requestedAmount"
            rules={[
              { required: true, message: t('projects.app.amountRequired') },
              { pattern: WAN_AMOUNT, message: t('projects.money.pattern') },
            ]}
          >
            <Input suffix="万元" inputMode="decimal" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('projects.app.summary')}
        name="summary"
        rules={[
          { required: true, whitespace: true, message: t('projects.app.summaryRequired') },
          { max: 5000 },
        ]}
      >
        <Input.TextArea rows={5} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item label={t('projects.app.goals')} name={['form', 'goals']} rules={[{ max: 5000 }]}>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('projects.app.orgName')} name={['form', 'orgName']}>
            <Input disabled />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('projects.app.uscc')} name={['form', 'uscc']}>
            <Input disabled style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label={t('projects.app.address')} name={['form', 'address']} rules={[{ max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('projects.app.contactPerson')}
            name={['form', 'contactPerson']}
            rules={[{ max: 50 }]}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('projects.app.contactPhone')}
            name={['form', 'contactPhone']}
            rules={[{ max: 30 }]}
          >
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
