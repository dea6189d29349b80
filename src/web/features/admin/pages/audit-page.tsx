import { DatePicker, Form, Input, Select, type TableColumnsType, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_OBJECT_LABELS,
  AUDIT_OUTCOME_LABELS,
  auditActionLabel,
  auditObjectLabel,
} from '../../../../domain/audit-labels';
import type { AuditEntry } from '../../../../domain/contracts/admin';
import { isRoleCode, ROLE_NAMES } from '../../../../domain/roles';
import { useMsg, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { type AuditQuery, exportPaths, useAuditEntries } from '../api';
import { AuditArchives } from '../components/audit-archives';
import { AuditDiff } from '../components/audit-diff';
import { type AuditOutcome, chinaTime } from '../components/audit-format';
import { AuditVerifyBanner } from '../components/audit-verify-banner';

type AuditFilters = Omit<AuditQuery, 'page' | 'pageSize' | 'sort'>;

interface AuditFilterValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  action?: string;
  targetType?: string;
  outcome?: AuditOutcome;
}

const OUTCOME_COLORS: Record<AuditOutcome, string> = {
  success: 'success',
  failure: 'error',
  denied: 'warning',
};

const day = (v: string | undefined) => (v ? dayjs(v) : null);

export function AuditPage() {
  const t = useT();
  const pickMsg = useMsg();
  const list = useUrlListState<AuditFilters>('-at');
  const entries = useAuditEntries(list.params);

  // The operation is chosen by its name; typing its code (or the start of one) finds it too.
  const actionOptions = Object.entries(AUDIT_ACTION_LABELS).map(([code, label]) => ({
    value: code,
    label: pickMsg(label),
  }));

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.atChina'),
      dataIndex: 'at',
      key: 'at',
      width: 180,
      sorter: true,
      sortOrder: list.sortOrderOf('at'),
      render: (value: string) => chinaTime(value),
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, entry) =>
        entry.actorUsername ??
        (entry.action.startsWith('system.') ? t('audit.system') : t('audit.anonymous')),
    },
    {
      title: t('audit.actorRole'),
      dataIndex: 'actorRole',
      key: 'actorRole',
      width: 150,
      render: (role: string | null) => (role ? (isRoleCode(role) ? pickMsg(ROLE_NAMES[role]) : role) : '—'),
    },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', render: (ip: string | null) => ip ?? '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      render: (code: string) => (
        <Tooltip title={code}>
          <span>{pickMsg(auditActionLabel(code))}</span>
        </Tooltip>
      ),
    },
    {
      title: t('audit.targetType'),
      dataIndex: 'targetType',
      key: 'targetType',
      render: (value: string | null, entry) =>
        value ? (value === 'route' ? (entry.targetId ?? '—') : pickMsg(auditObjectLabel(value))) : '—',
    },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      key: 'outcome',
      render: (outcome: AuditOutcome) => (
        <Tag color={OUTCOME_COLORS[outcome]}>{pickMsg(AUDIT_OUTCOME_LABELS[outcome])}</Tag>
      ),
    },
  ];

  return (
    <ListPage<AuditEntry, AuditFilters, AuditFilterValues>
      title={t('menu.audit')}
      name="audit-filters"
      list={list}
      query={entries}
      columns={columns}
      toForm={({ from, to, ...rest }) => ({
        ...rest,
        range: from || to ? [day(from), day(to)] : undefined,
      })}
      fromForm={({ range, ...rest }) => ({
        ...rest,
        from: range?.[0]?.format('YYYY-MM-DD'),
        to: range?.[1]?.format('YYYY-MM-DD'),
      })}
      filterFields={
        <>
          <Form.Item label={t('audit.dateRange')} name="range">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item label={t('audit.actor')} name="actor">
            <Input allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label={t('audit.action')} name="action">
            <Select
              allowClear
              showSearch={{
                filterOption: (input, option) => {
                  const typed = input.trim().toLowerCase();
                  return (
                    String(option?.label ?? '').includes(typed) ||
                    String(option?.value ?? '').startsWith(typed)
                  );
                },
              }}
              style={{ width: 200 }}
              popupMatchSelectWidth={false}
              placeholder={t('admin.audit.actionPlaceholder')}
              options={actionOptions}
            />
          </Form.Item>
          <Form.Item label={t('audit.targetType')} name="targetType">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 140 }}
              placeholder={t('common.all')}
              options={Object.entries(AUDIT_OBJECT_LABELS).map(([code, label]) => ({
                value: code,
                label: pickMsg(label),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('audit.outcome')} name="outcome">
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 110 }}
              options={(Object.keys(AUDIT_OUTCOME_LABELS) as AuditOutcome[]).map((o) => ({
                value: o,
                label: pickMsg(AUDIT_OUTCOME_LABELS[o]),
              }))}
            />
          </Form.Item>
        </>
      }
      notice={
        <>
          <AuditVerifyBanner />
          <AuditArchives />
        </>
      }
      expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} /> }}
      exportPath={exportPaths.audit}
      empty={{ filtered: t('admin.list.emptyFiltered'), none: t('admin.audit.emptyNone') }}
    />
  );
}
