import { Alert, App as AntApp, Button, Popconfirm, Select, type TableColumnsType, Tag } from 'antd';
import type { User } from '../../../../domain/contracts/admin';
import { isAdminRole, ROLE_CODES, ROLE_NAMES, type RoleCode } from '../../../../domain/roles';
import { formatDateTime } from '../../../app/format';
import { useMsg, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type UserListQuery, useGrantRole, useResetSecondFactor, useRoleGrants } from '../api';
import { UserFilterFields } from '../components/user-filter-fields';

type GrantFilters = Pick<UserListQuery, 'q' | 'role'>;

/** 三员分立: administrator accounts are created on the command line, so only business roles are offered. */
const GRANTABLE = ROLE_CODES.filter((role) => !isAdminRole(role));

/** Where the account is attached, as sysadmin bound it: its 科室, region, organisation or park. */
function bindingOf(user: User): string {
  return user.departmentName ?? user.regionName ?? user.orgName ?? user.parkName ?? '—';
}

/** Secadmin grants or changes the role of the accounts sysadmin created, and resets authenticators. */
export function RoleGrantsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const list = useUrlListState<GrantFilters>('username');
  const users = useRoleGrants(list.params);
  const grant = useGrantRole();
  const resetMfa = useResetSecondFactor();

  const onGrant = (user: User, role: RoleCode) =>
    grant.mutate(
      { id: user.id, role },
      {
        onSuccess: () =>
          message.success(
            t('admin.sec.granted', { name: user.displayName, role: pickMsg(ROLE_NAMES[role]) }),
          ),
        onError: (error) => onError(error),
      },
    );

  const columns: TableColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      key: 'username',
      sorter: true,
      sortOrder: list.sortOrderOf('username'),
    },
    { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName', width: 150 },
    { title: t('users.binding'), key: 'binding', width: 170, render: (_, user) => bindingOf(user) },
    { title: t('admin.sec.createdBy'), dataIndex: 'createdBy', key: 'createdBy', render: (v) => v ?? '—' },
    {
      title: t('users.role'),
      key: 'role',
      render: (_, user) =>
        user.role && isAdminRole(user.role) ? (
          pickMsg(ROLE_NAMES[user.role])
        ) : (
          <Select<RoleCode>
            aria-label={t('admin.sec.grant')}
            value={user.role ?? undefined}
            placeholder={t('admin.sec.noRole')}
            style={{ width: 180 }}
            disabled={grant.isPending}
            options={GRANTABLE.map((code) => ({ value: code, label: pickMsg(ROLE_NAMES[code]) }))}
            onChange={(role) => onGrant(user, role)}
          />
        ),
    },
    {
      title: t('admin.sec.mfa'),
      key: 'mfa',
      render: (_, user) =>
        user.mfaEnrolled ? (
          <Tag color="success">{t('admin.sec.mfaEnrolled')}</Tag>
        ) : (
          <Tag>{t('admin.sec.mfaNone')}</Tag>
        ),
    },
    {
      title: t('users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      render: (value: string | null) => formatDateTime(value),
    },
  ];

  const resetButton = (user: User) =>
    user.mfaEnrolled && (
      <Popconfirm
        title={t('admin.sec.resetMfaConfirm', { name: user.displayName })}
        okText={t('admin.sec.resetMfa')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          resetMfa.mutateAsync(user.id).then(
            () => {
              message.success(t('admin.sec.resetMfaDone', { name: user.displayName }));
            },
            (error: unknown) => onError(error),
          )
        }
      >
        <Button type="link" size="small" danger>
          {t('admin.sec.resetMfa')}
        </Button>
      </Popconfirm>
    );

  return (
    <ListPage<User, GrantFilters>
      title={t('menu.grants')}
      name="grant-filters"
      list={list}
      query={users}
      columns={columns}
      filterFields={<UserFilterFields noRoleLabel={t('admin.sec.pending')} />}
      notice={<Alert type="info" showIcon title={t('admin.sec.grantNotice')} style={{ marginBottom: 16 }} />}
      actions={resetButton}
      actionsWidth={140}
      defaultHidden={['createdBy', 'lastLoginAt']}
      empty={{ filtered: t('admin.list.emptyFiltered'), none: t('admin.grants.emptyNone') }}
    />
  );
}
