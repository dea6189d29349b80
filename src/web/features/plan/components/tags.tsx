import { Progress, Tag, Tooltip } from 'antd';
import type { IndicatorKind, WarningLevel } from '../../../../domain/indicators';
import { WARNING_NAMES } from '../../../../domain/indicators';
import { useMsg, useT } from '../../../app/i18n';
import { formatPercent, WARNING_COLORS, WARNING_HEX } from '../format';

/** 已完成 / 进度正常 / 进度滞后 / 严重滞后, coloured green, blue, orange, red. */
export function WarningTag({ level }: { level: WarningLevel | null | undefined }) {
  const pickMsg = useMsg();
  if (!level) return <>—</>;
  return (
    <Tag color={WARNING_COLORS[level]} style={{ marginInlineEnd: 0 }} data-warning={level}>
      {pickMsg(WARNING_NAMES[level])}
    </Tag>
  );
}

const KIND_COLORS: Record<IndicatorKind, string> = { computed: 'blue', reported: 'gold', derived: 'purple' };

/** 计算 (from records) / 填报 (entered with a source) / 派生 (from other indicators). */
export function KindTag({ kind }: { kind: IndicatorKind }) {
  const t = useT();
  return (
    <Tooltip title={t(`plan.kind.${kind}.hint`)}>
      <Tag color={KIND_COLORS[kind]} variant="filled" style={{ marginInlineEnd: 0 }}>
        {t(`plan.kind.${kind}`)}
      </Tag>
    </Tooltip>
  );
}

/** Progress toward the target: the bar stops at 100%, the figure says how far past it went. */
export function ProgressBar({
  progress,
  warning,
  width,
  label,
}: {
  progress: number | null | undefined;
  warning: WarningLevel | null | undefined;
  width?: number;
  /** What the percentage measures, for screen readers (a bar without a name says nothing). */
  label?: string;
}) {
  const t = useT();
  if (progress === null || progress === undefined) return <>—</>;
  return (
    <Progress
      aria-label={
        label
          ? `${label} ${formatPercent(progress)}`
          : t('plan.progressOfTarget', { pct: formatPercent(progress) })
      }
      percent={Math.min(100, Math.max(0, progress))}
      size="small"
      strokeColor={warning ? WARNING_HEX[warning] : undefined}
      format={() => formatPercent(progress)}
      status="normal"
      style={{ width: width ?? 150, marginBottom: 0 }}
    />
  );
}

/** A table cell: the warning over its progress bar, so one column says both. */
export function ProgressCell({
  progress,
  warning,
  width = 120,
}: {
  progress: number | null | undefined;
  warning: WarningLevel | null | undefined;
  width?: number;
}) {
  if ((progress === null || progress === undefined) && !warning) return <>—</>;
  return (
    <div style={{ display: 'grid', gap: 2, justifyItems: 'start', width }}>
      <WarningTag level={warning} />
      <ProgressBar progress={progress} warning={warning} width={width} />
    </div>
  );
}
