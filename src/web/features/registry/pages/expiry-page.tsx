import { DatePicker, Form, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n';
import { useUrlListState } from '../../../app/list/use-list-state';
import { exportPaths, type QualificationListQuery, useQualifications } from '../api';
import { QualificationList } from '../components/qualification-table';
import { RegionSelect, useOffersRegionFilter } from '../components/region-select';
import { QualificationTypeField } from '../components/registry-filter-fields';
import { todayIso } from '../format';

type ExpiryFilters = Pick<QualificationListQuery, 'expiresWithin' | 'typeCode' | 'regionCode' | 'validOn'>;
type ExpiryFilterValues = Omit<ExpiryFilters, 'validOn' | 'expiresWithin'> & {
  validOn?: Dayjs | null;
  expiresWithin?: number;
};

const WINDOWS = [30, 60, 90, 180] as const;
const DEFAULT_WINDOW = 90;
const DEFAULTS = { expiresWithin: DEFAULT_WINDOW } as const;

/**
 * 到期提醒: qualifications valid today whose validity ends within the chosen window, soonest first,
 * so the bureau can remind holders to apply again (高企 re-certification) before they lapse.
 */
export function ExpiryPage() {
  const t = useT();
  const offersRegion = useOffersRegionFilter();
  const list = useUrlListState<ExpiryFilters>('validUntil', { defaults: DEFAULTS });
  const quals = useQualifications(list.params as QualificationListQuery);
  const days = Number(list.filters.expiresWithin ?? DEFAULT_WINDOW);
  const base = list.filters.validOn ?? todayIso();

  return (
    <QualificationList<ExpiryFilters, ExpiryFilterValues>
      title={t('menu.registry.expiry')}
      name="expiry-filters"
      list={list}
      query={quals}
      exportPath={exportPaths.qualifications}
      daysLeftFrom={base}
      toForm={({ validOn, expiresWithin, ...rest }) => ({
        ...rest,
        expiresWithin: Number(expiresWithin ?? DEFAULT_WINDOW),
        validOn: validOn ? dayjs(validOn) : undefined,
      })}
      fromForm={({ validOn, ...values }) => ({
        expiresWithin: DEFAULT_WINDOW,
        ...values,
        validOn: validOn ? validOn.format('YYYY-MM-DD') : undefined,
      })}
      filterFields={
        <>
          <Form.Item label={t('registry.expiry.within')} name="expiresWithin">
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
        </>
      }
      notice={
        <Typography.Paragraph type="secondary">
          {t('registry.expiry.summary', {
            base,
            days,
            until: dayjs(base).add(days, 'day').format('YYYY-MM-DD'),
            total: quals.data?.total ?? '…',
          })}
        </Typography.Paragraph>
      }
      empty={{ filtered: t('registry.expiry.empty', { days }), none: t('registry.expiry.empty', { days }) }}
    />
  );
}
