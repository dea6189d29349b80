import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { useListState } from '../../../app/list/use-list-state';
import { type Department, exportPaths, useDepartments } from '../api';
import { DepartmentFormModal } from '../components/department-form-modal';

type Dialog = { kind: 'create' } | { kind: 'edit'; department: Department } | null;

export function DepartmentsPage() {
  const t = useT();
  const list = useListState<Record<string, never>>({}, 'code');
  const departments = useDepartments(list.params);
  const [dialog, setDialog] = useState<Dialog>(null);

  const columns: TableColumnsType<Department> = [
    {
      title: t('departments.code'),
      dataIndex: 'code',
      key: 'code',
      sorter: true,
      sortOrder: list.sortOrderOf('code'),
    },
    {
      title: t('departments.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
    },
    { title: t('departments.nameEn'), dataIndex: 'nameEn', key: 'nameEn' },
    {
      title: t('departments.userCount'),
      dataIndex: 'userCount',
      key: 'userCount',
      align: 'right',
    },
    {
      title: t('departments.active'),
      dataIndex: 'active',
      key: 'active',
      render: (active: boolean) =>
        active ? (
          <Tag color="success">{t('departments.active.yes')}</Tag>
        ) : (
          <Tag>{t('departments.active.no')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, department) => (
        <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', department })}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.departments')}</h2>}
      extra={
        <Space>
          <ExportButton path={exportPaths.departments} query={list.exportQuery} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('departments.create')}
          </Button>
        </Space>
      }
    >
      {departments.isError && (
        <Alert type="error" showIcon title={departments.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<Department>
        rowKey="id"
        columns={columns}
        dataSource={departments.data?.items}
        loading={departments.isFetching}
        pagination={list.pagination(departments.data?.total)}
        onChange={list.onTableChange}
      />
      {dialog?.kind === 'create' && <DepartmentFormModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && (
        <DepartmentFormModal department={dialog.department} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
