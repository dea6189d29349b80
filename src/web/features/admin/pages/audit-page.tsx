import {
  Alert,
  AutoComplete,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
} from 'antd';
import type { Dayjs } from 'dayjs';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_OBJECT_LABELS,
  AUDIT_OUTCOME_LABELS,
  auditActionLabel,
  auditObjectLabel,
} from '../../../../domain/audit-labels';
import type { AuditEntry } from '../../../../domain/contracts/admin';
import { ROLE_CODES, ROLE_NAMES, type RoleCode } from '../../../../domain/roles';
import { useMsg, useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { FilterForm } from '../../../app/list/filter-form';
import { useListState } from '../../../app/list/use-list-state';
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

function isRoleCode(value: string): value is RoleCode {
  return (ROLE_CODES as readonly string[]).includes(value);
}

export function AuditPage() {
  const t = useT();
  const pickMsg = useMsg();
  const [filterForm] = Form.useForm<AuditFilterValues>();
  const list = useListState<AuditFilters>({}, '-at');
  const entries = useAuditEntries(list.params);

  const onApply = ({ range, ...rest }: AuditFilterValues) =>
    list.applyFilters({
      ...rest,
      from: range?.[0]?.format('YYYY-MM-DD'),
      to: range?.[1]?.format('YYYY-MM-DD'),
    });

  const actionOptions = Object.entries(AUDIT_ACTION_LABELS).map(([code, label]) => ({
    value: code,
    label: `${pickMsg(label)}（${code}）`,
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
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.audit')}</h2>}
      extra={<ExportButton path={exportPaths.audit} query={list.exportQuery} />}
    >
      <AuditVerifyBanner />
      <AuditArchives />
      <FilterForm<AuditFilterValues>
        name="audit-filters"
        form={filterForm}
        onApply={onApply}
        label={t('list.filters')}
      >
        <Form.Item label={t('audit.dateRange')} name="range">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item label={t('audit.actor')} name="actor">
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label={t('audit.action')} name="action">
          {/* A code from the list, or any prefix typed by hand (auth. → every sign-in event). */}
          <AutoComplete
            allowClear
            style={{ width: 200 }}
            placeholder={t('audit.actionPlaceholder')}
            options={actionOptions}
            filterOption={(input, option) =>
              String(option?.label ?? '')
                .toLowerCase()
                .includes(input.toLowerCase())
            }
          />
        </Form.Item>
        <Form.Item label={t('audit.targetType')} name="targetType">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
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
      </FilterForm>
      {entries.isError && (
        <Alert type="error" showIcon title={entries.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<AuditEntry>
        rowKey="id"
        columns={columns}
        dataSource={entries.data?.items}
        loading={entries.isFetching}
        pagination={list.pagination(entries.data?.total)}
        onChange={list.onTableChange}
        expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} /> }}
      />
    </Card>
  );
}
