import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth-context';
import { formatDateTime } from '../../../app/format';
import { useLocale, useMsg, useT } from '../../../app/i18n';
import { WindowCell } from '../../../app/list/cells';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { type Call, type CallListQuery, projectPaths, useCalls, useProgrammes } from '../api';
import { CallFormModal } from '../components/call-form-modal';
import { wanColumn } from '../format';

type CallFilters = Omit<CallListQuery, 'page' | 'pageSize' | 'sort'>;
type CallFilterValues = Omit<CallFilters, 'openNow' | 'year'> & { openNow?: 'true' | 'false'; year?: number };

/** The year shows under the title; the cap and the per-applicant limit are in each row's rules too. */
const SECONDARY = ['year', 'cap', 'max'];

/** 申报指南: every call; staff create and edit them, applicants start an application from one. */
export function CallsPage() {
  const t = useT();
  const pick = useMsg();
  const { locale } = useLocale();
  const { can } = useAuth();
  const list = useUrlListState<CallFilters>();
  const calls = useCalls(list.params as CallListQuery);
  const programmes = useProgrammes();
  const [editing, setEditing] = useState<Call | 'new' | null>(null);
  const manage = can('projects.manage');
  const apply = can('projects.apply');

  const columns: TableColumnsType<Call> = [
    { title: t('projects.call.year'), dataIndex: 'year', key: 'year', width: 70 },
    {
      title: t('projects.call.title'),
      key: 'title',
      width: 300,
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{c.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.year} · {c.programmeName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('projects.call.window'),
      key: 'window',
      render: (_, c) => <WindowCell from={c.opensAt} to={c.closesAt} />,
    },
    {
      title: t('projects.call.status'),
      key: 'open',
      render: (_, c) => <CallStatusTag call={c} />,
    },
    wanColumn(t('projects.call.budget'), 'budget', (c) => c.budget),
    wanColumn(t('projects.call.fundingCap'), 'cap', (c) => c.fundingCap),
    { title: t('projects.call.maxPerApplicant'), dataIndex: 'maxPerApplicant', key: 'max', align: 'right' },
  ];

  return (
    <>
      <ListPage<Call, CallFilters, CallFilterValues>
        title={t('menu.projects.calls')}
        name="call-filters"
        list={list}
        query={calls}
        columns={columns}
        defaultHidden={SECONDARY}
        exportPath={projectPaths.callsExport}
        toForm={({ openNow, year, ...rest }) => ({
          ...rest,
          year: year === undefined ? undefined : Number(year),
          openNow: openNow === undefined ? undefined : (String(openNow) as 'true' | 'false'),
        })}
        fromForm={({ openNow, ...rest }) => ({
          ...rest,
          openNow: openNow === undefined ? undefined : openNow === 'true',
        })}
        filterFields={
          <>
            <Form.Item label={t('registry.search')} name="q">
              <Input allowClear maxLength={100} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item label={t('projects.call.year')} name="year">
              <InputNumber min={2000} max={2100} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item label={t('projects.call.programme')} name="programme">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 200 }}
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
          </>
        }
        expandable={{ expandedRowRender: (c) => <CallRules call={c} /> }}
        actionsWidth={manage ? 150 : 110}
        actions={(c) => (
          <Space size="small">
            {manage && (
              <Button size="small" onClick={() => setEditing(c)}>
                {t('common.edit')}
              </Button>
            )}
            {can('projects.read') && (
              <Link to={`/projects/manage?call=${c.id}`}>{t('projects.call.board')}</Link>
            )}
            {apply && c.apply?.allowed && (
              <Link to={`/projects/my-applications?call=${c.id}`}>{t('projects.app.applyNow')}</Link>
            )}
            {apply && c.status === 'open' && c.apply && !c.apply.allowed && (
              <Tooltip title={c.apply.reason ? pick(c.apply.reason) : undefined}>
                <Typography.Text type="secondary" data-testid="apply-refused">
                  {c.apply.used < c.maxPerApplicant && c.apply.reason
                    ? pick(c.apply.reason)
                    : t('projects.app.limitReached', { used: c.apply.used })}
                </Typography.Text>
              </Tooltip>
            )}
          </Space>
        )}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('projects.call.create')}
            </Button>
          )
        }
        empty={{
          filtered: manage ? t('projects.call.emptyManage') : t('projects.call.empty'),
          none: manage ? t('projects.call.emptyManage') : t('projects.call.empty'),
        }}
      />
      {editing && (
        <CallFormModal call={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </>
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
