import { Alert, Empty, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { ORG_KIND_NAMES, type OrgKind } from '../../../../domain/registry';
import { ROLE_CODES, ROLE_NAMES, type RoleCode } from '../../../../domain/roles';
import { formatDateTime } from '../../../app/format';
import { type MessageKey, type TFunction, useLocale, useMsg, useT } from '../../../app/i18n';
import { useParks, useRegions } from '../../reference/api';
import { type OrgChange, useOrgChanges } from '../api';

/** Bookkeeping columns that change with every write and say nothing to a reader. */
const HIDDEN = new Set(['id', 'orgId', 'createdAt', 'updatedAt', 'searchText']);
/** A statistics row carries its organisation's region for scoping only. */
const HIDDEN_IN_STATS = new Set(['regionCode']);

const FIELD_KEYS: Record<string, MessageKey> = {
  uscc: 'registry.org.uscc',
  name: 'registry.org.name',
  kind: 'registry.org.kind',
  regionCode: 'registry.org.region',
  industryCode: 'registry.org.industry',
  aboveSize: 'registry.org.aboveSize',
  parkId: 'registry.org.park',
  foundedOn: 'registry.org.foundedOn',
  address: 'registry.org.address',
  contactPerson: 'registry.org.contactPerson',
  contactPhone: 'registry.org.contactPhone',
  legacyRegNo: 'registry.org.legacyRegNo',
  year: 'registry.stats.year',
  revenue: 'registry.stats.revenueWan',
  rdExpense: 'registry.stats.rdExpenseWan',
  hitechRevenue: 'registry.stats.hitechRevenueWan',
  staff: 'registry.stats.staff',
  stStaff: 'registry.stats.stStaff',
  hasRdActivity: 'registry.stats.hasRdActivity',
  ownsCoreTech: 'registry.stats.ownsCoreTech',
};

const ACTION_KEYS: Record<string, MessageKey> = {
  'organization.create': 'registry.change.create',
  'organization.update': 'registry.change.update',
  'organization.self-update': 'registry.change.selfUpdate',
  'organization.annual-stats': 'registry.change.annualStats',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('registry.change.empty');
  if (typeof value === 'boolean') return value ? t('registry.yes') : t('registry.no');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function fieldChanges(change: OrgChange): FieldChange[] {
  const before = isRecord(change.before) ? change.before : {};
  const after = isRecord(change.after) ? change.after : {};
  const stats = change.action === 'organization.annual-stats';
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !HIDDEN.has(k) && !(stats && HIDDEN_IN_STATS.has(k)),
  );
  // A new record lists what it was created with (leaving out the blanks); an edit lists what differs.
  const order = Object.keys(FIELD_KEYS);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return keys
    .filter((k) =>
      change.before === null
        ? after[k] !== null && after[k] !== undefined && after[k] !== ''
        : JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    )
    .sort((a, b) => rank(a) - rank(b))
    .map((k) => ({ field: k, before: before[k], after: after[k] }));
}

/** Codes as a reader knows them: the kind's name, the region's name, the park's name. */
function useShowValue() {
  const t = useT();
  const pickMsg = useMsg();
  const { locale } = useLocale();
  const regions = useRegions();
  const parks = useParks();
  return (field: string, value: unknown): string => {
    if (typeof value === 'string') {
      if (field === 'kind' && Object.hasOwn(ORG_KIND_NAMES, value))
        return pickMsg(ORG_KIND_NAMES[value as OrgKind]);
      if (field === 'regionCode') {
        const r = regions.data?.find((x) => x.code === value);
        if (r) return locale === 'en' ? r.nameEn : r.name;
      }
      if (field === 'parkId') {
        const p = parks.data?.find((x) => x.id === value);
        if (p) return locale === 'en' && p.nameEn ? p.nameEn : p.name;
      }
    }
    return show(value, t);
  };
}

function ChangeList({ change }: { change: OrgChange }) {
  const t = useT();
  const showValue = useShowValue();
  const rows = fieldChanges(change);
  const year = isRecord(change.after) ? change.after.year : undefined;
  if (rows.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {change.action === 'organization.annual-stats' && year !== undefined && (
        <li>{t('registry.change.yearIs', { year: String(year) })}</li>
      )}
      {rows
        .filter((r) => !(change.action === 'organization.annual-stats' && r.field === 'year'))
        .map((r) => (
          <li key={r.field}>
            <Typography.Text strong>{FIELD_KEYS[r.field] ? t(FIELD_KEYS[r.field]) : r.field}</Typography.Text>
            {'：'}
            {change.before === null ? (
              showValue(r.field, r.after)
            ) : (
              <>
                <Typography.Text delete type="secondary">
                  {showValue(r.field, r.before)}
                </Typography.Text>
                {' → '}
                {showValue(r.field, r.after)}
              </>
            )}
          </li>
        ))}
    </ul>
  );
}

/** 变更记录: every audited change of this organisation, newest first, including its own corrections. */
export function OrgChanges({ orgId }: { orgId: string }) {
  const t = useT();
  const pickMsg = useMsg();
  const changes = useOrgChanges(orgId);

  const columns: TableColumnsType<OrgChange> = [
    { title: t('audit.at'), dataIndex: 'at', key: 'at', width: 180, render: formatDateTime },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 200,
      render: (_, c) => {
        const role = c.actorRole && (ROLE_CODES as readonly string[]).includes(c.actorRole);
        return (
          <div>
            <div>{c.actorUsername ?? t('audit.system')}</div>
            {role && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {pickMsg(ROLE_NAMES[c.actorRole as RoleCode])}
              </Typography.Text>
            )}
          </div>
        );
      },
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      width: 160,
      render: (action: string) => (
        <Tag color={action === 'organization.self-update' ? 'orange' : undefined}>
          {ACTION_KEYS[action] ? t(ACTION_KEYS[action]) : action}
        </Tag>
      ),
    },
    { title: t('registry.change.details'), key: 'details', render: (_, c) => <ChangeList change={c} /> },
  ];

  if (changes.isError) return <Alert type="error" showIcon title={changes.error.message} />;
  return (
    <Table<OrgChange>
      rowKey={(c) => `${c.at}-${c.action}`}
      size="small"
      columns={columns}
      dataSource={changes.data}
      loading={changes.isFetching}
      pagination={false}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.change.none')} />,
      }}
    />
  );
}
