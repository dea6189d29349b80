import { CheckCircleFilled, CloseCircleFilled, QuestionCircleOutlined } from '@ant-design/icons';
import {
  Alert,
  Card,
  Empty,
  Form,
  Radio,
  Select,
  Slider,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
  theme,
} from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { type CriterionResult, hteCriteria } from '../../../../domain/registry';
import { useMsg, useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { FilterForm } from '../../../app/list/filter-form';
import { useListState } from '../../../app/list/use-list-state';
import { type CultivationItem, type CultivationQuery, exportPaths, useCultivation } from '../api';
import { RegionSelect, useOffersRegionFilter, useRegionName } from '../components/region-select';
import { formatPercent, formatWan } from '../format';

type CultivationFilters = Pick<CultivationQuery, 'year' | 'margin' | 'status' | 'regionCode'>;

const FIRST_YEAR = 2010;
const DEFAULT_MARGIN = 1;
/** The three criteria in the order the rule lists them, for the column heads. */
const CRITERIA = hteCriteria({
  revenue: null,
  rdExpense: null,
  staff: null,
  stStaff: null,
  hitechRevenue: null,
});

function CriterionCell({ c }: { c: CriterionResult | undefined }) {
  const t = useT();
  const { token } = theme.useToken();
  if (!c) return '—';
  if (c.actual === null) {
    return (
      <Typography.Text type="secondary">
        <QuestionCircleOutlined /> {t('registry.cultivation.missing')}
      </Typography.Text>
    );
  }
  const color = c.pass ? token.colorSuccess : token.colorError;
  return (
    <span style={{ color, whiteSpace: 'nowrap' }}>
      {c.pass ? <CheckCircleFilled /> : <CloseCircleFilled />} {formatPercent(c.actual)}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {' '}
        / ≥ {c.required}%
      </Typography.Text>
    </span>
  );
}

/**
 * 高企培育库: enterprises without a valid 高企 certificate whose figures for the year meet the
 * quantitative criteria, or fall short of each by no more than the margin — with what fails named.
 */
export function CultivationPage() {
  const t = useT();
  const regionName = useRegionName();
  const pickMsg = useMsg();
  const offersRegion = useOffersRegionFilter();
  const lastYear = dayjs().year() - 1;
  const [filterForm] = Form.useForm<CultivationFilters>();
  const list = useListState<CultivationFilters>({ year: lastYear, margin: DEFAULT_MARGIN, status: 'all' });
  const pool = useCultivation(list.params);
  const year = list.exportQuery.year ?? lastYear;

  const years = Array.from({ length: dayjs().year() - FIRST_YEAR + 1 }, (_, i) => dayjs().year() - i);

  const columns: TableColumnsType<CultivationItem> = [
    {
      title: t('registry.org.name'),
      key: 'name',
      fixed: 'left',
      render: (_, x) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/registry/orgs/${x.orgId}?tab=stats`}>{x.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
            {x.uscc}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('registry.org.region'),
      dataIndex: 'regionName',
      key: 'regionName',
      render: (name: string, row) => regionName(row.regionCode, name),
    },
    {
      title: t('registry.stats.revenueWan'),
      dataIndex: 'revenue',
      key: 'revenue',
      align: 'right',
      render: formatWan,
    },
    ...CRITERIA.map((criterion) => ({
      // The short name heads the column; the rule's full wording is its tooltip.
      title: <Tooltip title={pickMsg(criterion.name)}>{t(`registry.criterion.${criterion.code}`)}</Tooltip>,
      key: criterion.code,
      render: (_: unknown, x: CultivationItem) => (
        <CriterionCell c={x.criteria.find((c) => c.code === criterion.code)} />
      ),
    })),
    {
      title: t('registry.cultivation.status'),
      key: 'status',
      render: (_, x) => (
        <Space orientation="vertical" size={2}>
          {x.status === 'meets' ? (
            <Tag color="success">{t('registry.cultivation.meets')}</Tag>
          ) : (
            <Tag color="warning">{t('registry.cultivation.near')}</Tag>
          )}
          {x.failing.length > 0 && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t('registry.cultivation.failingList', {
                list: x.criteria
                  .filter((c) => !c.pass)
                  .map((c) => t(`registry.criterion.${c.code}`))
                  .join(t('common.listSeparator')),
              })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.registry.cultivation')}</h2>}
      extra={<ExportButton path={exportPaths.cultivation} query={list.exportQuery} />}
    >
      <Alert type="info" showIcon title={t('registry.cultivation.rule')} style={{ marginBottom: 16 }} />
      <FilterForm<CultivationFilters>
        name="cultivation-filters"
        form={filterForm}
        onApply={(values) =>
          list.applyFilters({ year: lastYear, margin: DEFAULT_MARGIN, status: 'all', ...values })
        }
        label={t('list.filters')}
      >
        <Form.Item label={t('registry.stats.year')} name="year" initialValue={lastYear}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 100 }}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('registry.cultivation.margin')}
          name="margin"
          initialValue={DEFAULT_MARGIN}
          tooltip={t('registry.cultivation.marginHint')}
        >
          <Slider
            min={0}
            max={5}
            step={0.5}
            ariaLabelForHandle={t('registry.cultivation.margin')}
            marks={{ 0: '0', 1: '1', 2: '2', 3: '3', 4: '4', 5: '5' }}
            tooltip={{ formatter: (v) => t('registry.cultivation.points', { points: v ?? 0 }) }}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item label={t('registry.cultivation.status')} name="status" initialValue="all">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'meets', label: t('registry.cultivation.meets') },
              { value: 'near', label: t('registry.cultivation.near') },
            ]}
          />
        </Form.Item>
        {offersRegion && (
          <Form.Item label={t('registry.org.region')} name="regionCode">
            <RegionSelect />
          </Form.Item>
        )}
      </FilterForm>
      {pool.isError && (
        <Alert type="error" showIcon title={pool.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<CultivationItem>
        rowKey="orgId"
        columns={columns}
        dataSource={pool.data?.items}
        loading={pool.isFetching}
        pagination={list.pagination(pool.data?.total)}
        onChange={list.onTableChange}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('registry.cultivation.empty', { year })}
            />
          ),
        }}
      />
    </Card>
  );
}
