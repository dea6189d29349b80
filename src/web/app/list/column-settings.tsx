/**
 * 列设置: which of a list's columns a user shows, kept per list in the browser (localStorage), so
 * a clerk who hides the columns they never read finds the list the same way tomorrow. 序号 and the
 * actions column always show.
 */
import { SettingOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { Button, Checkbox, Popover, Space } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n';

const storageKey = (list: string) => `kechuang.columns.${list}`;

function readHidden(list: string, byDefault: readonly string[]): string[] {
  try {
    const raw = window.localStorage.getItem(storageKey(list));
    if (!raw) return [...byDefault];
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [...byDefault];
  }
}

const keyOf = (c: { key?: unknown; dataIndex?: unknown }) => String(c.key ?? c.dataIndex ?? '');

/**
 * The hidden column keys of a list, and a setter that remembers them. Until the user chooses, the
 * list's secondary columns (`byDefault`) are hidden, so its main columns fit a 1366-px screen.
 */
export function useHiddenColumns(list: string, byDefault: readonly string[] = []) {
  const [hidden, setHidden] = useState<string[]>(() => readHidden(list, byDefault));
  const update = (next: string[]) => {
    setHidden(next);
    try {
      window.localStorage.setItem(storageKey(list), JSON.stringify(next));
    } catch {
      // A browser refusing storage keeps the choice for this page only.
    }
  };
  return { hidden, setHidden: update };
}

/** Leaves out the hidden columns. */
export function visibleColumns<T>(columns: TableColumnsType<T>, hidden: readonly string[]) {
  return columns.filter((c) => !hidden.includes(keyOf(c)));
}

export function ColumnSettings<T>(props: {
  columns: TableColumnsType<T>;
  hidden: string[];
  onChange: (hidden: string[]) => void;
}) {
  const t = useT();
  const choices = props.columns
    .map((c) => ({ key: keyOf(c), title: typeof c.title === 'string' ? c.title : keyOf(c) }))
    .filter((c) => c.key);
  const content = (
    <Space direction="vertical">
      {choices.map((c) => (
        <Checkbox
          key={c.key}
          checked={!props.hidden.includes(c.key)}
          onChange={(e) =>
            props.onChange(
              e.target.checked ? props.hidden.filter((k) => k !== c.key) : [...props.hidden, c.key],
            )
          }
        >
          {c.title}
        </Checkbox>
      ))}
      <Button size="small" type="link" onClick={() => props.onChange([])}>
        {t('list.columnsAll')}
      </Button>
    </Space>
  );
  return (
    <Popover content={content} title={t('list.columns')} trigger="click" placement="bottomRight">
      <Button icon={<SettingOutlined />} aria-label={t('list.columns')}>
        {t('list.columns')}
      </Button>
    </Popover>
  );
}
