import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { LEVEL_CODES, LEVEL_NAMES, RECORD_STATUS_NAMES } from '../../../../domain/registry';
import { useMsg, useT } from '../../../app/i18n';
import { RegionSelect, useOffersRegionFilter } from './region-select';

/** What the platform and carrier filters hold in the form; `activeOn` becomes an ISO date on apply. */
export interface FacilityFilterValues {
  q?: string;
  kind?: string;
  level?: (typeof LEVEL_CODES)[number];
  status?: keyof typeof RECORD_STATUS_NAMES;
  regionCode?: string;
  activeOn?: Dayjs | null;
}

/** Filters shared by 研发平台 and 孵化载体; the kind select differs and is passed in. */
export function FacilityFilterFields({ kindOptions }: { kindOptions: { value: string; label: string }[] }) {
  const t = useT();
  const pickMsg = useMsg();
  const offersRegion = useOffersRegionFilter();
  return (
    <>
      <Form.Item label={t('registry.search')} name="q">
        <Input allowClear placeholder={t('registry.facility.searchPlaceholder')} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item label={t('registry.facility.kind')} name="kind">
        <Select
          allowClear
          placeholder={t('common.all')}
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
          options={kindOptions}
        />
      </Form.Item>
      <Form.Item label={t('registry.qual.level')} name="level">
        <Select
          allowClear
          placeholder={t('common.all')}
          style={{ width: 110 }}
          options={LEVEL_CODES.map((l) => ({ value: l, label: pickMsg(LEVEL_NAMES[l]) }))}
        />
      </Form.Item>
      <Form.Item label={t('registry.facility.status')} name="status">
        <Select
          allowClear
          placeholder={t('common.all')}
          style={{ width: 130 }}
          options={(['active', 'revoked', 'closed'] as const).map((s) => ({
            value: s,
            label: pickMsg(RECORD_STATUS_NAMES[s]),
          }))}
        />
      </Form.Item>
      {offersRegion && (
        <Form.Item label={t('registry.org.region')} name="regionCode">
          <RegionSelect />
        </Form.Item>
      )}
      <Form.Item
        label={t('registry.facility.activeOn')}
        name="activeOn"
        tooltip={t('registry.facility.activeOnHint')}
      >
        <DatePicker />
      </Form.Item>
    </>
  );
}

export function facilityFilters<F>({ activeOn, ...rest }: FacilityFilterValues): F {
  return { ...rest, activeOn: activeOn ? activeOn.format('YYYY-MM-DD') : undefined } as F;
}
