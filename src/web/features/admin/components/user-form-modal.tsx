import { App as AntApp, Form, Input, Modal, Select } from 'antd';
import { useCallback, useMemo } from 'react';
import type { User } from '../../../../domain/contracts/admin';
import { USERNAME_PATTERN } from '../../../../domain/contracts/admin';
import { isAdminRole, ROLE_BINDING, ROLE_CODES, ROLE_NAMES, type RoleCode } from '../../../../domain/roles';
import { useLocale, useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { usePasswordRules } from '../../auth/password-rule';
import { useParks, useRegions } from '../../reference/api';
import { useCreateUser, useDepartmentOptions, useUpdateUser } from '../api';
import { OrgSelect } from './org-select';

/** 三员分立: administrator accounts are provisioned outside this page, so only business roles are offered. */
const ASSIGNABLE_ROLES = ROLE_CODES.filter((role) => !isAdminRole(role));

/** Bureau people belong to a 科室; other roles are bound by region, park or organisation instead. */
function hasDepartment(role: RoleCode | undefined): boolean {
  return role === 'staff' || role === 'leader';
}

interface UserFormValues {
  username: string;
  displayName: string;
  role: RoleCode;
  password: string;
  departmentId?: string | null;
  regionCode?: string | null;
  orgId?: string | null;
  parkId?: string | null;
}

export function UserFormModal({ user, onClose }: { user?: User; onClose: () => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = Boolean(user);
  // An administrator's role is fixed; only the display name may be edited here.
  const adminAccount = user ? isAdminRole(user.role) : false;

  const role = Form.useWatch('role', form) as RoleCode | undefined;
  const binding = role ? ROLE_BINDING[role] : 'none';
  const regions = useRegions(binding === 'region');
  const parks = useParks(binding === 'park');
  const departments = useDepartmentOptions(hasDepartment(role));

  const usernameOf = useCallback(() => form.getFieldValue('username') as string | undefined, [form]);
  const passwordRules = usePasswordRules(usernameOf);

  const roleOptions = (adminAccount && user ? [user.role] : ASSIGNABLE_ROLES).map((code) => ({
    value: code,
    label: pickMsg(ROLE_NAMES[code]),
  }));
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
          role: values.role,
          departmentId: hasDepartment(values.role) ? (values.departmentId ?? null) : null,
          regionCode: ROLE_BINDING[values.role] === 'region' ? (values.regionCode ?? null) : null,
          orgId: ROLE_BINDING[values.role] === 'org' ? (values.orgId ?? null) : null,
          parkId: ROLE_BINDING[values.role] === 'park' ? (values.parkId ?? null) : null,
        };
    const done = {
      onSuccess: () => {
        message.success(editing ? t('common.saved') : t('users.created'));
        onClose();
      },
      onError: (error: Error) => onError(error, form),
    };
    if (user) update.mutate({ id: user.id, body: assignment }, done);
    else
      create.mutate(
        { ...assignment, role: values.role, username: values.username.trim(), password: values.password },
        done,
      );
  };

  const required = (key: Parameters<typeof t>[0]) => [{ required: true, message: t(key) }];

  return (
    <Modal
      open
      title={editing ? t('users.edit') : t('users.create')}
      okText={editing ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      width={560}
    >
      <Form<UserFormValues>
        name="user-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          user
            ? {
                displayName: user.displayName,
                role: user.role,
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
        <Form.Item
          label={t('users.role')}
          name="role"
          rules={required('users.roleRequired')}
          extra={editing ? undefined : t('users.roleHint')}
        >
          <Select options={roleOptions} disabled={adminAccount} placeholder={t('common.select')} />
        </Form.Item>
        {!adminAccount && hasDepartment(role) && (
          <Form.Item label={t('users.department')} name="departmentId">
            <Select options={departmentOptions} loading={departments.isLoading} allowClear />
          </Form.Item>
        )}
        {!adminAccount && binding === 'region' && (
          <Form.Item label={t('users.region')} name="regionCode" rules={required('users.regionRequired')}>
            <Select
              options={regionOptions}
              loading={regions.isLoading}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('common.select')}
            />
          </Form.Item>
        )}
        {!adminAccount && binding === 'org' && (
          <Form.Item label={t('users.org')} name="orgId" rules={required('users.orgRequired')}>
            <OrgSelect
              initialOption={user?.orgId && user.orgName ? { id: user.orgId, name: user.orgName } : undefined}
            />
          </Form.Item>
        )}
        {!adminAccount && binding === 'park' && (
          <Form.Item label={t('users.park')} name="parkId" rules={required('users.parkRequired')}>
            <Select
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
        {!editing && (
          <Form.Item
            label={t('users.initialPassword')}
            name="password"
            rules={passwordRules}
            dependencies={['username']}
            extra={t('users.initialPasswordHint')}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
