import { Alert, Card, DatePicker, Form, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { FilterForm } from '../../../app/list/filter-form';
import { useListState } from '../../../app/list/use-list-state';
import { exportPaths, type QualificationListQuery, useQualifications } from '../api';
import { QualificationTable } from '../components/qualification-table';
import { RegionSelect, useOffersRegionFilter } from '../components/region-select';
import { QualificationTypeField } from '../components/registry-filter-fields';
import { todayIso } from '../format';

type ExpiryFilters = Pick<QualificationListQuery, 'expiresWithin' | 'typeCode' | 'regionCode' | 'validOn'>;
type ExpiryFilterValues = Omit<ExpiryFilters, 'validOn'> & { validOn?: Dayjs | null };

const WINDOWS = [30, 60, 90, 180] as const;
const DEFAULT_WINDOW = 90;

/**
 * 到期提醒: qualifications valid today whose validity ends within the chosen window, soonest first,
 * so the bureau can remind holders to apply again (高企 re-certification) before they lapse.
 */
export function ExpiryPage() {
  const t = useT();
  const offersRegion = useOffersRegionFilter();
  const [filterForm] = Form.useForm<ExpiryFilterValues>();
  const list = useListState<ExpiryFilters>({ expiresWithin: DEFAULT_WINDOW }, 'validUntil');
  const quals = useQualifications(list.params);
  const days = Number(list.exportQuery.expiresWithin ?? DEFAULT_WINDOW);
  const base = list.exportQuery.validOn ?? todayIso();

  const onApply = ({ validOn, ...values }: ExpiryFilterValues) =>
    list.applyFilters({
      expiresWithin: DEFAULT_WINDOW,
      ...values,
      validOn: validOn ? validOn.format('YYYY-MM-DD') : undefined,
    });

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.registry.expiry')}</h2>}
      extra={<ExportButton path={exportPaths.qualifications} query={list.exportQuery} />}
    >
      <FilterForm<ExpiryFilterValues>
        name="expiry-filters"
        form={filterForm}
        onApply={onApply}
        label={t('list.filters')}
      >
        <Form.Item label={t('registry.expiry.within')} name="expiresWithin" initialValue={DEFAULT_WINDOW}>
          <Select
            style={{ width: 120 }}
            options={WINDOWS.map((d) => ({ value: d, label: t('registry.expiry.days', { days: d }) }))}
          />
        </Form.Item>
        <Form.Item label={t('registry.expiry.base')} name="validOn" tooltip={t('registry.expiry.baseHint')}>
          <DatePicker placeholder={t('registry.today')} />
        </Form.Item>
        <QualificationTypeField />
        {offersRegion && (
          <Form.Item label={t('registry.org.region')} name="regionCode">
            <RegionSelect />
          </Form.Item>
        )}
      </FilterForm>
      <Typography.Paragraph type="secondary">
        {t('registry.expiry.summary', {
          base,
          days,
          until: dayjs(base).add(days, 'day').format('YYYY-MM-DD'),
          total: quals.data?.total ?? '…',
        })}
      </Typography.Paragraph>
      {quals.isError && (
        <Alert type="error" showIcon title={quals.error.message} style={{ marginBottom: 16 }} />
      )}
      <QualificationTable
        items={quals.data?.items}
        loading={quals.isFetching}
        pagination={list.pagination(quals.data?.total)}
        onChange={list.onTableChange}
        sortOrderOf={list.sortOrderOf}
        daysLeftFrom={base}
        emptyText={t('registry.expiry.empty', { days })}
      />
    </Card>
  );
}
