/**
 * The plan's charts: county scores, an indicator over the years, and each indicator's share of a
 * ranking score. Only ever loaded through React.lazy, so ECharts (tree-shaken through
 * echarts/core: bar charts, grid, legend, tooltip, mark line) stays out of the first
 * bundle and out of every page that shows no chart.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo } from 'react';
import { chartOn, useEChart } from '../../../app/use-echart';
import { formatNumber } from '../format';

echarts.use([BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

type Option = Parameters<echarts.ECharts['setOption']>[0];

const BLUE = '#1f5fbf';
const HIGHLIGHT = '#e8684a';
/** Enough distinct colours for a scheme's criteria, starting with the theme's blue. */
const PALETTE = ['#1f5fbf', '#5ab1ef', '#2ec7c9', '#b6a2de', '#ffb980', '#d87a80', '#8d98b3', '#e5cf0d'];

/** One chart on one element: created once, resized with its box, redrawn when the option changes. */
function Chart({
  option,
  label,
  height,
  testId,
}: {
  option: Option;
  label: string;
  height: number;
  testId: string;
}) {
  const ref = useEChart();

  useEffect(() => {
    chartOn(ref.current)?.setOption(option, true);
  }, [option, ref]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-chart
      style={{ width: '100%', height }}
    />
  );
}

export interface ScoreBar {
  name: string;
  score: number;
  /** The viewer's own county, drawn in a second colour. */
  highlight?: boolean;
}

/** Composite scores, best at the top. */
export function ScoreBarChart({
  rows,
  label,
  scoreLabel,
}: {
  rows: ScoreBar[];
  label: string;
  scoreLabel: string;
}) {
  const ordered = useMemo(() => [...rows].sort((a, b) => a.score - b.score), [rows]);
  const option = useMemo(
    (): Option => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => formatNumber(Number(v), 2),
      },
      grid: { left: 8, right: 48, top: 8, bottom: 28, containLabel: true },
      xAxis: { type: 'value', max: 100, name: scoreLabel, nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'category', data: ordered.map((r) => r.name), axisTick: { show: false } },
      series: [
        {
          name: scoreLabel,
          type: 'bar',
          barMaxWidth: 22,
          data: ordered.map((r) => ({
            value: r.score,
            itemStyle: { color: r.highlight ? HIGHLIGHT : BLUE },
          })),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: unknown }) => formatNumber(Number(p.value), 1),
          },
        },
      ],
    }),
    [ordered, scoreLabel],
  );
  return (
    <Chart
      option={option}
      label={label}
      height={Math.max(220, ordered.length * 30 + 40)}
      testId="score-chart"
    />
  );
}

/** An indicator year by year (bars from zero), with the selected year's target as a dashed line. */
export function TrendChart({
  points,
  name,
  unit,
  decimals,
  target,
  targetLabel,
  label,
}: {
  points: { year: number; value: number | null }[];
  name: string;
  unit: string;
  decimals: number;
  target?: number | null;
  targetLabel: string;
  label: string;
}) {
  const option = useMemo((): Option => {
    const fmt = (v: unknown) =>
      v === null || v === undefined ? '—' : `${formatNumber(Number(v), decimals)} ${unit}`;
    return {
      tooltip: { trigger: 'axis', valueFormatter: fmt },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: points.map((p) => String(p.year)) },
      yAxis: { type: 'value', name: unit },
      series: [
        {
          name,
          // Bars from zero: a line on a fitted axis makes 79 → 85 look like a boom.
          type: 'bar',
          barMaxWidth: 48,
          data: points.map((p) => p.value),
          itemStyle: { color: BLUE },
          label: {
            show: true,
            position: 'top',
            formatter: (p: { value: unknown }) => formatNumber(Number(p.value), decimals),
          },
          markLine:
            target === null || target === undefined
              ? undefined
              : {
                  symbol: 'none',
                  lineStyle: { type: 'dashed', color: HIGHLIGHT },
                  label: {
                    formatter: `${targetLabel} ${formatNumber(target, decimals)}`,
                    position: 'insideEndTop',
                  },
                  data: [{ yAxis: target }],
                },
        },
      ],
    };
  }, [points, name, unit, decimals, target, targetLabel]);
  return <Chart option={option} label={label} height={280} testId="trend-chart" />;
}

/** How much each criterion adds to each unit's score, stacked, best unit at the top. */
export function ContributionChart({
  units,
  criteria,
  label,
}: {
  units: { name: string; points: number[] }[];
  criteria: string[];
  label: string;
}) {
  const ordered = useMemo(() => [...units].reverse(), [units]);
  const option = useMemo(
    (): Option => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => formatNumber(Number(v), 2),
      },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100 },
      yAxis: {
        type: 'category',
        data: ordered.map((u) => u.name),
        axisTick: { show: false },
      },
      series: criteria.map((name, i) => ({
        name,
        type: 'bar',
        stack: 'score',
        barMaxWidth: 22,
        itemStyle: { color: PALETTE[i % PALETTE.length] },
        emphasis: { focus: 'series' },
        data: ordered.map((u) => u.points[i] ?? 0),
      })),
    }),
    [ordered, criteria],
  );
  return (
    <Chart
      option={option}
      label={label}
      height={Math.max(240, ordered.length * 30 + 70)}
      testId="contribution-chart"
    />
  );
}
