import { Alert, Card, DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { LEVEL_CODES, LEVEL_NAMES } from '../../../../domain/registry';
import { useMsg, useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { FilterForm } from '../../../app/list/filter-form';
import { useListState } from '../../../app/list/use-list-state';
import { exportPaths, type QualificationListQuery, useQualifications } from '../api';
import { QualificationTable } from '../components/qualification-table';
import { RegionSelect, useOffersRegionFilter } from '../components/region-select';
import { QualificationTypeField, SearchField } from '../components/registry-filter-fields';
import { hasFilters } from '../list-filters';

type QualificationFilters = Omit<QualificationListQuery, 'page' | 'pageSize' | 'sort'>;
type FilterValues = Omit<QualificationFilters, 'validOn'> & { validOn?: Dayjs | null };

const STATUSES = ['all', 'valid', 'expired', 'revoked'] as const;

/** 资质: every qualification recorded, by type, level, state on a date, region or holder. */
export function QualificationsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const offersRegion = useOffersRegionFilter();
  const [filterForm] = Form.useForm<FilterValues>();
  const list = useListState<QualificationFilters>({ status: 'all' }, '-issuedOn');
  const quals = useQualifications(list.params);

  const onApply = ({ validOn, ...rest }: FilterValues) =>
    list.applyFilters({ ...rest, validOn: validOn ? validOn.format('YYYY-MM-DD') : undefined });

  const filtered = hasFilters(list.exportQuery, { status: 'all' });

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.registry.qualifications')}</h2>}
      extra={<ExportButton path={exportPaths.qualifications} query={list.exportQuery} />}
    >
      <FilterForm<FilterValues>
        name="qualification-filters"
        form={filterForm}
        onApply={onApply}
        label={t('list.filters')}
      >
        <SearchField placeholder={t('registry.qual.searchPlaceholder')} width={280} />
        <QualificationTypeField />
        <Form.Item label={t('registry.qual.level')} name="level">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 110 }}
            options={LEVEL_CODES.map((l) => ({ value: l, label: pickMsg(LEVEL_NAMES[l]) }))}
          />
        </Form.Item>
        <Form.Item label={t('registry.qual.state')} name="status" initialValue="all">
          <Select
            style={{ width: 110 }}
            options={STATUSES.map((s) => ({ value: s, label: t(`registry.qual.status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('registry.qual.validOn')} name="validOn" tooltip={t('registry.qual.validOnHint')}>
          <DatePicker placeholder={t('registry.today')} />
        </Form.Item>
        {offersRegion && (
          <Form.Item label={t('registry.org.region')} name="regionCode">
            <RegionSelect />
          </Form.Item>
        )}
      </FilterForm>
      {quals.isError && (
        <Alert type="error" showIcon title={quals.error.message} style={{ marginBottom: 16 }} />
      )}
      <QualificationTable
        items={quals.data?.items}
        loading={quals.isFetching}
        pagination={list.pagination(quals.data?.total)}
        onChange={list.onTableChange}
        sortOrderOf={list.sortOrderOf}
        emptyText={filtered ? t('registry.qual.emptyFiltered') : t('registry.qual.emptyAll')}
      />
    </Card>
  );
}
