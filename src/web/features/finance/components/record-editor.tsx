import {
  App as AntApp,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Spin,
  Switch,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { WAN_PATTERN } from '../../../../domain/contracts/common';
import {
  BOARD_NAMES,
  BOARDS,
  INSTRUMENT_NAMES,
  INSTRUMENTS,
  KIND_FIELDS,
  KIND_REQUIRED,
  RECORD_KIND_NAMES,
  type RecordKind,
  ROUND_NAMES,
  ROUNDS,
} from '../../../../domain/finance';
import { type MessageKey, useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type RecordBody, useFinanceRecord, useMyInstitution, useSaveRecord } from '../api';
import { useKindInstitutions } from '../pages/records-page';

type Values = Omit<RecordBody, 'kind' | 'startOn' | 'endOn'> & { startOn?: Dayjs; endOn?: Dayjs | null };

/** 录入 or 编辑 one record: the fields its kind asks for (domain/finance.ts KIND_FIELDS). */
export function RecordEditor({ kind, id, onClose }: { kind: RecordKind; id?: string; onClose: () => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const detail = useFinanceRecord(id);
  const save = useSaveRecord();
  const mine = useMyInstitution().data?.institution;
  const institutions = useKindInstitutions(kind);
  const record = detail.data?.record;
  const has = (f: string) => KIND_FIELDS[kind].includes(f);
  const required = (f: string) => KIND_REQUIRED[kind].includes(f);
  const k = (key: string) => t(`${key}.${kind}` as MessageKey);

  const onFinish = (v: Values) => {
    const body = {
      ...v,
      kind: id ? undefined : kind,
      startOn: v.startOn!.format('YYYY-MM-DD'),
      endOn: v.endOn ? v.endOn.format('YYYY-MM-DD') : null,
      amount: v.amount?.trim() || null,
      cover: v.cover?.trim() || null,
      refNo: v.refNo?.trim() || null,
      appNo: v.appNo?.trim() || null,
      note: v.note?.trim() || null,
      enterpriseUscc: v.enterpriseUscc?.trim() || undefined,
    } as RecordBody;
    save.mutate(
      { id, body },
      {
        onSuccess: (saved) => {
          message.success(id ? t('common.saved') : t('finance.created', { name: saved.enterpriseName }));
          onClose();
        },
        onError: (error) => onError(error, form),
      },
    );
  };

  const money = (f: 'amount' | 'cover', label: string) =>
    has(f) && (
      <Col span={12}>
        <Form.Item
          label={label}
          name={f}
          rules={[
            { required: required(f), whitespace: true },
            { pattern: WAN_PATTERN, message: t('finance.amountInvalid') },
          ]}
        >
          <Input inputMode="decimal" placeholder="0.00" />
        </Form.Item>
      </Col>
    );

  const loading = !!id && !record;
  return (
    <Modal
      open
      title={`${id ? t('finance.edit') : t('finance.create')} · ${pickMsg(RECORD_KIND_NAMES[kind])}`}
      okText={id ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: loading }}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      width={720}
    >
      {loading ? (
        <Spin />
      ) : (
        <Form<Values>
          name="finance-record-form"
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={
            record
              ? {
                  ...record,
                  startOn: dayjs(record.startOn),
                  endOn: record.endOn ? dayjs(record.endOn) : null,
                  enterpriseUscc: record.enterpriseUscc,
                }
              : {
                  instrument: kind === 'credit' ? 'hte_fund' : undefined,
                  guaranteeFree: kind === 'credit',
                  board: kind === 'listing' ? 'showcase' : undefined,
                }
          }
        >
          <Row gutter={16}>
            <Col span={12}>
              {mine ? (
                <Form.Item label={t('finance.institution')}>
                  <Input value={mine.name} disabled />
                </Form.Item>
              ) : (
                <Form.Item label={t('finance.institution')} name="institutionId" rules={[{ required: true }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    disabled={!!id}
                    options={institutions.map((i) => ({ value: i.id, label: i.name }))}
                  />
                </Form.Item>
              )}
            </Col>
            {has('appNo') && (
              <Col span={12}>
                <Form.Item
                  label={t('finance.appNo')}
                  name="appNo"
                  rules={[{ required: true, whitespace: true }]}
                >
                  <Input maxLength={30} placeholder="201510123456.7" />
                </Form.Item>
              </Col>
            )}
            <Col span={12}>
              <Form.Item
                label={t('finance.enterpriseUscc')}
                name="enterpriseUscc"
                tooltip={kind === 'pledge' ? t('finance.enterpriseUsccHint') : undefined}
                rules={[{ required: kind !== 'pledge', whitespace: true }]}
              >
                <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={k('finance.startOn')} name="startOn" rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            {has('endOn') && (
              <Col span={12}>
                <Form.Item label={k('finance.endOn')} name="endOn" rules={[{ required: required('endOn') }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            )}
            {has('instrument') && (
              <Col span={12}>
                <Form.Item label={t('finance.instrument')} name="instrument" rules={[{ required: true }]}>
                  <Select
                    options={INSTRUMENTS.map((c) => ({ value: c, label: pickMsg(INSTRUMENT_NAMES[c]) }))}
                  />
                </Form.Item>
              </Col>
            )}
            {money('amount', k('finance.amount'))}
            {money('cover', t('finance.cover'))}
            {has('termMonths') && (
              <Col span={6}>
                <Form.Item
                  label={t('finance.termMonths')}
                  name="termMonths"
                  rules={[{ required: required('termMonths') }]}
                >
                  <InputNumber min={1} max={360} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            )}
            {has('guaranteeFree') && (
              <Col span={6}>
                <Form.Item label={t('finance.guaranteeFree')} name="guaranteeFree" valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
            )}
            {has('board') && (
              <Col span={12}>
                <Form.Item label={t('finance.board')} name="board" rules={[{ required: true }]}>
                  <Select options={BOARDS.map((c) => ({ value: c, label: pickMsg(BOARD_NAMES[c]) }))} />
                </Form.Item>
              </Col>
            )}
            {has('round') && (
              <Col span={12}>
                <Form.Item label={t('finance.round')} name="round" rules={[{ required: true }]}>
                  <Select options={ROUNDS.map((c) => ({ value: c, label: pickMsg(ROUND_NAMES[c]) }))} />
                </Form.Item>
              </Col>
            )}
            {has('refNo') && (
              <Col span={12}>
                <Form.Item
                  label={k('finance.refNo')}
                  name="refNo"
                  rules={[{ required: required('refNo'), whitespace: true }]}
                >
                  <Input maxLength={60} />
                </Form.Item>
              </Col>
            )}
          </Row>
          <Form.Item label={t('finance.note')} name="note">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
