import { ArrowLeftOutlined, FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Empty, Select, Skeleton, Space, Typography, theme } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { useIndicatorMap, useIndicatorValues } from '../api';
import { usePlanRegions } from '../components/plan-region-select';
import { PlanYearSelect, usePlanYear } from '../components/plan-year';
import { formatPercent, formatValue, groupRows, markedCodes, WARNING_HEX } from '../format';

// The map, its boundaries and ECharts' map chart load with this page only, in their own chunk.
const CountyMap = lazy(() => import('../components/county-map').then((m) => ({ default: m.CountyMap })));

const DEFAULT_CODE = 'hte_valid';
const BG = '#0b1a33';
const PANEL = 'rgba(31, 95, 191, 0.18)';
const TEXT = '#e6f0ff';
const MUTED = '#a9bcd9';

/**
 * 大屏: the meeting-room display. A county map of Quanzhou coloured by any indicator, the counties
 * in order beside it (缺数 where a county holds no figure), and the chosen region's headline
 * indicators; a click on a county drills in. Full screen with one button.
 */
export function ScreenPage() {
  const t = useT();
  const { locale } = useLocale();
  const indicators = useIndicatorMap();
  const regions = usePlanRegions();
  const { year, setYear, years } = usePlanYear();
  const [params, setParams] = useSearchParams();
  const code = params.get('indicator') ?? DEFAULT_CODE;
  const picked = params.get('county') ?? undefined;
  const set = (key: string, value: string | undefined) =>
    setParams(
      (p) => {
        const copy = new URLSearchParams(p);
        if (value) copy.set(key, value);
        else copy.delete(key);
        return copy;
      },
      { replace: true },
    );
  const onPick = useCallback(
    (county: string) =>
      setParams(
        (p) => {
          const copy = new URLSearchParams(p);
          copy.set('county', county);
          return copy;
        },
        { replace: true },
      ),
    [setParams],
  );

  const box = useRef<HTMLDivElement>(null);
  const [full, setFull] = useState(false);
  useEffect(() => {
    const on = () => setFull(document.fullscreenElement === box.current);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);
  const toggleFull = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void box.current?.requestFullscreen?.();
  };

  const ready = year !== undefined && regions.cityCode !== undefined;
  const all = useIndicatorValues({ year: year ?? 0, region: regions.cityCode, by: 'region' }, ready);
  const info = indicators.get(code);
  const fmt = useCallback((v: number | null) => formatValue(v, info, locale), [info, locale]);
  const countyRows = useMemo(
    () =>
      regions.counties.map((c) => {
        const row = all.data?.items.find((r) => r.code === code && r.regionCode === c.code);
        return { code: c.code, name: c.name, label: regions.nameOf(c.code), value: row?.value ?? null };
      }),
    [regions, all.data, code],
  );
  const ordered = [...countyRows].sort((a, b) =>
    a.value === null ? 1 : b.value === null ? -1 : b.value - a.value,
  );
  const focus = picked && regions.counties.some((c) => c.code === picked) ? picked : regions.cityCode;
  const focusRows = (all.data?.items ?? []).filter((r) => r.regionCode === focus);
  const headline = markedCodes(indicators, 'headline');
  const options = useMemo(
    () =>
      groupRows([...indicators.values()], indicators).map((g) => ({
        label: t(`plan.group.${g.key}`),
        options: g.rows.map((i) => ({ value: i.code, label: locale === 'en' ? i.nameEn : i.name })),
      })),
    [indicators, locale, t],
  );
  const name = info ? (locale === 'en' ? info.nameEn : info.name) : code;

  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}>
      <div
        ref={box}
        data-testid="screen"
        style={{
          background: BG,
          color: TEXT,
          minHeight: full ? '100vh' : 'calc(100vh - 120px)',
          padding: 20,
          display: 'grid',
          gridTemplateRows: 'auto 1fr',
          gap: 16,
          borderRadius: full ? 0 : 8,
        }}
      >
        <header style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
          <h2 style={{ margin: 0, fontSize: 26, color: TEXT, letterSpacing: 2 }}>
            {t('plan.screen.title', { region: regions.nameOf(regions.cityCode ?? '') })}
          </h2>
          <Space wrap style={{ marginInlineStart: 'auto' }}>
            <PlanYearSelect value={year} onChange={setYear} years={years} />
            <Select
              value={code}
              onChange={(v) => set('indicator', v)}
              options={options}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 280 }}
              popupMatchSelectWidth={false}
              aria-label={t('plan.screen.indicator')}
              data-testid="screen-indicator"
            />
            <Button icon={full ? <FullscreenExitOutlined /> : <FullscreenOutlined />} onClick={toggleFull}>
              {full ? t('plan.screen.exitFull') : t('plan.screen.full')}
            </Button>
            {!full && (
              <Link to={`/plan/cockpit?year=${year ?? ''}`}>
                <Button icon={<ArrowLeftOutlined />}>{t('menu.plan.cockpit')}</Button>
              </Link>
            )}
          </Space>
        </header>

        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(320px, 2fr)', gap: 16 }}>
          <section
            aria-label={t('plan.screen.mapOf', { name })}
            style={{ background: PANEL, borderRadius: 8, padding: 12 }}
          >
            <Typography.Text style={{ color: MUTED }}>
              {t('plan.screen.mapHint', { name, year: year ?? '' })}
            </Typography.Text>
            {all.isPending ? (
              <Skeleton active paragraph={{ rows: 10 }} />
            ) : (
              <Suspense fallback={<Skeleton active paragraph={{ rows: 10 }} />}>
                <CountyMap
                  rows={countyRows}
                  format={fmt}
                  selected={picked}
                  onPick={onPick}
                  label={t('plan.screen.mapOf', { name })}
                  height={full ? window.innerHeight - 160 : 700}
                  dark
                />
              </Suspense>
            )}
          </section>

          <div style={{ display: 'grid', gap: 16, alignContent: 'start' }}>
            <section style={{ background: PANEL, borderRadius: 8, padding: 16 }} data-testid="screen-focus">
              <div style={{ display: 'flex', alignItems: 'baseline', gap: 12 }}>
                <h3 style={{ margin: 0, color: TEXT, fontSize: 20 }}>{regions.nameOf(focus ?? '')}</h3>
                {focus !== regions.cityCode && (
                  <>
                    <Button size="small" type="link" onClick={() => set('county', undefined)}>
                      {t('plan.screen.backToCity')}
                    </Button>
                    <Link to={`/plan/cockpit?year=${year ?? ''}&region=${focus}`}>
                      {t('plan.screen.openCockpit')}
                    </Link>
                  </>
                )}
              </div>
              <div
                style={{
                  display: 'grid',
                  gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
                  gap: 12,
                  marginTop: 12,
                }}
              >
                {headline.map((c) => {
                  const row = focusRows.find((r) => r.code === c);
                  const i = indicators.get(c);
                  if (!row || (row.value === null && row.target == null)) return null;
                  return (
                    <div
                      key={c}
                      style={{
                        borderLeft: `3px solid ${row.warning ? WARNING_HEX[row.warning] : '#4a6fa5'}`,
                        paddingLeft: 10,
                      }}
                    >
                      <div style={{ color: MUTED, fontSize: 13 }}>
                        {locale === 'en' ? row.nameEn : row.name}
                      </div>
                      <div style={{ color: TEXT, fontSize: 24, fontWeight: 600 }}>
                        {formatValue(row.value, i, locale)}
                      </div>
                      {row.target != null && row.value !== null && row.target > 0 && (
                        <div style={{ color: MUTED, fontSize: 12 }}>
                          {t('plan.screen.ofTarget', {
                            percent: formatPercent((row.value / row.target) * 100),
                            target: formatValue(row.target, i, locale),
                          })}
                        </div>
                      )}
                    </div>
                  );
                })}
              </div>
            </section>

            <section style={{ background: PANEL, borderRadius: 8, padding: 16 }} data-testid="screen-order">
              <h3 style={{ margin: '0 0 8px', color: TEXT, fontSize: 18 }}>
                {t('plan.screen.order', { name })}
              </h3>
              {countyRows.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
              ) : (
                <ol style={{ margin: 0, paddingInlineStart: 24, display: 'grid', gap: 4 }}>
                  {ordered.map((r) => (
                    <li key={r.code} style={{ color: r.code === focus ? '#ffb980' : TEXT }}>
                      <button
                        type="button"
                        onClick={() => onPick(r.code)}
                        style={{
                          all: 'unset',
                          cursor: 'pointer',
                          display: 'flex',
                          justifyContent: 'space-between',
                          width: '100%',
                          gap: 12,
                        }}
                      >
                        <span>{r.label}</span>
                        <span style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {r.value === null ? t('plan.missing') : fmt(r.value)}
                        </span>
                      </button>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          </div>
        </div>
      </div>
    </ConfigProvider>
  );
}
