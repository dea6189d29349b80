import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, type TableColumnsType, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Indicator } from '../../../../domain/indicators';
import type { Locale } from '../../../../domain/message';
import type { TFunction } from '../../../app/i18n';
import type { Target } from '../api';
import { describeTarget, formatValue } from '../format';
import { ProgressCell } from './tags';

/**
 * The figures of a target row, shared by the city table and the county split: what the plan says,
 * last year, the number asked for, this year so far, progress and warning.
 */
export function targetFigureColumns<T>(
  pickTarget: (row: T) => Target | undefined,
  indicators: Map<string, Indicator>,
  locale: Locale,
  t: TFunction,
  year: number,
): TableColumnsType<T> {
  const cell =
    (render: (target: Target, info: Indicator | undefined) => ReactNode) => (_: unknown, row: T) => {
      const target = pickTarget(row);
      return target ? render(target, indicators.get(target.indicatorCode)) : '—';
    };
  return [
    {
      title: t('plan.targets.says'),
      key: 'says',
      render: cell((x, info) => (
        <Tooltip title={x.note}>
          <span style={{ whiteSpace: 'nowrap' }}>{describeTarget(x.kind, x.value, info, locale, t)}</span>
        </Tooltip>
      )),
    },
    {
      title: t('plan.valueOfYear', { year: year - 1 }),
      key: 'lastYear',
      align: 'right',
      render: cell((x, info) => formatValue(x.lastYear, info, locale)),
    },
    {
      title: t('plan.targets.resolved'),
      key: 'resolved',
      align: 'right',
      render: cell((x, info) => (
        <Typography.Text strong>{formatValue(x.resolved, info, locale)}</Typography.Text>
      )),
    },
    {
      title: t('plan.targets.current', { year }),
      key: 'current',
      align: 'right',
      render: cell((x, info) => formatValue(x.current, info, locale)),
    },
    {
      title: t('plan.progressAndWarning'),
      key: 'progress',
      render: cell((x) => <ProgressCell progress={x.progress} warning={x.warning} width={100} />),
    },
  ];
}

/** 编辑 and 删除 for one target. */
export function TargetActions({
  target,
  onEdit,
  onDelete,
  deleting,
  t,
  extra,
}: {
  target: Target;
  onEdit: (target: Target) => void;
  onDelete: (target: Target) => void;
  deleting: boolean;
  t: TFunction;
  extra?: ReactNode;
}) {
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(target)}>
        {t('common.edit')}
      </Button>
      {extra}
      <Popconfirm
        title={t('plan.targets.deleteConfirm')}
        description={t('plan.targets.deleteDetail')}
        okText={t('plan.targets.delete')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, loading: deleting }}
        onConfirm={() => onDelete(target)}
      >
        <Button type="link" size="small" danger icon={<DeleteOutlined />}>
          {t('plan.targets.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
