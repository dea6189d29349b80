/**
 * Revenue and R&D expense by year. Loaded with React.lazy only when the statistics are shown, so
 * ECharts (tree-shaken through echarts/core) lives in its own chunk, not in the first bundle.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useT } from '../../../app/i18n';
import { chartOn, useEChart } from '../../../app/use-echart';
import type { AnnualStats } from '../api';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The chart only draws; figures stay exact strings everywhere else. */
const plotted = (v: string | null) => (v === null ? null : Number(v));

export default function StatsChart({ stats }: { stats: AnnualStats[] }) {
  const t = useT();
  const ref = useEChart();

  useEffect(() => {
    const chart = chartOn(ref.current);
    if (!chart) return;
    const years = [...stats].sort((a, b) => a.year - b.year);
    const revenue = t('registry.stats.revenue');
    const rd = t('registry.stats.rdExpense');
    chart.setOption(
      {
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) => (v === null ? '—' : `${v} ${t('unit.wan')}`),
        },
        legend: { data: [revenue, rd], top: 0 },
        grid: { left: 64, right: 64, top: 40, bottom: 32 },
        xAxis: { type: 'category', data: years.map((s) => String(s.year)) },
        yAxis: [
          { type: 'value', name: `${revenue}（${t('unit.wan')}）`, nameTextStyle: { align: 'left' } },
          { type: 'value', name: `${rd}（${t('unit.wan')}）`, nameTextStyle: { align: 'right' } },
        ],
        series: [
          {
            name: revenue,
            type: 'bar',
            barMaxWidth: 36,
            data: years.map((s) => plotted(s.revenue)),
            itemStyle: { color: '#1f5fbf' },
          },
          {
            name: rd,
            type: 'line',
            yAxisIndex: 1,
            data: years.map((s) => plotted(s.rdExpense)),
            itemStyle: { color: '#e8684a' },
            symbolSize: 8,
          },
        ],
      },
      true,
    );
  }, [stats, t, ref]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={t('registry.stats.chartLabel')}
      data-testid="stats-chart"
      style={{ width: '100%', height: 280 }}
    />
  );
}
