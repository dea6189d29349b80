import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import type { ExpertListQuery } from '../../../../domain/contracts/projects-review';
import { useLocale, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { type Expert, projectPaths, useExperts, useHitechFields } from '../api';
import { ConflictsModal, ExpertFormModal } from '../components/expert-modals';
import { useFieldName } from '../format';

type Filters = Partial<Omit<ExpertListQuery, 'page' | 'pageSize' | 'sort'>>;
type FilterValues = Omit<Filters, 'active'> & { active?: 'true' | 'false' };

/** The title and the current load are there for those who want them; the rest fits 1366 px. */
const SECONDARY = ['title', 'load'];

/** 专家库: the review experts, their fields and employer, and whom each must not review. */
export function ExpertsPage() {
  const t = useT();
  const { locale } = useLocale();
  const fieldName = useFieldName();
  const fields = useHitechFields();
  const list = useUrlListState<Filters>();
  const experts = useExperts(list.params);
  const [editing, setEditing] = useState<Expert | 'new' | null>(null);
  const [conflictsOf, setConflictsOf] = useState<string | null>(null);
  const conflictExpert = experts.data?.items.find((e) => e.id === conflictsOf);

  return (
    <>
      <ListPage<Expert, Filters, FilterValues>
        title={t('menu.projects.experts')}
        name="expert-filters"
        list={list}
        query={experts}
        defaultHidden={SECONDARY}
        toForm={({ active, ...rest }) => ({
          ...rest,
          active: active === undefined ? undefined : (String(active) as 'true' | 'false'),
        })}
        fromForm={({ active, ...rest }) => ({
          ...rest,
          active: active === undefined ? undefined : active === 'true',
        })}
        filterFields={
          <>
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
          </>
        }
        columns={[
          { title: t('projects.expert.name'), dataIndex: 'name', key: 'name', width: 110 },
          { title: t('projects.expert.org'), key: 'org', width: 220, render: (_, e) => e.orgName ?? '—' },
          { title: t('projects.expert.title'), key: 'title', width: 120, render: (_, e) => e.title ?? '—' },
          {
            title: t('projects.expert.fields'),
            key: 'fields',
            width: 260,
            render: (_, e) => e.fields.map((f) => <Tag key={f}>{fieldName(f)}</Tag>),
          },
          { title: t('projects.expert.account'), key: 'user', render: (_, e) => e.username ?? '—' },
          {
            title: t('projects.expert.active'),
            key: 'active',
            width: 80,
            render: (_, e) =>
              e.active ? <Tag color="green">{t('registry.yes')}</Tag> : <Tag>{t('registry.no')}</Tag>,
          },
          { title: t('projects.expert.load'), dataIndex: 'load', key: 'load' },
          {
            title: t('projects.expert.conflicts'),
            key: 'conflicts',
            width: 110,
            render: (_, e) => (
              <Button size="small" type="link" onClick={() => setConflictsOf(e.id)}>
                {t('projects.expert.conflictCount', { n: e.conflicts.length })}
              </Button>
            ),
          },
        ]}
        actions={(e) => (
          <Button size="small" type="link" onClick={() => setEditing(e)}>
            {t('common.edit')}
          </Button>
        )}
        actionsWidth={80}
        exportPath={projectPaths.expertsExport}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('projects.expert.create')}
          </Button>
        }
        empty={{ filtered: t('projects.expert.emptyFiltered'), none: t('projects.expert.empty') }}
      />
      {editing && (
        <ExpertFormModal expert={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      {conflictExpert && <ConflictsModal expert={conflictExpert} onClose={() => setConflictsOf(null)} />}
    </>
  );
}
