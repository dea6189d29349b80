import { Alert, App as AntApp, Empty, Form, Modal, Select, Skeleton, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { useCalls, useCreateApplication } from '../api';

/** 新建申报: pick an open call; the draft is created prefilled from the registry and opened. */
export function NewApplicationModal({ callId, onClose }: { callId?: string; onClose: () => void }) {
  const t = useT();
  const pick = useMsg();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ callId: string }>();
  const calls = useCalls({ openNow: true, pageSize: 100 });
  const create = useCreateApplication();
  const items = calls.data?.items ?? [];
  const selected = Form.useWatch('callId', form) ?? callId;
  const refused = items.find((c) => c.id === selected)?.apply?.allowed === false;

  return (
    <Modal
      open
      title={t('projects.app.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: items.length === 0 || refused }}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {calls.isLoading ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description={t('projects.call.noneOpen')} />
      ) : (
        <Form
          form={form}
          name="new-application"
          layout="vertical"
          initialValues={{ callId }}
          onFinish={(v) =>
            // Enter submits too: never a second create while the first is on its way.
            !create.isPending &&
            create.mutate(
              { callId: v.callId },
              {
                onSuccess: (d) => {
                  message.success(t('projects.app.created'));
                  onClose();
                  navigate(`/projects/my-applications/${d.id}`);
                },
                onError: (error) => onError(error, form),
              },
            )
          }
        >
          <Form.Item
            label={t('projects.call.title')}
            name="callId"
            rules={[{ required: true, message: t('projects.app.callRequired') }]}
          >
            <Select
              options={items.map((c) => ({
                value: c.id,
                label: `${c.year} · ${c.title}${c.apply?.allowed === false ? `（${t('projects.app.limitReached', { used: c.apply.used })}）` : ''}`,
              }))}
              placeholder={t('common.select')}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() => {
              const c = items.find((x) => x.id === form.getFieldValue('callId'));
              return c ? (
                <>
                  <Typography.Paragraph type="secondary">
                    {t('projects.call.window')}：{formatDateTime(c.opensAt)} — {formatDateTime(c.closesAt)}；
                    {t('projects.call.maxPerApplicant')}：{c.maxPerApplicant}
                  </Typography.Paragraph>
                  {c.apply?.reason && <Alert type="warning" showIcon title={pick(c.apply.reason)} />}
                </>
              ) : null;
            }}
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
