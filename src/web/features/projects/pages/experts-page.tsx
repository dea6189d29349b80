import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ExpertListQuery } from '../../../../domain/contracts/projects-review';
import { useLocale, useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { FilterForm } from '../../../app/list/filter-form';
import { useListState } from '../../../app/list/use-list-state';
import { type Expert, projectPaths, useExperts, useHitechFields } from '../api';
import { ConflictsModal, ExpertFormModal } from '../components/expert-modals';
import { useFieldName } from '../format';

type Filters = Partial<Omit<ExpertListQuery, 'page' | 'pageSize' | 'sort'>>;
type FilterValues = Omit<Filters, 'active'> & { active?: 'true' | 'false' };

/** 专家库: the review experts, their fields and employer, and whom each must not review. */
export function ExpertsPage() {
  const t = useT();
  const { locale } = useLocale();
  const fieldName = useFieldName();
  const fields = useHitechFields();
  const [form] = Form.useForm<FilterValues>();
  const list = useListState<Filters>({});
  const experts = useExperts(list.params);
  const [editing, setEditing] = useState<Expert | 'new' | null>(null);
  const [conflictsOf, setConflictsOf] = useState<string | null>(null);
  const conflictExpert = experts.data?.items.find((e) => e.id === conflictsOf);

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.projects.experts')}</h2>}
      extra={
        <Space>
          <ExportButton path={projectPaths.expertsExport} query={list.exportQuery} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('projects.expert.create')}
          </Button>
        </Space>
      }
    >
      <FilterForm<FilterValues>
        name="expert-filters"
        form={form}
        label={t('list.filters')}
        onApply={({ active, ...rest }) =>
          list.applyFilters({ ...rest, active: active === undefined ? undefined : active === 'true' })
        }
      >
        <Form.Item label={t('registry.search')} name="q">
          <Input allowClear maxLength={100} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item label={t('projects.expert.fields')} name="field">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 200 }}
            popupMatchSelectWidth={false}
            options={(fields.data ?? []).map((f) => ({
              value: f.code,
              label: locale === 'en' ? f.nameEn : f.name,
            }))}
          />
        </Form.Item>
        <Form.Item label={t('projects.expert.active')} name="active">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 100 }}
            options={[
              { value: 'true', label: t('registry.yes') },
              { value: 'false', label: t('registry.no') },
            ]}
          />
        </Form.Item>
      </FilterForm>
      {experts.isError && (
        <Alert type="error" showIcon title={experts.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<Expert>
        rowKey="id"
        dataSource={experts.data?.items}
        loading={experts.isFetching}
        pagination={list.pagination(experts.data?.total)}
        onChange={list.onTableChange}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.expert.empty')} />,
        }}
        columns={[
          { title: t('projects.expert.name'), dataIndex: 'name', key: 'name' },
          { title: t('projects.expert.org'), key: 'org', render: (_, e) => e.orgName ?? '—' },
          { title: t('projects.expert.title'), key: 'title', render: (_, e) => e.title ?? '—' },
          {
            title: t('projects.expert.fields'),
            key: 'fields',
            render: (_, e) => e.fields.map((f) => <Tag key={f}>{fieldName(f)}</Tag>),
          },
          { title: t('projects.expert.account'), key: 'user', render: (_, e) => e.username ?? '—' },
          {
            title: t('projects.expert.active'),
            key: 'active',
            render: (_, e) =>
              e.active ? <Tag color="green">{t('registry.yes')}</Tag> : <Tag>{t('registry.no')}</Tag>,
          },
          { title: t('projects.expert.load'), dataIndex: 'load', key: 'load' },
          {
            title: t('projects.expert.conflicts'),
            key: 'conflicts',
            render: (_, e) => (
              <Button size="small" type="link" onClick={() => setConflictsOf(e.id)}>
                {t('projects.expert.conflictCount', { n: e.conflicts.length })}
              </Button>
            ),
          },
          {
            title: t('common.actions'),
            key: 'op',
            render: (_, e) => (
              <Button size="small" onClick={() => setEditing(e)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <ExpertFormModal expert={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      {conflictExpert && <ConflictsModal expert={conflictExpert} onClose={() => setConflictsOf(null)} />}
    </Card>
  );
}
