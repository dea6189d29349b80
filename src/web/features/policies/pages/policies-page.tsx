import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { POLICY_STATUS_CODES, POLICY_STATUS_NAMES, type PolicyStatus } from '../../../../domain/policies';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type PolicyItem, policyExportPath, usePolicies, useTransitionPolicy } from '../api';
import { PolicyEditor } from '../components/policy-editor';

const STATUS_COLOR: Record<PolicyStatus, string> = { drafting: 'default', issued: 'green', repealed: 'red' };

/** 政策文件库: the bureau's policy documents, drafted, issued and repealed. */
export function PoliciesPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const { modal } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const list = useUrlListState<Record<string, string | undefined>>('-updatedAt');
  const policies = usePolicies(list.params);
  const transition = useTransitionPolicy();
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const canManage = can('policies.manage');

  const move = (p: PolicyItem, to: 'issued' | 'repealed') => {
    const action = t(to === 'issued' ? 'policies.issue' : 'policies.repeal');
    modal.confirm({
      title: t('policies.transitionConfirm', { title: p.title, action }),
      onOk: () => transition.mutateAsync({ id: p.id, body: { to } }).catch((error) => onError(error)),
    });
  };

  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  return (
    <>
      <ListPage
        title={t('menu.policies.documents')}
        name="policy-filters"
        list={list}
        query={policies}
        columns={[
          { title: t('policies.title'), dataIndex: 'title', width: 320, ellipsis: true, ...sorted('title') },
          { title: t('policies.documentNo'), dataIndex: 'documentNo', width: 170, ...sorted('documentNo') },
          { title: t('policies.indexNo'), dataIndex: 'indexNo', width: 200 },
          { title: t('policies.issuer'), dataIndex: 'issuer', width: 160, ellipsis: true },
          {
            title: t('policies.status'),
            ...sorted('status'),
            render: (_, p: PolicyItem) => (
              <Tag color={STATUS_COLOR[p.status]}>{pickMsg(POLICY_STATUS_NAMES[p.status])}</Tag>
            ),
          },
          { title: t('policies.issuedOn'), dataIndex: 'issuedOn', ...sorted('issuedOn') },
          {
            title: t('policies.isPublic'),
            key: 'isPublic',
            render: (_, p: PolicyItem) => (p.isPublic ? t('policies.yes') : t('policies.no')),
          },
        ]}
        filterFields={
          <>
            <Form.Item label={t('policies.search')} name="q">
              <Input allowClear placeholder={t('policies.searchPlaceholder')} style={{ width: 240 }} />
            </Form.Item>
            <Form.Item label={t('policies.status')} name="status">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 120 }}
                options={POLICY_STATUS_CODES.map((s) => ({
                  value: s,
                  label: pickMsg(POLICY_STATUS_NAMES[s]),
                }))}
              />
            </Form.Item>
          </>
        }
        actions={
          canManage
            ? (p: PolicyItem) => (
                <Space size={0}>
                  {p.status === 'drafting' && (
                    <>
                      <Button type="link" size="small" onClick={() => setEditing({ id: p.id })}>
                        {t('common.edit')}
                      </Button>
                      <Button type="link" size="small" onClick={() => move(p, 'issued')}>
                        {t('policies.issue')}
                      </Button>
                    </>
                  )}
                  {p.status === 'issued' && (
                    <Button type="link" size="small" danger onClick={() => move(p, 'repealed')}>
                      {t('policies.repeal')}
                    </Button>
                  )}
                </Space>
              )
            : undefined
        }
        exportPath={policyExportPath}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('policies.create')}
            </Button>
          )
        }
        empty={{ filtered: t('policies.emptyFiltered'), none: t('policies.emptyNone') }}
      />
      {editing && <PolicyEditor id={editing.id} onClose={() => setEditing(null)} />}
    </>
  );
}
