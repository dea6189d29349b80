import { Empty, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import type { IndicatorValue } from '../../../../domain/contracts/plan';
import { WARNING_NAMES } from '../../../../domain/indicators';
import { useLocale, useMsg, useT } from '../../../app/i18n';
import { useIndicatorMap } from '../api';
import {
  exactMoney,
  formatNumber,
  formatValue,
  groupRows,
  isMoney,
  isWarning,
  unitOf,
  WARNING_HEX,
} from '../format';
import { usePlanRegions } from './plan-region-select';
import { KindTag } from './tags';

type Line =
  | { type: 'group'; key: string; label: string }
  | { type: 'value'; key: string; first: IndicatorValue; byRegion: Map<string, IndicatorValue> };

/**
 * 按区域: every indicator (rows) for the city and each county (columns). Units sit with the
 * indicator so the cells stay short; a computed cell opens the records behind it, a cell behind
 * its target is coloured by its warning.
 */
export function IndicatorMatrix({
  rows,
  loading,
  onDrill,
}: {
  rows: readonly IndicatorValue[];
  loading: boolean;
  onDrill: (row: IndicatorValue) => void;
}) {
  const t = useT();
  const pickMsg = useMsg();
  const { locale } = useLocale();
  const indicators = useIndicatorMap();
  const regions = usePlanRegions();

  const { regionCodes, lines } = useMemo(() => {
    const codes: string[] = [];
    const byCode = new Map<string, Map<string, IndicatorValue>>();
    for (const r of rows) {
      if (!codes.includes(r.regionCode)) codes.push(r.regionCode);
      const m = byCode.get(r.code) ?? new Map<string, IndicatorValue>();
      m.set(r.regionCode, r);
      byCode.set(r.code, m);
    }
    const firsts = [...byCode.values()].map((m) => [...m.values()][0]);
    const out: Line[] = groupRows(firsts, indicators).flatMap((g) => [
      { type: 'group' as const, key: `group:${g.key}`, label: t(`plan.group.${g.key}`) },
      ...g.rows.map((first) => ({
        type: 'value' as const,
        key: first.code,
        first,
        byRegion: byCode.get(first.code)!,
      })),
    ]);
    return { regionCodes: codes, lines: out };
  }, [rows, t, indicators]);

  const span = regionCodes.length + 1;
  const columns: TableColumnsType<Line> = [
    {
      title: t('plan.indicator'),
      key: 'name',
      fixed: 'left',
      width: 240,
      onCell: (line) => ({ colSpan: line.type === 'group' ? span : 1 }),
      render: (_, line) => {
        if (line.type === 'group') return <Typography.Text strong>{line.label}</Typography.Text>;
        const info = indicators.get(line.first.code);
        return (
          <div style={{ display: 'flex', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
            <span>
              {locale === 'en' ? line.first.nameEn : line.first.name}
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                {unitOf(info, locale) || line.first.unit}
              </Typography.Text>
            </span>
            <KindTag kind={line.first.kind} />
          </div>
        );
      },
    },
    ...regionCodes.map((code, i) => ({
      title: regions.nameOf(code, rows.find((r) => r.regionCode === code)?.regionName),
      key: code,
      align: 'right' as const,
      onCell: (line: Line) => ({
        colSpan: line.type === 'group' ? 0 : 1,
        style: i === 0 ? { background: '#fafcff' } : undefined,
      }),
      render: (_: unknown, line: Line) => {
        if (line.type === 'group') return null;
        const row = line.byRegion.get(code);
        if (!row) return '—';
        const info = indicators.get(row.code);
        // Money reads by its size (万元 or 亿元, so the unit goes with it), exact on hover.
        const text = isMoney(info)
          ? formatValue(row.value, info, locale)
          : formatNumber(row.value, info?.decimals ?? 0);
        const exact = exactMoney(row.value, info, locale);
        const warn = isWarning(row.warning);
        const body =
          row.kind === 'computed' && row.value !== null ? (
            <Typography.Link onClick={() => onDrill(row)}>{text}</Typography.Link>
          ) : (
            <span title={exact}>{text}</span>
          );
        return warn ? (
          <Tooltip title={pickMsg(WARNING_NAMES[row.warning!])}>
            <span style={{ color: WARNING_HEX[row.warning!], fontWeight: 600 }}>{body}</span>
          </Tooltip>
        ) : (
          body
        );
      },
    })),
  ];

  return (
    <Table<Line>
      rowKey="key"
      size="small"
      bordered
      columns={columns}
      dataSource={lines}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      sticky
      onRow={(line) => (line.type === 'group' ? { style: { background: '#f5f7fa' } } : {})}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.values.empty')} />,
      }}
      data-testid="indicator-matrix"
    />
  );
}
