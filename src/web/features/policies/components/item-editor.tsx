import {
  Alert,
  App as AntApp,
  Button,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Spin,
  Switch,
  Table,
} from 'antd';
import { useState } from 'react';
import type { ItemBody } from '../../../../domain/contracts/policy-items';
import {
  BENEFIT_KIND_CODES,
  BENEFIT_KIND_NAMES,
  ITEM_FIGURE_CODES,
  ITEM_FIGURE_NAMES,
} from '../../../../domain/policy-items';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { usePolicies } from '../api';
import { type Preview, useItem, usePreview, useSaveItem } from '../items-api';
import { RuleForm, type RuleValues, ruleFromForm, ruleToForm } from './rule-form';

interface Values {
  documentId: string;
  title: string;
  budgetLine?: string;
  year: number;
  benefitKind: ItemBody['benefitKind'];
  amount?: string;
  percent?: number;
  baseLabel?: string;
  noApplication: boolean;
  figure?: ItemBody['figure'];
  hasRule: boolean;
  rule: RuleValues;
}

/** 兑现事项: its benefit and its eligibility rule (a form, no code), with a preview against the registry. */
export function ItemEditor({
  id,
  documentId,
  onClose,
}: {
  id?: string;
  documentId?: string;
  onClose: () => void;
}) {
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const detail = useItem(id);
  const docs = usePolicies({ pageSize: 200, status: 'issued' });
  const save = useSaveItem();
  const preview = usePreview();
  const [shown, setShown] = useState<Preview | null>(null);
  const record = detail.data?.item;
  const hasRule = Form.useWatch('hasRule', form);
  const kind = Form.useWatch('benefitKind', form);

  const toBody = (v: Values) => ({
    title: v.title,
    budgetLine: v.budgetLine?.trim() || null,
    year: v.year,
    benefitKind: v.benefitKind,
    amount: v.amount?.trim() || null,
    percent: v.benefitKind === 'percent' ? (v.percent ?? null) : null,
    baseLabel: v.benefitKind === 'percent' ? v.baseLabel?.trim() || null : null,
    noApplication: v.noApplication,
    figure: v.figure ?? null,
    rule: v.hasRule ? ruleFromForm(v.rule) : undefined,
  });

  const onFinish = (v: Values) => {
    const body = toBody(v);
    save.mutate(
      { id, body: id ? body : { ...body, rule: body.rule ?? null, documentId: v.documentId } },
      {
        onSuccess: (d) => {
          message.success(t('items.saved', { version: d.item.ruleVersion }));
          onClose();
        },
        onError: (error) => onError(error, form, { 'rule.regionCodes': 'rule' }),
      },
    );
  };

  const runPreview = () => {
    if (!id) return;
    preview.mutate(
      { id, rule: ruleFromForm(form.getFieldValue('rule')) },
      { onSuccess: setShown, onError: (e) => onError(e, form) },
    );
  };

  const loading = !!id && !record;
  return (
    <Modal
      open
      title={id ? t('items.edit') : t('items.create')}
      okText={id ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: loading }}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      width={900}
    >
      {loading ? (
        <Spin />
      ) : (
        <Form<Values>
          name="item-form"
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={
            record
              ? {
                  ...record,
                  budgetLine: record.budgetLine ?? undefined,
                  amount: record.amount ?? undefined,
                  percent: record.percent ?? undefined,
                  baseLabel: record.baseLabel ?? undefined,
                  figure: record.figure ?? undefined,
                  hasRule: !!record.rule,
                  rule: ruleToForm(record.rule),
                }
              : {
                  documentId,
                  year: new Date().getFullYear(),
                  benefitKind: 'fixed',
                  noApplication: true,
                  hasRule: true,
                  rule: ruleToForm(null),
                }
          }
        >
          <Row gutter={16}>
            <Col span={14}>
              <Form.Item label={t('items.document')} name="documentId" rules={[{ required: true }]}>
                <Select
                  disabled={!!id}
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={docs.isLoading}
                  options={(docs.data?.items ?? []).map((d) => ({
                    value: d.id,
                    label: `${d.title}${d.documentNo ? `（${d.documentNo}）` : ''}`,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item label={t('items.title')} name="title" rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label={t('items.year')} name="year" rules={[{ required: true }]}>
                <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('items.budgetLine')} name="budgetLine">
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label={t('items.benefitKind')} name="benefitKind">
                <Select
                  options={BENEFIT_KIND_CODES.map((k) => ({
                    value: k,
                    label: pickMsg(BENEFIT_KIND_NAMES[k]),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label={kind === 'percent' ? t('items.cap') : t('items.amount')} name="amount">
                <Input suffix={t('items.wan')} />
              </Form.Item>
            </Col>
            {kind === 'percent' && (
              <>
                <Col span={4}>
                  <Form.Item label={t('items.percent')} name="percent">
                    <InputNumber min={0} max={100} suffix="%" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label={t('items.baseLabel')} name="baseLabel">
                    <Input maxLength={60} />
                  </Form.Item>
                </Col>
              </>
            )}
            <Col span={6}>
              <Form.Item label={t('items.noApplication')} name="noApplication" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label={t('items.figure')} name="figure">
                <Select
                  allowClear
                  placeholder={t('items.noFigure')}
                  options={ITEM_FIGURE_CODES.map((k) => ({ value: k, label: pickMsg(ITEM_FIGURE_NAMES[k]) }))}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label={t('items.hasRule')} name="hasRule" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
          {hasRule && (
            <>
              <RuleForm />
              {id ? (
                <Button onClick={runPreview} loading={preview.isPending}>
                  {t('items.preview')}
                </Button>
              ) : (
                <Alert type="info" showIcon title={t('items.previewAfterSave')} />
              )}
              {shown && <PreviewResult preview={shown} />}
            </>
          )}
        </Form>
      )}
    </Modal>
  );
}

/** The count, the first organisations, and those a credit record keeps out with its reason. */
export function PreviewResult({ preview }: { preview: Preview }) {
  const t = useT();
  return (
    <div style={{ marginTop: 12 }}>
      <Alert
        type="success"
        showIcon
        title={t('items.previewCount', { total: preview.total, excluded: preview.excludedTotal })}
      />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={preview.rows}
        style={{ marginTop: 8 }}
        columns={[
          { title: t('items.org'), dataIndex: 'name' },
          { title: t('items.uscc'), dataIndex: 'uscc', width: 200 },
          { title: t('items.region'), dataIndex: 'regionName', width: 100 },
        ]}
      />
      {preview.excluded.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          title={() => t('items.excludedTitle')}
          dataSource={preview.excluded}
          style={{ marginTop: 8 }}
          columns={[
            { title: t('items.org'), dataIndex: 'name' },
            { title: t('items.creditReason'), dataIndex: 'reason' },
            {
              title: t('items.creditUntil'),
              dataIndex: 'validTo',
              width: 110,
              render: (v) => v ?? t('items.openEnded'),
            },
          ]}
        />
      )}
    </div>
  );
}
