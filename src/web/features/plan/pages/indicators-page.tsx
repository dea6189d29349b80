import { Alert, Card, DatePicker, Form, Segmented, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { IndicatorValue } from '../../../../domain/contracts/plan';
import { ROLE_SCOPE } from '../../../../domain/roles';
import { useMe } from '../../../app/auth-context';
import { useLocale, useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { planPaths, useIndicatorValues, type ValuesQuery } from '../api';
import { DrillDrawer, type DrillTarget } from '../components/drill-drawer';
import { IndicatorMatrix } from '../components/indicator-matrix';
import { IndicatorTable } from '../components/indicator-table';
import { PlanRegionSelect, usePlanRegions } from '../components/plan-region-select';
import { PlanYearSelect, usePlanYear } from '../components/plan-year';

type View = 'list' | 'matrix';

/**
 * 指标监测: every indicator for a year, region and date, with last year, target and progress; the
 * matrix of all counties side by side; any computed figure opens the records behind it.
 */
export function IndicatorsPage() {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const regions = usePlanRegions();
  const { year, setYear, years, loading: yearsLoading } = usePlanYear();
  const [region, setRegion] = useState<string | undefined>(undefined);
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [view, setView] = useState<View>('list');
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  // Only the city-wide can set counties side by side; a county user's answer holds their own only.
  const offersMatrix = ROLE_SCOPE[me.role] === 'city';
  const matrix = offersMatrix && view === 'matrix';

  const query: ValuesQuery = {
    year: year ?? 0,
    region: matrix ? undefined : region,
    asOf: asOf && year !== undefined && asOf.year() === year ? asOf.format('YYYY-MM-DD') : undefined,
    by: matrix ? 'region' : undefined,
  };
  const values = useIndicatorValues(query, year !== undefined);
  const rows = values.data?.items ?? [];
  const shownRegion = values.data ? regions.nameOf(values.data.region, rows[0]?.regionName) : '';

  const openDrill = (row: IndicatorValue) =>
    setDrill({
      code: row.code,
      name: locale === 'en' ? row.nameEn : row.name,
      regionName: regions.nameOf(row.regionCode, row.regionName),
      value: row.value,
      query: { year: year ?? 0, region: row.regionCode, asOf: values.data?.asOf },
    });

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.plan.indicators')}</h2>}
      extra={<ExportButton path={planPaths.valuesExport} query={{ ...query }} />}
    >
      <Form layout="inline" style={{ rowGap: 12, marginBottom: 16 }} aria-label={t('list.filters')}>
        <Form.Item label={t('plan.year')}>
          <PlanYearSelect
            value={year}
            onChange={(y) => {
              setYear(y);
              setAsOf(null);
            }}
            years={years}
            loading={yearsLoading}
          />
        </Form.Item>
        {!matrix && regions.choosable && (
          <Form.Item label={t('plan.region')}>
            <PlanRegionSelect value={region ?? regions.home} onChange={setRegion} />
          </Form.Item>
        )}
        <Form.Item label={t('plan.asOf')} tooltip={t('plan.asOf.hint')}>
          <DatePicker
            value={asOf}
            onChange={setAsOf}
            placeholder={year === undefined ? undefined : t('plan.asOf.yearEnd', { year })}
            disabledDate={(d) => year === undefined || d.year() !== year || d.isAfter(dayjs(), 'day')}
            defaultPickerValue={year === undefined ? undefined : dayjs(`${year}-12-31`)}
            style={{ width: 170 }}
          />
        </Form.Item>
        {offersMatrix && (
          <Form.Item>
            <Segmented<View>
              value={view}
              onChange={setView}
              options={[
                { value: 'list', label: t('plan.values.viewList') },
                { value: 'matrix', label: t('plan.values.viewMatrix') },
              ]}
            />
          </Form.Item>
        )}
      </Form>
      {values.data && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">
            {matrix
              ? t('plan.values.matrixCaption', { year: values.data.year, asOf: values.data.asOf })
              : t('plan.values.caption', {
                  region: shownRegion,
                  year: values.data.year,
                  asOf: values.data.asOf,
                })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('plan.values.drillHint')}</Typography.Text>
        </Space>
      )}
      {values.isError && (
        <Alert type="error" showIcon title={values.error.message} style={{ marginBottom: 16 }} />
      )}
      {matrix ? (
        <IndicatorMatrix rows={rows} loading={values.isPending || values.isFetching} onDrill={openDrill} />
      ) : (
        <IndicatorTable
          rows={rows}
          year={year ?? 0}
          loading={values.isPending || values.isFetching}
          onDrill={openDrill}
        />
      )}
      {drill && <DrillDrawer target={drill} onClose={() => setDrill(null)} />}
    </Card>
  );
}
