import { CheckCircleFilled, CloseCircleFilled, QuestionCircleOutlined } from '@ant-design/icons';
import {
  Alert,
  Card,
  Form,
  Radio,
  Select,
  Slider,
  Space,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
  theme,
} from 'antd';
import dayjs from 'dayjs';
import { type CriterionResult, hteCriteria } from '../../../../domain/registry';
import { useMsg, useT } from '../../../app/i18n';
import { NameCell } from '../../../app/list/cells';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { useDataYears } from '../../../app/workbench';
import { type CultivationItem, type CultivationQuery, exportPaths, useCultivation } from '../api';
import { RegionSelect, useOffersRegionFilter, useRegionName } from '../components/region-select';
import { formatPercent, formatWan } from '../format';

type CultivationFilters = Pick<CultivationQuery, 'year' | 'margin' | 'status' | 'regionCode'>;
type FilterValues = Omit<CultivationFilters, 'year' | 'margin'> & { year?: number; margin?: number };

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
  // The share reads at a glance; the threshold it is held to is on hover (and in the rule above).
  return (
    <Tooltip title={`≥ ${c.required}%`}>
      <span style={{ color, whiteSpace: 'nowrap' }}>
        {c.pass ? <CheckCircleFilled /> : <CloseCircleFilled />} {formatPercent(c.actual)}
      </span>
    </Tooltip>
  );
}

/**
 * 高企培育库: enterprises without a valid 高企 certificate whose figures for the year meet the
 * quantitative criteria, or fall short of each by no more than the margin — with what fails named.
 */
export function CultivationPage() {
  // The year opens on the newest year with data, the rule every page with a year follows.
  const held = useDataYears();
  if (held.isPending) return <Card loading />;
  return <CultivationPool defaultYear={held.data?.latest ?? dayjs().year() - 1} />;
}

function CultivationPool({ defaultYear }: { defaultYear: number }) {
  const t = useT();
  const regionName = useRegionName();
  const pickMsg = useMsg();
  const offersRegion = useOffersRegionFilter();
  const lastYear = defaultYear;
  const list = useUrlListState<CultivationFilters>(undefined, {
    defaults: { year: lastYear, margin: DEFAULT_MARGIN, status: 'all' },
  });
  const pool = useCultivation(list.params as CultivationQuery);
  const year = list.filters.year ?? lastYear;

  const years = Array.from({ length: dayjs().year() - FIRST_YEAR + 1 }, (_, i) => dayjs().year() - i);

  const columns: TableColumnsType<CultivationItem> = [
    {
      title: t('registry.org.name'),
      key: 'name',
      width: 220,
      render: (_, x) => <NameCell to={`/registry/orgs/${x.orgId}?tab=stats`} name={x.name} code={x.uscc} />,
    },
    {
      title: t('registry.org.region'),
      dataIndex: 'regionName',
      key: 'regionName',
      width: 100,
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
      width: 120,
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
    <ListPage<CultivationItem, CultivationFilters, FilterValues>
      title={t('menu.registry.cultivation')}
      name="cultivation-filters"
      list={list}
      query={pool}
      columns={columns}
      exportPath={exportPaths.cultivation}
      toForm={({ year, margin, ...rest }) => ({
        ...rest,
        year: year === undefined ? undefined : Number(year),
        margin: margin === undefined ? undefined : Number(margin),
      })}
      fromForm={(values) => ({ year: lastYear, margin: DEFAULT_MARGIN, status: 'all', ...values })}
      notice={
        <Alert type="info" showIcon title={t('registry.cultivation.rule')} style={{ marginBottom: 16 }} />
      }
      filterFields={
        <>
          <Form.Item label={t('registry.stats.year')} name="year">
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 100 }}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
          </Form.Item>
          <Form.Item
            label={t('registry.cultivation.margin')}
            name="margin"
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
          <Form.Item label={t('registry.cultivation.status')} name="status">
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
        </>
      }
      empty={{
        filtered: t('registry.cultivation.empty', { year }),
        none: t('registry.cultivation.empty', { year }),
      }}
    />
  );
}
