import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { CONFLICT_REASONS } from '../../../../domain/contracts/projects-review';
import { useLocale, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { OrgPicker } from '../../registry/components/org-picker';
import {
  type Expert,
  useAddConflict,
  useExpertAccounts,
  useHitechFields,
  useRemoveConflict,
  useSaveExpert,
} from '../api';

interface ExpertValues {
  name: string;
  orgId?: string;
  title?: string;
  fields: string[];
  userId?: string;
  active: boolean;
}

/**
 * 新增/编辑专家: name, employer (from the registry), title, fields, the expert account they review
 * with (or none), whether in the pool.
 */
export function ExpertFormModal({ expert, onClose }: { expert?: Expert; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<ExpertValues>();
  const save = useSaveExpert(expert?.id);
  const fields = useHitechFields();
  const accounts = useExpertAccounts();
  const accountOptions = (accounts.data ?? []).map((a) => {
    const elsewhere = a.expertId !== null && a.expertId !== expert?.id;
    const note = elsewhere
      ? t('projects.expert.accountTaken', { name: a.expertName ?? '' })
      : !a.active
        ? t('projects.expert.accountDisabled')
        : '';
    return {
      value: a.id,
      label: `${a.username}（${a.displayName}）${note ? ` · ${note}` : ''}`,
      disabled: elsewhere || !a.active,
    };
  });
  return (
    <Modal
      open
      title={expert ? t('projects.expert.edit') : t('projects.expert.create')}
      okText={expert ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Form<ExpertValues>
        form={form}
        layout="vertical"
        name="expert-form"
        initialValues={
          expert
            ? {
                name: expert.name,
                orgId: expert.orgId ?? undefined,
                title: expert.title ?? undefined,
                fields: expert.fields,
                userId: expert.userId ?? undefined,
                active: expert.active,
              }
            : { fields: [], active: true }
        }
        onFinish={(v) =>
          save.mutate(
            {
              name: v.name.trim(),
              orgId: v.orgId ?? null,
              title: v.title?.trim() || null,
              fields: v.fields,
              userId: v.userId ?? null,
              active: v.active,
            },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
              onError: (error) => onError(error, form),
            },
          )
        }
      >
        <Form.Item
          label={t('projects.expert.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('projects.form.required') },
            { min: 2, max: 50 },
          ]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label={t('projects.expert.org')} name="orgId" extra={t('projects.expert.orgHint')}>
          <OrgPicker
            initialOption={
              expert?.orgId && expert.orgName ? { id: expert.orgId, name: expert.orgName } : undefined
            }
          />
        </Form.Item>
        <Form.Item label={t('projects.expert.title')} name="title" rules={[{ max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          label={t('projects.expert.fields')}
          name="fields"
          rules={[{ required: true, message: t('projects.form.required') }]}
        >
          <Select
            mode="multiple"
            maxCount={8}
            options={(fields.data ?? []).map((f) => ({
              value: f.code,
              label: locale === 'en' ? f.nameEn : f.name,
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('projects.expert.account')}
          name="userId"
          extra={t('projects.expert.accountHint')}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={accounts.isLoading}
            placeholder={t('projects.expert.accountNone')}
            options={accountOptions}
            notFoundContent={t('projects.expert.noAccounts')}
          />
        </Form.Item>
        <Form.Item label={t('projects.expert.active')} name="active" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ConflictValues {
  orgId: string;
  reason: (typeof CONFLICT_REASONS)[number];
  endedOn?: Dayjs | null;
}

/** 回避单位: organisations the expert must not review (declared, former employer with end date, collaboration). */
export function ConflictsModal({ expert, onClose }: { expert: Expert; onClose: () => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<ConflictValues>();
  const add = useAddConflict(expert.id);
  const remove = useRemoveConflict(expert.id);
  const reason = Form.useWatch('reason', form);
  return (
    <Modal
      open
      width={760}
      title={t('projects.expert.conflictsOf', { name: expert.name })}
      footer={null}
      onCancel={onClose}
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={expert.conflicts}
        locale={{ emptyText: t('projects.expert.noConflicts') }}
        columns={[
          { title: t('projects.expert.conflictOrg'), key: 'org', render: (_, c) => c.orgName ?? c.orgId },
          {
            title: t('projects.expert.conflictReason'),
            key: 'reason',
            render: (_, c) => <Tag>{t(`projects.conflict.${c.reason}`)}</Tag>,
          },
          { title: t('projects.expert.endedOn'), key: 'ended', render: (_, c) => c.endedOn ?? '—' },
          {
            title: t('common.actions'),
            key: 'op',
            render: (_, c) => (
              <Popconfirm
                title={t('projects.expert.removeConflict')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => remove.mutate(c.id, { onError: (e) => message.error(e.message) })}
              >
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('projects.expert.removeConflict')}
                />
              </Popconfirm>
            ),
          },
        ]}
      />
      <Form<ConflictValues>
        form={form}
        name="conflict-form"
        layout="inline"
        style={{ marginTop: 16, rowGap: 8 }}
        initialValues={{ reason: 'declared' }}
        onFinish={(v) =>
          add.mutate(
            { orgId: v.orgId, reason: v.reason, endedOn: v.endedOn ? v.endedOn.format('YYYY-MM-DD') : null },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                form.resetFields();
              },
              onError: (error) => onError(error, form),
            },
          )
        }
      >
        <Form.Item
          name="orgId"
          rules={[{ required: true, message: t('projects.form.required') }]}
          style={{ minWidth: 260 }}
        >
          <OrgPicker />
        </Form.Item>
        <Form.Item name="reason">
          <Select
            style={{ width: 120 }}
            options={CONFLICT_REASONS.map((r) => ({ value: r, label: t(`projects.conflict.${r}`) }))}
          />
        </Form.Item>
        {reason === 'employment' && (
          <Form.Item
            name="endedOn"
            rules={[{ required: true, message: t('projects.expert.endedOnRequired') }]}
          >
            <DatePicker placeholder={t('projects.expert.endedOn')} />
          </Form.Item>
        )}
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
              {t('projects.expert.addConflict')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Modal>
  );
}
