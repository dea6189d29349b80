import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select, Space, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { User } from '../../../../domain/contracts/admin';
import { ROLE_NAMES, type RoleCode } from '../../../../domain/roles';
import { formatDateTime, isLockedNow } from '../../../app/format';
import { useMsg, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { exportPaths, type UserListQuery, useUsers } from '../api';
import { ResetPasswordModal } from '../components/reset-password-modal';
import { UserFilterFields } from '../components/user-filter-fields';
import { UserFormModal } from '../components/user-form-modal';
import { UserRowActions } from '../components/user-row-actions';

type UserFilters = Pick<UserListQuery, 'q' | 'role' | 'status'>;

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User } | null;

/** Where the account is attached: its 科室, region, organisation or park. */
function bindingOf(user: User): string {
  return user.departmentName ?? user.regionName ?? user.orgName ?? user.parkName ?? '—';
}

export function UsersPage() {
  const t = useT();
  const pickMsg = useMsg();
  const list = useUrlListState<UserFilters>('username');
  const users = useUsers(list.params);
  const [dialog, setDialog] = useState<Dialog>(null);
  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', ...sorted('username') },
    { title: t('users.displayName'), dataIndex: 'displayName', ...sorted('displayName') },
    {
      title: t('users.role'),
      dataIndex: 'role',
      key: 'role',
      render: (role: RoleCode | null) =>
        role ? pickMsg(ROLE_NAMES[role]) : <Tag color="warning">{t('admin.sec.noRole')}</Tag>,
    },
    { title: t('users.binding'), key: 'binding', width: 200, render: (_, user) => bindingOf(user) },
    {
      title: t('users.status'),
      key: 'status',
      render: (_, user) => (
        <Space size={4} wrap>
          {user.status === 'active' ? (
            <Tag color="success">{t('users.status.active')}</Tag>
          ) : (
            <Tag>{t('users.status.disabled')}</Tag>
          )}
          {isLockedNow(user.lockedUntil) && (
            <Tooltip title={t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}>
              <Tag color="error">{t('users.locked')}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      ...sorted('lastLoginAt'),
      render: (value: string | null) => formatDateTime(value),
    },
  ];

  return (
    <>
      <ListPage<User, UserFilters>
        title={t('menu.users')}
        name="user-filters"
        list={list}
        query={users}
        columns={columns}
        filterFields={
          <>
            <UserFilterFields noRoleLabel={t('admin.sec.noRole')} />
            <Form.Item label={t('users.status')} name="status">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 120 }}
                options={[
                  { value: 'active', label: t('users.status.active') },
                  { value: 'disabled', label: t('users.status.disabled') },
                ]}
              />
            </Form.Item>
          </>
        }
        actions={(user) => (
          <UserRowActions
            user={user}
            onEdit={() => setDialog({ kind: 'edit', user })}
            onResetPassword={() => setDialog({ kind: 'reset', user })}
          />
        )}
        actionsWidth={200}
        defaultHidden={['lastLoginAt']}
        exportPath={exportPaths.users}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('users.create')}
          </Button>
        }
        empty={{ filtered: t('admin.list.emptyFiltered'), none: t('admin.users.emptyNone') }}
      />
      {dialog?.kind === 'create' && <UserFormModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <UserFormModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </>
  );
}
