import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, Modal, Radio, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { USERNAME_PATTERN } from '../../../../domain/contracts/admin';
import { SUB_ACCOUNT_KIND_NAMES, SUB_ACCOUNT_KINDS } from '../../../../domain/onboarding';
import { useMsg, useT } from '../../../app/i18n';
import { DayCell, NameCell } from '../../../app/list/cells';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { InitialPasswordModal } from '../../admin/components/initial-password-modal';
import {
  type OrgAccount,
  orgAccountsExportPath,
  useCreateOrgAccount,
  useOrgAccounts,
  useResetOrgAccount,
  useSetOrgAccountStatus,
} from '../api';

interface NewAccount {
  username: string;
  displayName: string;
  kind: 'applicant' | 'finance';
}

/** 单位账号管理: the unit administrator's 申报员 and 财务 accounts, its own organisation only. */
export function OrgAccountsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { modal } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const list = useUrlListState<Record<string, string | undefined>>('-createdAt');
  const accounts = useOrgAccounts(list.params);
  const create = useCreateOrgAccount();
  const setStatus = useSetOrgAccountStatus();
  const reset = useResetOrgAccount();
  const [creating, setCreating] = useState(false);
  const [password, setPassword] = useState<{ name: string; password: string } | null>(null);
  const [form] = Form.useForm<NewAccount>();

  const onCreate = (values: NewAccount) =>
    create.mutate(values, {
      onSuccess: (res) => {
        setCreating(false);
        setPassword({ name: values.displayName, password: res.initialPassword });
      },
      onError: (e) => onError(e, form),
    });

  const toggle = (a: OrgAccount) => {
    const status = a.status === 'active' ? 'disabled' : 'active';
    const run = () => setStatus.mutateAsync({ id: a.id, status }).catch((e) => onError(e));
    if (status === 'disabled')
      modal.confirm({ title: t('onboarding.accounts.disableConfirm', { name: a.displayName }), onOk: run });
    else run();
  };

  const resetPassword = (a: OrgAccount) =>
    modal.confirm({
      title: t('onboarding.accounts.resetConfirm', { name: a.displayName }),
      onOk: () =>
        reset
          .mutateAsync(a.id)
          .then((res) => setPassword({ name: a.displayName, password: res.initialPassword }))
          .catch((e) => onError(e)),
    });

  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  return (
    <>
      <ListPage
        title={t('menu.onboarding.accounts')}
        name="org-account-filters"
        list={list}
        query={accounts}
        notice={t('onboarding.accounts.notice')}
        columns={[
          {
            title: t('onboarding.accounts.displayName'),
            width: 220,
            ...sorted('username'),
            render: (_, a: OrgAccount) => <NameCell name={a.displayName} code={a.username} />,
          },
          {
            title: t('onboarding.accounts.kind'),
            key: 'kind',
            width: 100,
            render: (_, a: OrgAccount) => pickMsg(SUB_ACCOUNT_KIND_NAMES[a.kind]),
          },
          {
            title: t('onboarding.status'),
            width: 90,
            ...sorted('status'),
            render: (_, a: OrgAccount) =>
              a.status === 'active' ? (
                <Tag color="green">{t('onboarding.accounts.active')}</Tag>
              ) : (
                <Tag>{t('onboarding.accounts.disabled')}</Tag>
              ),
          },
          {
            title: t('onboarding.accounts.lastLogin'),
            key: 'lastLoginAt',
            width: 110,
            render: (_, a: OrgAccount) => <DayCell value={a.lastLoginAt} />,
          },
          {
            title: t('onboarding.accounts.createdAt'),
            width: 110,
            ...sorted('createdAt'),
            render: (_, a: OrgAccount) => <DayCell value={a.createdAt} />,
          },
        ]}
        filterFields={
          <>
            <Form.Item label={t('onboarding.search')} name="q">
              <Input allowClear style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={t('onboarding.accounts.kind')} name="kind">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 120 }}
                options={SUB_ACCOUNT_KINDS.map((k) => ({
                  value: k,
                  label: pickMsg(SUB_ACCOUNT_KIND_NAMES[k]),
                }))}
              />
            </Form.Item>
          </>
        }
        actionsWidth={150}
        actions={(a: OrgAccount) => (
          <Space size={0} wrap>
            <Button type="link" size="small" danger={a.status === 'active'} onClick={() => toggle(a)}>
              {t(a.status === 'active' ? 'onboarding.accounts.disable' : 'onboarding.accounts.enable')}
            </Button>
            <Button type="link" size="small" onClick={() => resetPassword(a)}>
              {t('onboarding.accounts.reset')}
            </Button>
          </Space>
        )}
        exportPath={orgAccountsExportPath}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('onboarding.accounts.create')}
          </Button>
        }
        empty={{ filtered: t('onboarding.accounts.emptyFiltered'), none: t('onboarding.accounts.emptyNone') }}
      />
      {creating && (
        <Modal
          open
          title={t('onboarding.accounts.create')}
          onCancel={() => setCreating(false)}
          onOk={() => form.submit()}
          confirmLoading={create.isPending}
          destroyOnHidden
        >
          <Form<NewAccount>
            form={form}
            name="org-account-form"
            layout="vertical"
            preserve={false}
            initialValues={{ kind: 'applicant' }}
            onFinish={onCreate}
          >
            <Form.Item
              name="displayName"
              label={t('onboarding.accounts.displayName')}
              rules={[{ required: true, whitespace: true, max: 40 }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="username"
              label={t('onboarding.username')}
              extra={t('onboarding.usernameHelp')}
              rules={[
                {
                  required: true,
                  pattern: USERNAME_PATTERN,
                  message: t('onboarding.usernameHelp'),
                },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="kind"
              label={t('onboarding.accounts.kind')}
              extra={t('onboarding.accounts.kindHelp')}
            >
              <Radio.Group
                options={SUB_ACCOUNT_KINDS.map((k) => ({
                  value: k,
                  label: pickMsg(SUB_ACCOUNT_KIND_NAMES[k]),
                }))}
              />
            </Form.Item>
          </Form>
        </Modal>
      )}
      {password && (
        <InitialPasswordModal
          name={password.name}
          password={password.password}
          onClose={() => setPassword(null)}
        />
      )}
    </>
  );
}
