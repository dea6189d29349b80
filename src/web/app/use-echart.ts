/**
 * One ECharts instance on one element: created once, resized with its box, disposed on unmount.
 * Only chart components loaded through React.lazy import this, so echarts/core stays in their
 * chunk; each of them registers the chart types it draws with `echarts.use`.
 */
import * as echarts from 'echarts/core';
import { type RefObject, useEffect, useRef } from 'react';

export function useEChart(): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, []);
  return ref;
}

/** The chart started on `el` by useEChart, if it is mounted. */
export function chartOn(el: HTMLElement | null): echarts.ECharts | undefined {
  return el ? echarts.getInstanceByDom(el) : undefined;
}
