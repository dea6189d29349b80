import { Alert, App as AntApp, Form, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import type { User } from '../../../../domain/contracts/admin';
import { USERNAME_PATTERN } from '../../../../domain/contracts/admin';
import { isAdminRole } from '../../../../domain/roles';
import { FormModal, useSaved } from '../../../app/form-modal';
import { useLocale, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { useParks, useRegions } from '../../reference/api';
import { useCreateUser, useDepartmentOptions, useUpdateUser } from '../api';
import { InitialPasswordModal } from './initial-password-modal';
import { OrgSelect } from './org-select';

interface UserFormValues {
  username: string;
  displayName: string;
  departmentId?: string | null;
  regionCode?: string | null;
  orgId?: string | null;
  parkId?: string | null;
}

/**
 * 三员分立: the system administrator creates an account and binds it (科室, region, organisation,
 * park) but gives it no role — the security administrator grants that — and no password: a
 * random first password is shown once after creation.
 */
export function UserFormModal({ user, onClose }: { user?: User; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<UserFormValues>();
  const saved = useSaved(form, onClose);
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = Boolean(user);
  // An administrator account's bindings are fixed; only the display name may be edited here.
  const adminAccount = user?.role ? isAdminRole(user.role) : false;
  const [created, setCreated] = useState<{ name: string; password: string } | null>(null);

  const regions = useRegions(!adminAccount);
  const parks = useParks(!adminAccount);
  const departments = useDepartmentOptions(!adminAccount);
  // County bureau accounts are bound to a county-level region (区、县、县级市).
  const regionOptions = useMemo(
    () =>
      (regions.data ?? [])
        .filter((r) => r.level === 'county' && r.holdsData !== false)
        .map((r) => ({ value: r.code, label: locale === 'en' ? r.nameEn : r.name })),
    [regions.data, locale],
  );
  const departmentOptions = (departments.data ?? [])
    .filter((d) => d.active || d.id === user?.departmentId)
    .map((d) => ({ value: d.id, label: locale === 'en' ? d.nameEn : d.name }));

  const onFinish = (values: UserFormValues) => {
    const assignment = adminAccount
      ? { displayName: values.displayName.trim() }
      : {
          displayName: values.displayName.trim(),
          departmentId: values.departmentId ?? null,
          regionCode: values.regionCode ?? null,
          orgId: values.orgId ?? null,
          parkId: values.parkId ?? null,
        };
    if (user) update.mutate({ id: user.id, body: assignment }, saved(t('common.saved')));
    else
      create.mutate(
        { ...assignment, username: values.username.trim() },
        {
          onSuccess: (result) => {
            message.success(t('users.created'));
            setCreated({ name: result.displayName, password: result.initialPassword });
          },
          onError: (error) => onError(error, form),
        },
      );
  };

  const required = (key: Parameters<typeof t>[0]) => [{ required: true, message: t(key) }];
  if (created)
    return <InitialPasswordModal name={created.name} password={created.password} onClose={onClose} />;

  return (
    <FormModal<UserFormValues>
      form={form}
      name="user-form"
      title={editing ? t('users.edit') : t('users.create')}
      okText={editing ? t('common.save') : t('common.create')}
      saving={create.isPending || update.isPending}
      width={560}
      onFinish={onFinish}
      onClose={onClose}
      initialValues={
        user
          ? {
              displayName: user.displayName,
              departmentId: user.departmentId,
              regionCode: user.regionCode,
              orgId: user.orgId,
              parkId: user.parkId,
            }
          : undefined
      }
    >
      {!editing && (
        <Form.Item
          label={t('users.username')}
          name="username"
          extra={t('users.usernameHint')}
          normalize={(v: string | undefined) => v?.toLowerCase()}
          rules={[
            { required: true, message: t('users.usernameRequired') },
            { pattern: USERNAME_PATTERN, message: t('users.usernamePattern') },
          ]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
      )}
      <Form.Item
        label={t('users.displayName')}
        name="displayName"
        rules={required('users.displayNameRequired')}
      >
        <Input maxLength={64} />
      </Form.Item>
      {!adminAccount && (
        <Alert type="info" showIcon title={t('admin.sec.bindingHint')} style={{ marginBottom: 16 }} />
      )}
      {!adminAccount && (
        <Form.Item label={t('users.department')} name="departmentId">
          <Select options={departmentOptions} loading={departments.isLoading} allowClear />
        </Form.Item>
      )}
      {!adminAccount && (
        <Form.Item label={t('users.region')} name="regionCode">
          <Select
            allowClear
            options={regionOptions}
            loading={regions.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.select')}
          />
        </Form.Item>
      )}
      {!adminAccount && (
        <Form.Item label={t('users.org')} name="orgId">
          <OrgSelect
            initialOption={user?.orgId && user.orgName ? { id: user.orgId, name: user.orgName } : undefined}
          />
        </Form.Item>
      )}
      {!adminAccount && (
        <Form.Item label={t('users.park')} name="parkId">
          <Select
            allowClear
            options={(parks.data ?? []).map((p) => ({
              value: p.id,
              label: locale === 'en' && p.nameEn ? p.nameEn : p.name,
            }))}
            loading={parks.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.select')}
          />
        </Form.Item>
      )}
    </FormModal>
  );
}
