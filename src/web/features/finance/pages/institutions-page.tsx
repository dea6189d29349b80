import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { INSTITUTION_TYPE_NAMES, INSTITUTION_TYPES, type InstitutionType } from '../../../../domain/finance';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { NameCell } from '../../../app/list/cells';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type InstitutionItem, institutionsExportPath, useCreateInstitution, useInstitutions } from '../api';

/** 金融机构名录: the registry's 金融机构 the module knows, with their type and records. */
export function InstitutionsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const list = useUrlListState<Record<string, string | undefined>>('name');
  const institutions = useInstitutions(list.params);
  const [adding, setAdding] = useState(false);
  const typeOptions = INSTITUTION_TYPES.map((c) => ({ value: c, label: pickMsg(INSTITUTION_TYPE_NAMES[c]) }));
  return (
    <>
      <ListPage
        title={t('menu.finance.institutions')}
        name="finance-institution-filters"
        list={list}
        query={institutions}
        columns={[
          {
            title: t('finance.institutionName'),
            key: 'name',
            sorter: true,
            sortOrder: list.sortOrderOf('name'),
            render: (_, i: InstitutionItem) => <NameCell name={i.name} code={i.uscc} />,
          },
          {
            title: t('finance.institutionType'),
            key: 'type',
            width: 140,
            render: (_, i: InstitutionItem) => pickMsg(INSTITUTION_TYPE_NAMES[i.type]),
          },
          { title: t('finance.region'), dataIndex: 'regionName', key: 'regionName', width: 120 },
          { title: t('finance.records'), dataIndex: 'records', key: 'records', width: 100, align: 'right' },
        ]}
        filterFields={
          <>
            <Form.Item label={t('finance.search')} name="q">
              <Input allowClear style={{ width: 220 }} />
            </Form.Item>
            <Form.Item label={t('finance.institutionType')} name="type">
              <Select allowClear placeholder={t('common.all')} style={{ width: 150 }} options={typeOptions} />
            </Form.Item>
          </>
        }
        exportPath={institutionsExportPath}
        extra={
          can('finance.institutions') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('finance.addInstitution')}
            </Button>
          )
        }
        empty={{ filtered: t('finance.emptyFiltered'), none: t('finance.institutionsEmpty') }}
      />
      {adding && <AddInstitution options={typeOptions} onClose={() => setAdding(false)} />}
    </>
  );
}

function AddInstitution({
  options,
  onClose,
}: {
  options: { value: InstitutionType; label: string }[];
  onClose: () => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ uscc: string; type: InstitutionType }>();
  const create = useCreateInstitution();
  return (
    <Modal
      open
      title={t('finance.addInstitution')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('finance.addInstitutionHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="finance-institution-form"
        onFinish={(v) =>
          create.mutate(v, {
            onSuccess: (i) => {
              message.success(i.name);
              onClose();
            },
            onError: (error) => onError(error, form),
          })
        }
      >
        <Form.Item
          label={t('finance.institutionUscc')}
          name="uscc"
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item label={t('finance.institutionType')} name="type" rules={[{ required: true }]}>
          <Select options={options} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
