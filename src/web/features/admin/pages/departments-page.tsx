import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { type Department, exportPaths, useDepartments } from '../api';
import { DepartmentFormModal } from '../components/department-form-modal';

type Dialog = { kind: 'create' } | { kind: 'edit'; department: Department } | null;

/** 部门管理: the bureau's 科室, to which staff accounts belong. */
export function DepartmentsPage() {
  const t = useT();
  const list = useUrlListState<Record<string, never>>('code');
  const departments = useDepartments(list.params);
  const [dialog, setDialog] = useState<Dialog>(null);
  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });

  return (
    <>
      <ListPage<Department, Record<string, never>>
        title={t('menu.departments')}
        name="department-list"
        list={list}
        query={departments}
        columns={[
          { title: t('departments.code'), dataIndex: 'code', ...sorted('code') },
          { title: t('departments.name'), dataIndex: 'name', ...sorted('name') },
          { title: t('departments.nameEn'), dataIndex: 'nameEn', key: 'nameEn' },
          { title: t('departments.userCount'), dataIndex: 'userCount', key: 'userCount', align: 'right' },
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
        ]}
        actions={(department) => (
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', department })}>
            {t('common.edit')}
          </Button>
        )}
        actionsWidth={80}
        exportPath={exportPaths.departments}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('departments.create')}
          </Button>
        }
        empty={{ filtered: t('admin.list.emptyFiltered'), none: t('admin.departments.emptyNone') }}
      />
      {dialog?.kind === 'create' && <DepartmentFormModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && (
        <DepartmentFormModal department={dialog.department} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
