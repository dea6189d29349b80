import { InfoCircleOutlined } from '@ant-design/icons';
import { Empty, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import type { IndicatorValue } from '../../../../domain/contracts/plan';
import { TARGET_KIND_NAMES } from '../../../../domain/indicators';
import { useLocale, useMsg, useT } from '../../../app/i18n';
import { useIndicatorMap } from '../api';
import {
  changeOf,
  changeTone,
  exactMoney,
  formatChange,
  formatSigned,
  formatValue,
  groupRows,
} from '../format';
import { KindTag, ProgressCell } from './tags';

type Line =
  | { type: 'group'; key: string; label: string; count: number }
  | { type: 'value'; key: string; row: IndicatorValue };

/** A section heading spans the whole row; its other cells are swallowed. */
const groupSpan = (columns: number) => (line: Line) => ({ colSpan: line.type === 'group' ? columns : 1 });
const hiddenInGroup = (line: Line) => ({ colSpan: line.type === 'group' ? 0 : 1 });

/**
 * Every indicator of one region and year, in the work summary's sections: value (a computed one
 * opens its records), last year, change, target, progress, warning, kind, and the source of a
 * reported figure.
 */
export function IndicatorTable({
  rows,
  year,
  loading,
  onDrill,
}: {
  rows: readonly IndicatorValue[];
  year: number;
  loading: boolean;
  onDrill: (row: IndicatorValue) => void;
}) {
  const t = useT();
  const pickMsg = useMsg();
  const { locale } = useLocale();
  const indicators = useIndicatorMap();

  const lines: Line[] = groupRows(rows, indicators).flatMap((g) => [
    { type: 'group' as const, key: `group:${g.key}`, label: t(`plan.group.${g.key}`), count: g.rows.length },
    ...g.rows.map((row) => ({ type: 'value' as const, key: `${row.code}|${row.regionCode}`, row })),
  ]);
  const COLUMNS = 6;

  const columns: TableColumnsType<Line> = [
    {
      title: t('plan.indicator'),
      key: 'name',
      fixed: 'left',
      width: 270,
      onCell: groupSpan(COLUMNS),
      render: (_, line) =>
        line.type === 'group' ? (
          <Typography.Text strong>
            {line.label}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
              {t('plan.group.count', { count: line.count })}
            </Typography.Text>
          </Typography.Text>
        ) : (
          <div style={{ display: 'flex', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
            {/* The indicator's code is for those who ask (hover), not a line under every name. */}
            <Tooltip title={line.row.code}>
              <span>{locale === 'en' ? line.row.nameEn : line.row.name}</span>
            </Tooltip>
            <KindTag kind={line.row.kind} />
          </div>
        ),
    },
    {
      title: t('plan.valueOfYear', { year }),
      key: 'value',
      align: 'right',
      onCell: hiddenInGroup,
      render: (_, line) => {
        if (line.type === 'group') return null;
        const { row } = line;
        const text = formatValue(row.value, indicators.get(row.code), locale);
        const exact = exactMoney(row.value, indicators.get(row.code), locale);
        if (row.kind === 'computed' && row.value !== null) {
          return (
            <Tooltip title={t('plan.drill.open')}>
              <Typography.Link strong onClick={() => onDrill(row)} data-testid={`drill-${row.code}`}>
                {text}
              </Typography.Link>
            </Tooltip>
          );
        }
        return (
          <span style={{ whiteSpace: 'nowrap' }}>
            <Typography.Text strong title={exact}>
              {text}
            </Typography.Text>
            {row.kind === 'reported' && (
              <Tooltip title={row.source ? t('plan.sourceIs', { source: row.source }) : t('plan.noSource')}>
                <InfoCircleOutlined
                  aria-label={t('plan.source')}
                  style={{ marginInlineStart: 6, color: row.source ? '#8c8c8c' : '#d46b08' }}
                />
              </Tooltip>
            )}
          </span>
        );
      },
    },
    {
      title: t('plan.valueOfYear', { year: year - 1 }),
      key: 'lastYear',
      align: 'right',
      onCell: hiddenInGroup,
      render: (_, line) =>
        line.type === 'value' ? formatValue(line.row.lastYear, indicators.get(line.row.code), locale) : null,
    },
    {
      title: t('plan.change'),
      key: 'change',
      align: 'right',
      onCell: hiddenInGroup,
      render: (_, line) => {
        if (line.type === 'group') return null;
        const info = indicators.get(line.row.code);
        const change = changeOf(line.row.value, line.row.lastYear, info);
        if (!change) return '—';
        const tone = changeTone(change, info?.polarity);
        const points = info?.unit === '%';
        return (
          <span style={{ whiteSpace: 'nowrap' }}>
            <Typography.Text type={tone}>
              {points ? formatChange(change, info, t) : formatSigned(change.diff, info?.decimals ?? 0)}
            </Typography.Text>
            {!points && change.percent !== null && (
              <Typography.Text type={tone} style={{ fontSize: 12, display: 'block' }}>
                {formatSigned(change.percent, 1)}%
              </Typography.Text>
            )}
          </span>
        );
      },
    },
    {
      title: t('plan.target'),
      key: 'target',
      align: 'right',
      onCell: hiddenInGroup,
      render: (_, line) => {
        if (line.type === 'group' || !line.row.targetKind) return line.type === 'group' ? null : '—';
        return (
          <span style={{ whiteSpace: 'nowrap' }}>
            {formatValue(line.row.target, indicators.get(line.row.code), locale)}
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {pickMsg(TARGET_KIND_NAMES[line.row.targetKind])}
            </Typography.Text>
          </span>
        );
      },
    },
    {
      title: t('plan.progressAndWarning'),
      key: 'progress',
      onCell: hiddenInGroup,
      render: (_, line) =>
        line.type === 'value' ? (
          <ProgressCell progress={line.row.progress} warning={line.row.warning} />
        ) : null,
    },
  ];

  return (
    <Table<Line>
      rowKey="key"
      size="small"
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
      data-testid="indicator-table"
    />
  );
}
