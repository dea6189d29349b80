import { Alert, Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ROLE_NAMES } from '../../../../domain/roles';
import { useLocale, useMsg, useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { exportPaths, type Role, usePermissionCatalogue, useRoles } from '../api';
import { permissionLabel } from '../components/permission-label';
import { RolePermissionsModal } from '../components/role-permissions-modal';

export function RolesPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { locale } = useLocale();
  const roles = useRoles();
  const catalogue = usePermissionCatalogue();
  const [editing, setEditing] = useState<Role | null>(null);

  const columns: TableColumnsType<Role> = [
    {
      title: t('roles.name'),
      key: 'name',
      render: (_, role) => (
        <Space orientation="vertical" size={0}>
          <span>{pickMsg(ROLE_NAMES[role.code])}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {role.code}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('roles.scope'),
      dataIndex: 'scope',
      key: 'scope',
      render: (scope: Role['scope']) => t(`scope.${scope}`),
    },
    {
      title: t('roles.permissions'),
      dataIndex: 'permissions',
      key: 'permissions',
      render: (permissions: string[]) =>
        permissions.length === 0 ? (
          <Typography.Text type="secondary">{t('roles.noPermissions')}</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap>
            {permissions.map((code) => (
              <Tag key={code}>{permissionLabel(code, locale, catalogue.data)}</Tag>
            ))}
          </Space>
        ),
    },
    { title: t('roles.userCount'), dataIndex: 'userCount', key: 'userCount', align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, role) => (
        <Button type="link" size="small" onClick={() => setEditing(role)}>
          {t('roles.editPermissions')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.roles')}</h2>}
      extra={<ExportButton path={exportPaths.roles} />}
    >
      <Alert type="info" showIcon title={t('roles.separationNotice')} style={{ marginBottom: 16 }} />
      {roles.isError && (
        <Alert type="error" showIcon title={roles.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<Role>
        rowKey="code"
        columns={columns}
        dataSource={roles.data?.items}
        loading={roles.isFetching}
        pagination={false}
      />
      {editing && <RolePermissionsModal role={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
