import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth-context';
import { formatDateTime } from '../../../app/format';
import { useLocale, useMsg, useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { FilterForm } from '../../../app/list/filter-form';
import { useListState } from '../../../app/list/use-list-state';
import { type Call, type CallListQuery, projectPaths, useCalls, useProgrammes } from '../api';
import { CallFormModal } from '../components/call-form-modal';
import { wanText } from '../format';

type CallFilters = Omit<CallListQuery, 'page' | 'pageSize' | 'sort'>;
type CallFilterValues = Omit<CallFilters, 'openNow'> & { openNow?: 'true' | 'false' };

/** 申报指南: every call; staff create and edit them, applicants start an application from one. */
export function CallsPage() {
  const t = useT();
  const pick = useMsg();
  const { locale } = useLocale();
  const { can } = useAuth();
  const [filterForm] = Form.useForm<CallFilterValues>();
  const list = useListState<CallFilters>({});
  const calls = useCalls(list.params);
  const programmes = useProgrammes();
  const [editing, setEditing] = useState<Call | 'new' | null>(null);
  const manage = can('projects.manage');
  const apply = can('projects.apply');

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.projects.calls')}</h2>}
      extra={
        <Space>
          <ExportButton path={projectPaths.callsExport} query={list.exportQuery} />
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('projects.call.create')}
            </Button>
          )}
        </Space>
      }
    >
      <FilterForm<CallFilterValues>
        name="call-filters"
        form={filterForm}
        label={t('list.filters')}
        onApply={({ openNow, ...rest }) =>
          list.applyFilters({ ...rest, openNow: openNow === undefined ? undefined : openNow === 'true' })
        }
      >
        <Form.Item label={t('registry.search')} name="q">
          <Input allowClear maxLength={100} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item label={t('projects.call.year')} name="year">
          <InputNumber min={2000} max={2100} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item label={t('projects.call.programme')} name="programme">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 220 }}
            popupMatchSelectWidth={false}
            options={(programmes.data ?? []).map((p) => ({
              value: p.code,
              label: locale === 'en' ? p.nameEn : p.name,
            }))}
          />
        </Form.Item>
        <Form.Item label={t('projects.call.status')} name="openNow">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={[
              { value: 'true', label: t('projects.call.open') },
              { value: 'false', label: t('projects.call.closed') },
            ]}
          />
        </Form.Item>
      </FilterForm>
      {calls.isError && (
        <Alert type="error" showIcon title={calls.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<Call>
        rowKey="id"
        dataSource={calls.data?.items}
        loading={calls.isFetching}
        pagination={list.pagination(calls.data?.total)}
        onChange={list.onTableChange}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={manage ? t('projects.call.emptyManage') : t('projects.call.empty')}
            />
          ),
        }}
        expandable={{
          expandedRowRender: (c) => <CallRules call={c} />,
        }}
        columns={[
          { title: t('projects.call.year'), dataIndex: 'year', key: 'year', width: 70 },
          {
            title: t('projects.call.title'),
            key: 'title',
            render: (_, c) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{c.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.programmeName}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('projects.call.window'),
            key: 'window',
            render: (_, c) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(c.opensAt).slice(0, 16)} — {formatDateTime(c.closesAt).slice(0, 16)}
              </span>
            ),
          },
          {
            title: t('projects.call.status'),
            key: 'open',
            render: (_, c) => <CallStatusTag call={c} />,
          },
          { title: t('projects.call.budget'), key: 'budget', render: (_, c) => wanText(c.budget) },
          { title: t('projects.call.fundingCap'), key: 'cap', render: (_, c) => wanText(c.fundingCap) },
          { title: t('projects.call.maxPerApplicant'), dataIndex: 'maxPerApplicant', key: 'max' },
          {
            title: t('common.actions'),
            key: 'op',
            render: (_, c) => (
              <Space>
                {manage && (
                  <>
                    <Button size="small" onClick={() => setEditing(c)}>
                      {t('common.edit')}
                    </Button>
                    <Link to={`/projects/manage?call=${c.id}`}>{t('projects.call.board')}</Link>
                  </>
                )}
                {!manage && can('projects.read') && (
                  <Link to={`/projects/manage?call=${c.id}`}>{t('projects.call.board')}</Link>
                )}
                {apply && c.apply?.allowed && (
                  <Link to={`/projects/my-applications?call=${c.id}`}>{t('projects.app.applyNow')}</Link>
                )}
                {apply && c.status === 'open' && c.apply && !c.apply.allowed && (
                  <Tooltip title={c.apply.reason ? pick(c.apply.reason) : undefined}>
                    <Typography.Text type="secondary" data-testid="apply-refused">
                      {t('projects.app.limitReached', { used: c.apply.used })}
                    </Typography.Text>
                  </Tooltip>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <CallFormModal call={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}

/** 未开始 (with the opening date), 申报中, 已截止: three states, not one merged "not open". */
export function CallStatusTag({ call }: { call: Call }) {
  const t = useT();
  if (call.status === 'open') return <Tag color="green">{t('projects.call.open')}</Tag>;
  if (call.status === 'upcoming')
    return (
      <Tooltip title={t('projects.call.opensOn', { at: formatDateTime(call.opensAt).slice(0, 16) })}>
        <Tag color="blue">
          {t('projects.call.upcoming')} · {formatDateTime(call.opensAt).slice(0, 10)}
        </Tag>
      </Tooltip>
    );
  return <Tag>{t('projects.call.ended')}</Tag>;
}

function CallRules({ call }: { call: Call }) {
  const t = useT();
  const { locale } = useLocale();
  const name = (x: { name: string; nameEn: string }) => (locale === 'en' ? x.nameEn : x.name);
  return (
    <Space orientation="vertical" size={4}>
      <span>
        {t('projects.call.eligibility')}：
        {call.eligibility.length === 0
          ? t('projects.eligibility.noRules')
          : call.eligibility
              .map((r) =>
                r.type === 'valid_qualification'
                  ? `${t('projects.rule.valid_qualification')} ${r.qualification}`
                  : r.type === 'region_in'
                    ? `${t('projects.rule.region_in')} ${r.regions.join('、')}`
                    : `${t('projects.rule.org_kind_in')} ${r.kinds.join('、')}`,
              )
              .join('；')}
      </span>
      <span>
        {t('projects.call.requiredAttachments')}：{call.requiredAttachments.map(name).join('、') || '—'}
      </span>
      <span>
        {t('projects.call.rubric')}：{call.rubric.map((c) => `${name(c)} ${c.max}`).join('、')}
      </span>
      <span>
        {t('projects.call.expertsPer')}：{call.expertsPerApplication}；{t('projects.call.publicityDays')}：
        {call.publicityDays}
      </span>
    </Space>
  );
}
