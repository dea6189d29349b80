/** The chart of one indicator by county: ECharts loaded only here, after the page shows. */
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { chartOn, useEChart } from '../../../../app/use-echart';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export function CountyChart({
  names,
  values,
  unit,
}: {
  names: string[];
  values: (number | null)[];
  unit: string;
}) {
  const ref = useEChart();
  useEffect(() => {
    chartOn(ref.current)?.setOption(
      {
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
        xAxis: {
          type: 'category',
          data: names,
          axisLabel: { interval: 0, rotate: names.length > 6 ? 40 : 0 },
        },
        yAxis: { type: 'value', name: unit },
        series: [{ type: 'bar', data: values, itemStyle: { color: '#1f5fbf' } }],
      },
      true,
    );
  }, [ref, names, values, unit]);
  return <div ref={ref} style={{ width: '100%', height: 320 }} role="img" aria-label={unit} />;
}
