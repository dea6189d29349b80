import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import type { ActionBody } from '../../../../domain/contracts/projects';
import { type ActionCode, TRANSITIONS } from '../../../../domain/projects';
import { isApiError } from '../../../app/api-client';
import { WAN_AMOUNT } from '../../../app/format';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { projectKeys, useAct } from '../api';

interface Target {
  id: string;
  title: string;
  version: number;
  actions: ActionCode[];
  requestedAmount?: string | null;
}

/** Actions an applicant takes in the editor, not from a staff toolbar. */
const APPLICANT_ACTIONS: ActionCode[] = ['submit', 'withdraw', 'submit_final'];
/** Decisions that end or undo a stage ask for a confirmation even without a reason. */
const NEEDS_DIALOG: ActionCode[] = ['propose', 'sign_contract'];
/** Steps that are not the way forward: shown plain, beside the primary one. */
const SECONDARY: ActionCode[] = ['withdraw', 'midterm_rectify'];
const DANGER: ActionCode[] = [
  'reject',
  'decline',
  'terminate',
  'county_return',
  'staff_return',
  'fail_final',
];

interface DialogValues {
  reason?: string;
  amount?: string;
  endsOn?: Dayjs;
  note?: string;
}

/**
 * The transitions the server says this viewer may take now, one button each, named from the one
 * transition table. Returns and rejections ask for a reason; 拟立项 for an amount within the cap;
 * 签订任务书 for the end date. A 409 (someone acted first) is shown and the record reloaded.
 */
export function ActionButtons({
  target,
  fundingCap,
  includeApplicant = false,
  only,
  size,
  onDone,
  none = null,
}: {
  target: Target;
  fundingCap?: string;
  includeApplicant?: boolean;
  only?: ActionCode[];
  size?: 'small' | 'middle';
  onDone?: (action: ActionCode) => void;
  /** Shown when this viewer can take no action now (a table cell reads better with a dash). */
  none?: ReactNode;
}) {
  const t = useT();
  const pickMsg = useMsg();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const act = useAct(target.id);
  const [open, setOpen] = useState<ActionCode | null>(null);
  const [form] = Form.useForm<DialogValues>();

  const actions = target.actions.filter(
    (a) => (includeApplicant || !APPLICANT_ACTIONS.includes(a)) && (!only || only.includes(a)),
  );
  if (actions.length === 0) return none;

  const run = (action: ActionCode, extra: Omit<ActionBody, 'version'> = {}) =>
    act.mutate(
      { action, body: { version: target.version, ...extra } },
      {
        // An action ends once its lists are fetched again; by then the record on screen has moved
        // on and the user may have opened the next step's dialog, which must stay open.
        onSuccess: () => {
          message.success(t('projects.action.done', { action: pickMsg(TRANSITIONS[action].name) }));
          setOpen((o) => {
            if (o === action) form.resetFields();
            return o === action ? null : o;
          });
          onDone?.(action);
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            message.error(error.message);
            setOpen((o) => (o === action ? null : o));
            queryClient.invalidateQueries({ queryKey: projectKeys.all });
            return;
          }
          onError(error, form);
        },
      },
    );

  const click = (action: ActionCode) => {
    const tr = TRANSITIONS[action];
    if (tr.reasonRequired || NEEDS_DIALOG.includes(action)) {
      form.resetFields();
      if (action === 'propose' && target.requestedAmount)
        form.setFieldsValue({ amount: target.requestedAmount });
      setOpen(action);
      return;
    }
    modal.confirm({
      title: t('projects.action.confirmTitle', { action: pickMsg(tr.name) }),
      content: target.title,
      okText: pickMsg(tr.name),
      cancelText: t('common.cancel'),
      onOk: () => run(action),
    });
  };

  const onFinish = (v: DialogValues) => {
    if (!open) return;
    run(open, {
      reason: v.reason?.trim() || undefined,
      amount: v.amount?.trim() || undefined,
      endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : undefined,
      note: v.note?.trim() || undefined,
    });
  };

  const tr = open ? TRANSITIONS[open] : null;
  return (
    <>
      <Space wrap size={size === 'small' ? 4 : 8}>
        {actions.map((a) => (
          <Button
            key={a}
            size={size}
            danger={DANGER.includes(a)}
            type={DANGER.includes(a) || SECONDARY.includes(a) ? 'default' : 'primary'}
            loading={act.isPending && act.variables?.action === a}
            onClick={() => click(a)}
          >
            {pickMsg(TRANSITIONS[a].name)}
          </Button>
        ))}
      </Space>
      {open && tr && (
        <Modal
          open
          title={`${pickMsg(tr.name)} · ${target.title}`}
          okText={pickMsg(tr.name)}
          okButtonProps={{ danger: DANGER.includes(open) }}
          cancelText={t('common.cancel')}
          confirmLoading={act.isPending && act.variables?.action === open}
          onOk={() => form.submit()}
          onCancel={() => setOpen(null)}
          mask={{ closable: false }}
        >
          <Form<DialogValues> form={form} name="action-form" layout="vertical" onFinish={onFinish}>
            {open === 'propose' && (
              <Form.Item
                label={t('projects.action.amount')}
                name="amount"
                extra={fundingCap ? t('projects.action.amountCap', { cap: fundingCap }) : undefined}
                rules={[
                  { required: true, message: t('projects.action.amountRequired') },
                  { pattern: WAN_AMOUNT, message: t('projects.money.pattern') },
                  {
                    validator: async (_, v: string | undefined) => {
                      if (v && fundingCap && Number(v) > Number(fundingCap))
                        throw new Error(t('projects.action.amountOverCap', { cap: fundingCap }));
                    },
                  },
                ]}
              >
                <Input suffix="万元" inputMode="decimal" style={{ width: 220 }} />
              </Form.Item>
            )}
            {open === 'sign_contract' && (
              <Form.Item
                label={t('projects.action.endsOn')}
                name="endsOn"
                rules={[{ required: true, message: t('projects.action.endsOnRequired') }]}
              >
                <DatePicker disabledDate={(d) => !d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            )}
            {tr.reasonRequired ? (
              <Form.Item
                label={t('projects.action.reason')}
                name="reason"
                extra={t('projects.action.reasonTold')}
                rules={[
                  { required: true, whitespace: true, message: t('projects.action.reasonRequired') },
                  { max: 2000 },
                ]}
              >
                <Input.TextArea rows={4} maxLength={2000} showCount />
              </Form.Item>
            ) : (
              <Form.Item label={t('projects.action.note')} name="note" rules={[{ max: 2000 }]}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            )}
          </Form>
        </Modal>
      )}
    </>
  );
}
