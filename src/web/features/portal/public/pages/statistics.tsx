/** 统计数据: the indicators the bureau publishes for a year, city and counties, as a table and a chart. */
import { Select } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useStatistics } from '../api';
import { usePMsg, usePT } from '../i18n';
import { Loadable, Section } from '../site';

const CountyChart = lazy(() => import('./statistics-chart').then((m) => ({ default: m.CountyChart })));

export function StatisticsPage() {
  const t = usePT();
  const pickMsg = usePMsg();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [code, setCode] = useState<string | undefined>(undefined);
  const stats = useStatistics(year);
  return (
    <Section title={t('stats.title')}>
      <Loadable query={stats}>
        {() => {
          const s = stats.data!;
          const chosen = s.items.find((i) => i.code === code) ?? s.items[0];
          return (
            <>
              <div>
                <span>{t('stats.year')}</span>{' '}
                <Select
                  aria-label={t('stats.year')}
                  value={s.year ?? undefined}
                  onChange={(v) => setYear(v)}
                  options={s.years.map((y) => ({ value: y, label: String(y) }))}
                  style={{ width: 100, marginBottom: 12 }}
                />
              </div>
              {s.items.length === 0 ? (
                <p>{t('stats.none')}</p>
              ) : (
                <>
                  <div className="pt-scroll">
                    <table className="pt-table">
                      <thead>
                        <tr>
                          <th>{t('stats.indicator')}</th>
                          <th>{t('stats.unit')}</th>
                          {s.regions.map((r) => (
                            <th key={r.code}>{r.name}</th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {s.items.map((i) => (
                          <tr key={i.code}>
                            <th scope="row" style={{ fontWeight: 400, minWidth: 160 }}>
                              {pickMsg({ zh: i.name, en: i.nameEn })}
                            </th>
                            <td style={{ whiteSpace: 'nowrap' }}>{pickMsg({ zh: i.unit, en: i.unitEn })}</td>
                            {i.values.map((v, k) => (
                              <td key={s.regions[k].code} className="num">
                                {v === null ? '—' : v.toLocaleString()}
                              </td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  <h2 style={{ fontSize: 16, marginTop: 16 }}>{t('stats.chart')}</h2>
                  <Select
                    aria-label={t('stats.indicator')}
                    value={chosen.code}
                    onChange={setCode}
                    options={s.items.map((i) => ({
                      value: i.code,
                      label: pickMsg({ zh: i.name, en: i.nameEn }),
                    }))}
                    style={{ width: '100%', maxWidth: 360, marginBottom: 8 }}
                  />
                  <Suspense fallback={<div style={{ height: 320 }} />}>
                    <CountyChart
                      names={s.regions.slice(1).map((r) => r.name)}
                      values={chosen.values.slice(1)}
                      unit={pickMsg({ zh: chosen.unit, en: chosen.unitEn })}
                    />
                  </Suspense>
                </>
              )}
            </>
          );
        }}
      </Loadable>
    </Section>
  );
}
