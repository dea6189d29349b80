import { Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { DemandBody } from '../../../../domain/contracts/market';
import type { MarketField } from '../../../../domain/market';
import { useAuth } from '../../../app/auth-context';
import { FormModal, useSaved } from '../../../app/form-modal';
import { useT } from '../../../app/i18n';
import { OrgPicker } from '../../registry/components/org-picker';
import { useDemand, useSaveDemand } from '../api';
import { blankToNull, FieldSelect } from './listing-fields';

interface Values {
  title: string;
  orgId?: string;
  field: MarketField;
  problem: string;
  expectedOutcome?: string;
  budgetMin?: string;
  budgetMax?: string;
  deadline?: Dayjs;
  confidential?: string;
  contactPerson?: string;
  contactPhone?: string;
}

/** 发布需求 or 编辑需求: the problem in the enterprise's words, a confidential part for the bureau. */
export function DemandEditor({ id, onClose }: { id?: string; onClose: () => void }) {
  const t = useT();
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const saved = useSaved(form, onClose);
  const detail = useDemand(id);
  const save = useSaveDemand();
  const record = detail.data?.demand;

  const onFinish = (v: Values) => {
    const body: DemandBody = {
      title: v.title,
      ...(id ? {} : { orgId: v.orgId }),
      field: v.field,
      problem: v.problem,
      expectedOutcome: v.expectedOutcome ?? '',
      budgetMin: blankToNull(v.budgetMin),
      budgetMax: blankToNull(v.budgetMax),
      deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
      confidential: blankToNull(v.confidential),
      contactPerson: blankToNull(v.contactPerson),
      contactPhone: blankToNull(v.contactPhone),
    };
    save.mutate({ id, body }, saved(t('market.saved', { title: v.title })));
  };

  return (
    <FormModal<Values>
      form={form}
      name="demand-form"
      title={id ? t('market.editDemand') : t('market.postDemand')}
      creating={!id}
      loading={!!id && !record}
      saving={save.isPending}
      width={780}
      onFinish={onFinish}
      onClose={onClose}
      initialValues={
        record
          ? {
              ...record,
              budgetMin: record.budgetMin ?? undefined,
              budgetMax: record.budgetMax ?? undefined,
              deadline: record.deadline ? dayjs(record.deadline) : undefined,
              confidential: record.confidential ?? undefined,
              contactPerson: record.contactPerson ?? undefined,
              contactPhone: record.contactPhone ?? undefined,
            }
          : {}
      }
    >
      <Form.Item label={t('market.demandTitle')} name="title" rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Row gutter={16}>
        {can('market.manage') && !id && (
          <Col span={12}>
            <Form.Item label={t('market.org')} name="orgId" rules={[{ required: true }]}>
              <OrgPicker />
            </Form.Item>
          </Col>
        )}
        <Col span={12}>
          <Form.Item label={t('market.field')} name="field" rules={[{ required: true }]}>
            <FieldSelect />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('market.problem')} name="problem" rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
      <Form.Item label={t('market.expectedOutcome')} name="expectedOutcome">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label={t('market.budgetMin')} name="budgetMin">
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('market.budgetMax')} name="budgetMax">
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('market.deadline')} name="deadline">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('market.confidential')} name="confidential">
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label={t('market.contactPerson')} name="contactPerson">
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('market.contactPhone')} name="contactPhone">
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
