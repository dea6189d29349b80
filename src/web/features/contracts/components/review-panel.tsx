import { App as AntApp, Button, Card, Checkbox, DatePicker, Form, Input, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ContractActionBody } from '../../../../domain/contracts/tech-contracts';
import {
  CONTRACT_TRANSITIONS,
  type ContractAction,
  REFUSAL_REASON_CODES,
  REFUSAL_REASONS,
} from '../../../../domain/tech-contracts';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type ContractDetail, useContractAction } from '../api';

interface Values {
  reasonCodes?: ContractActionBody['reasonCodes'];
  note?: string;
  on?: Dayjs;
  contractAmount?: string;
  techAmount?: string;
}

/**
 * The registrar's decision (登记审查): the refusal reasons of the rules as a check list, a note
 * and the day; register, return for correction or refuse. On a registered contract: amend the
 * amounts or cancel the registration, each with its note.
 */
export function ReviewPanel({ detail }: { detail: ContractDetail }) {
  const t = useT();
  const pickMsg = useMsg();
  const { modal, message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const act = useContractAction();
  const { contract, abilities } = detail;
  const mine = abilities.actions.filter((a) =>
    ['return', 'register', 'refuse', 'amend', 'cancel'].includes(a),
  );
  if (mine.length === 0) return null;
  const deciding = mine.includes('register');

  const run = (action: ContractAction) => {
    const v = form.getFieldsValue();
    const name = pickMsg(CONTRACT_TRANSITIONS[action].name);
    const body: ContractActionBody = {
      version: contract.version,
      reasonCodes: action === 'return' || action === 'refuse' ? (v.reasonCodes ?? []) : [],
      note: v.note?.trim() || null,
      on: v.on ? v.on.format('YYYY-MM-DD') : undefined,
      amounts:
        action === 'amend'
          ? {
              contractAmount: v.contractAmount ?? '',
              techAmount: v.techAmount ?? '',
              nontechCosts: contract.nontechCosts,
              exchangeRate: contract.currency === 'CNY' ? null : contract.exchangeRate,
            }
          : undefined,
    };
    modal.confirm({
      title: t('contracts.confirm', { title: contract.title, action: name }),
      onOk: () =>
        act
          .mutateAsync({ id: contract.id, action, body })
          .then(() => {
            message.success(t('contracts.done', { action: name }));
            form.resetFields();
          })
          .catch((error) => onError(error, form)),
    });
  };

  return (
    <Card title={t('contracts.review')} size="small" style={{ marginBottom: 16 }}>
      <Form<Values> form={form} layout="vertical" name="contract-review">
        {deciding && (
          <Form.Item label={t('contracts.reasons')} name="reasonCodes" extra={t('contracts.reasonsHint')}>
            <Checkbox.Group
              options={REFUSAL_REASON_CODES.map((c) => ({ value: c, label: pickMsg(REFUSAL_REASONS[c]) }))}
            />
          </Form.Item>
        )}
        {mine.includes('amend') && (
          <Space>
            <Form.Item label={t('contracts.contractAmountOrig')} name="contractAmount">
              <Input inputMode="decimal" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={t('contracts.techAmountOrig')} name="techAmount">
              <Input inputMode="decimal" style={{ width: 200 }} />
            </Form.Item>
          </Space>
        )}
        <Form.Item label={t('contracts.note')} name="note">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item label={t('contracts.actionOn')} name="on">
          <DatePicker />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {contract.decisionDue ? `${t('contracts.decisionDue')}：${contract.decisionDue}` : null}
        </Typography.Paragraph>
        <Space wrap>
          {mine.map((a) => (
            <Button
              key={a}
              type={a === 'register' ? 'primary' : 'default'}
              danger={a === 'refuse' || a === 'cancel'}
              loading={act.isPending}
              onClick={() => run(a)}
            >
              {pickMsg(CONTRACT_TRANSITIONS[a].name)}
            </Button>
          ))}
        </Space>
      </Form>
    </Card>
  );
}
