import { Col, Form, Input, Row, Select } from 'antd';
import type { AchievementBody } from '../../../../domain/contracts/market';
import {
  type AchievementSource,
  MATURITY_CODES,
  MATURITY_NAMES,
  type MarketField,
  type Maturity,
  SOURCE_CODES,
  SOURCE_NAMES,
  TRANSFER_MODE_CODES,
  TRANSFER_MODE_NAMES,
  type TransferMode,
} from '../../../../domain/market';
import { useAuth } from '../../../app/auth-context';
import { FormModal, useSaved } from '../../../app/form-modal';
import { useMsg, useT } from '../../../app/i18n';
import { OrgPicker } from '../../registry/components/org-picker';
import { useAchievement, useSaveAchievement } from '../api';
import { blankToNull, FieldSelect, splitList } from './listing-fields';

interface Values {
  title: string;
  ownerOrgId?: string;
  inventors?: string;
  field: MarketField;
  maturity: Maturity;
  transferModes: TransferMode[];
  price?: string;
  patentNos?: string;
  abstract?: string;
  keywords?: string;
  source: AchievementSource;
  sourceBatch?: string;
  contactPerson?: string;
  contactPhone?: string;
}

/** 发布成果 or 编辑成果: an owner posts its own; staff may post for an organisation. */
export function AchievementEditor({ id, onClose }: { id?: string; onClose: () => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const saved = useSaved(form, onClose);
  const detail = useAchievement(id);
  const save = useSaveAchievement();
  const record = detail.data?.achievement;
  const manager = can('market.manage');

  const onFinish = (v: Values) => {
    const body: AchievementBody = {
      title: v.title,
      ...(id ? {} : { ownerOrgId: v.ownerOrgId }),
      inventors: splitList(v.inventors),
      field: v.field,
      maturity: v.maturity,
      transferModes: v.transferModes,
      price: blankToNull(v.price),
      patentNos: splitList(v.patentNos),
      abstract: v.abstract ?? '',
      keywords: splitList(v.keywords),
      source: v.source,
      sourceBatch: blankToNull(v.sourceBatch),
      contactPerson: blankToNull(v.contactPerson),
      contactPhone: blankToNull(v.contactPhone),
    };
    save.mutate({ id, body }, saved(t('market.saved', { title: v.title })));
  };

  return (
    <FormModal<Values>
      form={form}
      name="achievement-form"
      title={id ? t('market.editAchievement') : t('market.postAchievement')}
      creating={!id}
      loading={!!id && !record}
      saving={save.isPending}
      width={820}
      onFinish={onFinish}
      onClose={onClose}
      initialValues={
        record
          ? {
              ...record,
              price: record.price ?? undefined,
              sourceBatch: record.sourceBatch ?? undefined,
              contactPerson: record.contactPerson ?? undefined,
              contactPhone: record.contactPhone ?? undefined,
              transferModes: record.transferModes as TransferMode[],
              inventors: record.inventors.join('、'),
              patentNos: record.patentNos.join('、'),
              keywords: record.keywords.join('、'),
            }
          : { source: 'own', transferModes: ['transfer'] }
      }
    >
      <Form.Item
        label={t('market.achievementTitle')}
        name="title"
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={120} />
      </Form.Item>
      <Row gutter={16}>
        {manager && !id && (
          <Col span={12}>
            <Form.Item label={t('market.owner')} name="ownerOrgId" rules={[{ required: true }]}>
              <OrgPicker />
            </Form.Item>
          </Col>
        )}
        <Col span={12}>
          <Form.Item label={t('market.inventors')} name="inventors" extra={t('market.inventorsHint')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('market.field')} name="field" rules={[{ required: true }]}>
            <FieldSelect />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('market.maturity')} name="maturity" rules={[{ required: true }]}>
            <Select options={MATURITY_CODES.map((c) => ({ value: c, label: pickMsg(MATURITY_NAMES[c]) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('market.price')} name="price" extra={t('market.priceHint')}>
            <Input placeholder={t('market.negotiable')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('market.modes')} name="transferModes" rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={TRANSFER_MODE_CODES.map((c) => ({
                value: c,
                label: pickMsg(TRANSFER_MODE_NAMES[c]),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={t('market.source')} name="source">
            <Select options={SOURCE_CODES.map((c) => ({ value: c, label: pickMsg(SOURCE_NAMES[c]) }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={t('market.batch')} name="sourceBatch">
            <Input maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('market.patents')} name="patentNos" extra={t('market.patentsHint')}>
        <Input maxLength={400} />
      </Form.Item>
      <Form.Item label={t('market.keywords')} name="keywords" extra={t('market.keywordsHint')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item label={t('market.abstract')} name="abstract">
        <Input.TextArea rows={5} maxLength={4000} />
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
