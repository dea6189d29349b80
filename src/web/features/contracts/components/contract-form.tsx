import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Spin,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  BUYER_KIND_CODES,
  BUYER_KINDS,
  CONTRACT_TYPE_CODES,
  CONTRACT_TYPES,
  COUNTRIES,
  COUNTRY_CODES,
  CURRENCIES,
  CURRENCY_CODES,
  OBJECTIVE_CODES,
  OBJECTIVES,
  subTypesOf,
} from '../../../../domain/tech-contracts';
import { useLocale, useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { useHitechFields } from '../../projects/api';
import { type ContractBody, useContract, useSaveContract } from '../api';

type Values = Omit<ContractBody, 'signedOn' | 'effectiveOn' | 'endOn'> & {
  signedOn?: Dayjs;
  effectiveOn?: Dayjs | null;
  endOn?: Dayjs | null;
};

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const AMOUNT = /^\d{1,15}(\.\d{1,4})?$/;

/** The registration form (技术合同登记表) for the seller: a new draft, or a draft or returned contract. */
export function ContractForm({ id, onClose }: { id?: string; onClose: (id?: string) => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const detail = useContract(id);
  const save = useSaveContract();
  const fields = useHitechFields();
  const record = detail.data?.contract;
  const type = Form.useWatch('typeCode', form);
  const buyerKind = Form.useWatch('buyerKind', form);
  const currency = Form.useWatch('currency', form);
  const amountRule = { pattern: AMOUNT, message: t('contracts.amountOrig') };

  const onFinish = (v: Values) => {
    const body = {
      ...v,
      signedOn: day(v.signedOn)!,
      effectiveOn: day(v.effectiveOn),
      endOn: day(v.endOn),
      nontechCosts: v.nontechCosts ?? [],
      exchangeRate: v.currency === 'CNY' ? null : v.exchangeRate,
    } as ContractBody;
    save.mutate(
      { id, version: record?.version, body },
      {
        onSuccess: (saved) => {
          message.success(id ? t('common.saved') : t('contracts.created', { title: v.title }));
          onClose(saved.contract.id);
        },
        onError: (error) => onError(error, form),
      },
    );
  };

  const loading = !!id && !record;
  return (
    <Modal
      open
      title={id ? t('contracts.edit') : t('contracts.create')}
      okText={id ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: loading }}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      mask={{ closable: false }}
      width={880}
    >
      {loading ? (
        <Spin />
      ) : (
        <Form<Values>
          name="contract-form"
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={
            record
              ? {
                  ...record,
                  typeCode: record.typeCode as Values['typeCode'],
                  buyerKind: record.buyerKind as Values['buyerKind'],
                  buyerCountry:
                    record.buyerKind === 'foreign' ? (record.buyerCountry as Values['buyerCountry']) : null,
                  currency: record.currency as Values['currency'],
                  contractAmount: String(Number(record.contractAmountOrig)),
                  techAmount: String(Number(record.techAmountOrig)),
                  exchangeRate: String(Number(record.exchangeRate)),
                  nontechCosts: record.nontechCosts.map((c) => ({
                    item: c.item,
                    amount: String(Number(c.amount)),
                  })),
                  objectiveCode: record.objectiveCode as Values['objectiveCode'],
                  signedOn: dayjs(record.signedOn),
                  effectiveOn: record.effectiveOn ? dayjs(record.effectiveOn) : null,
                  endOn: record.endOn ? dayjs(record.endOn) : null,
                }
              : {
                  typeCode: 'development',
                  subTypeCode: 'entrusted',
                  buyerKind: 'domestic',
                  currency: 'CNY',
                  nontechCosts: [],
                }
          }
        >
          <Form.Item label={t('contracts.title')} name="title" rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label={t('contracts.type')} name="typeCode" rules={[{ required: true }]}>
                <Select
                  options={CONTRACT_TYPE_CODES.map((c) => ({
                    value: c,
                    label: pickMsg(CONTRACT_TYPES[c].name),
                  }))}
                  onChange={(v) => form.setFieldValue('subTypeCode', Object.keys(subTypesOf(v))[0])}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('contracts.subType')} name="subTypeCode" rules={[{ required: true }]}>
                <Select
                  options={Object.entries(type ? subTypesOf(type) : {}).map(([code, m]) => ({
                    value: code,
                    label: pickMsg(m),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('contracts.field')} name="fieldCode">
                <Select
                  allowClear
                  loading={fields.isLoading}
                  options={(fields.data ?? []).map((f) => ({
                    value: f.code,
                    label: locale === 'en' ? f.nameEn : f.name,
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label={t('contracts.buyerKind')} name="buyerKind" rules={[{ required: true }]}>
                <Select
                  options={BUYER_KIND_CODES.map((c) => ({ value: c, label: pickMsg(BUYER_KINDS[c]) }))}
                />
              </Form.Item>
            </Col>
            {buyerKind !== 'foreign' && (
              <Col span={8}>
                <Form.Item
                  label={t('contracts.buyerUscc')}
                  name="buyerUscc"
                  rules={[{ required: buyerKind === 'registry' }]}
                >
                  <Input maxLength={18} />
                </Form.Item>
              </Col>
            )}
            {buyerKind !== 'registry' && (
              <Col span={8}>
                <Form.Item label={t('contracts.buyerName')} name="buyerName" rules={[{ required: true }]}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
            )}
            {buyerKind === 'foreign' && (
              <Col span={8}>
                <Form.Item
                  label={t('contracts.buyerCountry')}
                  name="buyerCountry"
                  rules={[{ required: true }]}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    options={COUNTRY_CODES.map((c) => ({ value: c, label: `${pickMsg(COUNTRIES[c])} ${c}` }))}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
          <Row gutter={16}>
            <Col span={6}>
              <Form.Item label={t('contracts.currency')} name="currency" rules={[{ required: true }]}>
                <Select
                  options={CURRENCY_CODES.map((c) => ({ value: c, label: `${pickMsg(CURRENCIES[c])} ${c}` }))}
                />
              </Form.Item>
            </Col>
            {currency && currency !== 'CNY' && (
              <Col span={6}>
                <Form.Item
                  label={t('contracts.exchangeRate')}
                  name="exchangeRate"
                  rules={[{ required: true }]}
                >
                  <Input inputMode="decimal" />
                </Form.Item>
              </Col>
            )}
            <Col span={6}>
              <Form.Item
                label={t('contracts.contractAmountOrig')}
                name="contractAmount"
                rules={[{ required: true }, amountRule]}
              >
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                label={t('contracts.techAmountOrig')}
                name="techAmount"
                rules={[{ required: true }, amountRule]}
              >
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
          </Row>
          {currency && currency !== 'CNY' && (
            <Alert type="info" showIcon title={t('contracts.foreignNote')} />
          )}
          <Form.Item label={t('contracts.nontechCosts')} name="nontechCosts" style={{ marginTop: 8 }}>
            <Form.List name="nontechCosts">
              {(items, { add, remove }) => (
                <>
                  {items.map((item) => (
                    <Space key={item.key} align="baseline">
                      <Form.Item name={[item.name, 'item']} rules={[{ required: true }]}>
                        <Input placeholder={t('contracts.nontechItem')} />
                      </Form.Item>
                      <Form.Item name={[item.name, 'amount']} rules={[{ required: true }, amountRule]}>
                        <Input placeholder={t('contracts.nontechAmount')} inputMode="decimal" />
                      </Form.Item>
                      <MinusCircleOutlined
                        onClick={() => remove(item.name)}
                        aria-label={t('contracts.removeCost')}
                      />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                    {t('contracts.addCost')}
                  </Button>
                </>
              )}
            </Form.List>
          </Form.Item>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label={t('contracts.signedOn')} name="signedOn" rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('contracts.effectiveOn')} name="effectiveOn">
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('contracts.endOn')} name="endOn">
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label={t('contracts.objective')} name="objectiveCode">
                <Select
                  allowClear
                  options={OBJECTIVE_CODES.map((c) => ({ value: c, label: pickMsg(OBJECTIVES[c]) }))}
                />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item label={t('contracts.paymentTerms')} name="paymentTerms">
                <Input maxLength={2000} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
    </Modal>
  );
}
