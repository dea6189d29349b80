import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Select, Space, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { User } from '../../../../domain/contracts/admin';
import { ROLE_NAMES, type RoleCode } from '../../../../domain/roles';
import { formatDateTime, isLockedNow } from '../../../app/format';
import { useMsg, useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { FilterForm } from '../../../app/list/filter-form';
import { useListState } from '../../../app/list/use-list-state';
import { exportPaths, type UserListQuery, useUsers } from '../api';
import { ResetPasswordModal } from '../components/reset-password-modal';
import { UserFilterFields } from '../components/user-filter-fields';
import { UserFormModal } from '../components/user-form-modal';
import { UserRowActions } from '../components/user-row-actions';
import { UserTable } from '../components/user-table';

type UserFilters = Pick<UserListQuery, 'q' | 'role' | 'status'>;

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User } | null;

/** Where the account is attached: its 科室, region, organisation or park. */
function bindingOf(user: User): string {
  return user.departmentName ?? user.regionName ?? user.orgName ?? user.parkName ?? '—';
}

export function UsersPage() {
  const t = useT();
  const pickMsg = useMsg();
  const [filterForm] = Form.useForm<UserFilters>();
  const list = useListState<UserFilters>({}, 'username');
  const users = useUsers(list.params);
  const [dialog, setDialog] = useState<Dialog>(null);

  const columns: TableColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      key: 'username',
      sorter: true,
      sortOrder: list.sortOrderOf('username'),
    },
    {
      title: t('users.displayName'),
      dataIndex: 'displayName',
      key: 'displayName',
      sorter: true,
      sortOrder: list.sortOrderOf('displayName'),
    },
    {
      title: t('users.role'),
      dataIndex: 'role',
      key: 'role',
      render: (role: RoleCode | null) =>
        role ? pickMsg(ROLE_NAMES[role]) : <Tag color="warning">{t('admin.sec.noRole')}</Tag>,
    },
    { title: t('users.binding'), key: 'binding', render: (_, user) => bindingOf(user) },
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
      key: 'lastLoginAt',
      sorter: true,
      sortOrder: list.sortOrderOf('lastLoginAt'),
      render: (value: string | null) => formatDateTime(value),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      // Wide tables scroll; the row's actions stay in view.
      fixed: 'right',
      render: (_, user) => (
        <UserRowActions
          user={user}
          onEdit={() => setDialog({ kind: 'edit', user })}
          onResetPassword={() => setDialog({ kind: 'reset', user })}
        />
      ),
    },
  ];

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.users')}</h2>}
      extra={
        <Space>
          <ExportButton path={exportPaths.users} query={list.exportQuery} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('users.create')}
          </Button>
        </Space>
      }
    >
      <FilterForm<UserFilters>
        name="user-filters"
        form={filterForm}
        onApply={list.applyFilters}
        label={t('list.filters')}
      >
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
      </FilterForm>
      <UserTable users={users} list={list} columns={columns} />
      {dialog?.kind === 'create' && <UserFormModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <UserFormModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </Card>
  );
}
