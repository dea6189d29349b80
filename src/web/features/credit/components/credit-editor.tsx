import { App as AntApp, Col, DatePicker, Form, Input, Modal, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { CREDIT_SEVERITY_CODES, CREDIT_SEVERITY_NAMES } from '../../../../domain/credit';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { OrgPicker } from '../../registry/components/org-picker';
import { type CreditRow, useExperts, useSaveCredit } from '../api';

interface Values {
  subjectKind: 'org' | 'expert';
  subjectId: string;
  reason: string;
  sourceDocument: string;
  severity: CreditRow['severity'];
  period: [Dayjs, Dayjs | null];
}

function ExpertSelect(props: { id?: string; value?: string; onChange?: (v: string) => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const experts = useExperts(q);
  return (
    <Select
      {...props}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={experts.isFetching}
      placeholder={t('credit.pickExpert')}
      options={(experts.data?.items ?? []).map((e) => ({
        value: e.id,
        label: `${e.name}${e.title ? `（${e.title}）` : ''}`,
      }))}
    />
  );
}

/** 新增 or 修改 a credit record: its subject (on creation), reason, source, severity and period. */
export function CreditEditor({ row, onClose }: { row?: CreditRow; onClose: () => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const save = useSaveCredit();
  const kind = Form.useWatch('subjectKind', form);
  const onFinish = (v: Values) => {
    const common = {
      reason: v.reason,
      sourceDocument: v.sourceDocument,
      severity: v.severity,
      validFrom: v.period[0].format('YYYY-MM-DD'),
      validTo: v.period[1] ? v.period[1].format('YYYY-MM-DD') : null,
    };
    save.mutate(
      { id: row?.id, body: row ? common : { ...common, subjectKind: v.subjectKind, subjectId: v.subjectId } },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => onError(e, form, { validTo: 'period', validFrom: 'period' }),
      },
    );
  };
  return (
    <Modal
      open
      title={row ? t('credit.edit') : t('credit.create')}
      okText={row ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      width={720}
    >
      <Form<Values>
        name="credit-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          row
            ? {
                ...row,
                subjectKind: row.subjectKind === 'expert' ? 'expert' : 'org',
                period: [dayjs(row.validFrom), row.validTo ? dayjs(row.validTo) : null],
              }
            : { subjectKind: 'org', severity: 'general', period: [dayjs(), null] }
        }
      >
        {row ? (
          <p>
            <b>{row.subjectName}</b>
          </p>
        ) : (
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label={t('credit.subjectKind')} name="subjectKind">
                <Radio.Group
                  options={[
                    { value: 'org', label: t('credit.kind.org') },
                    ...(can('projects.manage') ? [{ value: 'expert', label: t('credit.kind.expert') }] : []),
                  ]}
                />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item label={t('credit.subject')} name="subjectId" rules={[{ required: true }]}>
                {kind === 'expert' ? <ExpertSelect /> : <OrgPicker />}
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item label={t('credit.reason')} name="reason" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item
              label={t('credit.sourceDocument')}
              name="sourceDocument"
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={200} placeholder="泉科〔2017〕12号" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={t('credit.severity')} name="severity">
              <Select
                options={CREDIT_SEVERITY_CODES.map((s) => ({
                  value: s,
                  label: pickMsg(CREDIT_SEVERITY_NAMES[s]),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label={t('credit.period')}
              name="period"
              rules={[{ required: true }]}
              extra={t('credit.periodHint')}
            >
              <DatePicker.RangePicker allowEmpty={[false, true]} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** The objection as received, or the bureau's answer to it. */
export function CreditTextDialog({
  row,
  kind,
  onSave,
  onClose,
  saving,
}: {
  row: CreditRow;
  kind: 'objection' | 'answer';
  onSave: (text: string) => void;
  onClose: () => void;
  saving: boolean;
}) {
  const t = useT();
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Modal
      open
      title={t(kind === 'objection' ? 'credit.objectionTitle' : 'credit.answerTitle', {
        name: row.subjectName,
      })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {kind === 'answer' && <p>{row.objection}</p>}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => onSave(v.text)}
        initialValues={{ text: row[kind] ?? '' }}
      >
        <Form.Item name="text" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={5} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
