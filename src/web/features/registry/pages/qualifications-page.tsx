import { DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { LEVEL_CODES, LEVEL_NAMES } from '../../../../domain/registry';
import { useMsg, useT } from '../../../app/i18n';
import { useUrlListState } from '../../../app/list/use-list-state';
import { exportPaths, type QualificationListQuery, useQualifications } from '../api';
import { QualificationList } from '../components/qualification-table';
import { RegionSelect, useOffersRegionFilter } from '../components/region-select';
import { QualificationTypeField, SearchField } from '../components/registry-filter-fields';

type QualificationFilters = Omit<QualificationListQuery, 'page' | 'pageSize' | 'sort'>;
type FilterValues = Omit<QualificationFilters, 'validOn'> & { validOn?: Dayjs | null };

const STATUSES = ['all', 'valid', 'expired', 'revoked'] as const;
const DEFAULTS = { status: 'all' } as const;

/** 资质: every qualification recorded, by type, level, state on a date, region or holder. */
export function QualificationsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const offersRegion = useOffersRegionFilter();
  const list = useUrlListState<QualificationFilters>('-issuedOn', { defaults: DEFAULTS });
  const quals = useQualifications(list.params as QualificationListQuery);

  return (
    <QualificationList<QualificationFilters, FilterValues>
      title={t('menu.registry.qualifications')}
      name="qualification-filters"
      list={list}
      query={quals}
      exportPath={exportPaths.qualifications}
      toForm={({ validOn, ...rest }) => ({ ...rest, validOn: validOn ? dayjs(validOn) : undefined })}
      fromForm={({ validOn, ...rest }) => ({
        ...rest,
        validOn: validOn ? validOn.format('YYYY-MM-DD') : undefined,
      })}
      filterFields={
        <>
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
          <Form.Item label={t('registry.qual.state')} name="status">
            <Select
              style={{ width: 110 }}
              options={STATUSES.map((s) => ({ value: s, label: t(`registry.qual.status.${s}`) }))}
            />
          </Form.Item>
          <Form.Item
            label={t('registry.qual.validOn')}
            name="validOn"
            tooltip={t('registry.qual.validOnHint')}
          >
            <DatePicker placeholder={t('registry.today')} />
          </Form.Item>
          {offersRegion && (
            <Form.Item label={t('registry.org.region')} name="regionCode">
              <RegionSelect />
            </Form.Item>
          )}
        </>
      }
      empty={{ filtered: t('registry.qual.emptyFiltered'), none: t('registry.qual.emptyAll') }}
    />
  );
}
