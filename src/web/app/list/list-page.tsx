/**
 * The one list page: a card with its title, export and create buttons; filters kept in the
 * address (so going back keeps them); a server-paged table with 序号 first and the actions
 * column pinned right; 列设置 lets each user hide columns. A feature's page passes its columns,
 * filter fields and dialogs.
 */
import { Alert, Button, Card, Empty, Form, Space, Table, type TableColumnsType, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useT } from '../i18n';
import { ColumnSettings, useHiddenColumns, visibleColumns } from './column-settings';
import { ExportButton } from './export-button';
import { FilterForm } from './filter-form';
import type { UrlListState } from './use-list-state';
import type { RowSelection } from './use-row-selection';

interface ListAnswer<T> {
  items: T[];
  total: number;
  totalCapped?: boolean;
  totalIsEstimate?: boolean;
}

export interface ListPageProps<T extends { id: string }, F extends object, V extends object> {
  title: string;
  /** Names the filter form (and prefixes its field ids). */
  name: string;
  list: UrlListState<F>;
  query: { data?: ListAnswer<T>; isFetching: boolean; isError: boolean; error: Error | null };
  columns: TableColumnsType<T>;
  /** The filter fields; without them the page has no filter row. */
  filterFields?: ReactNode;
  /** Form values from the address's filters, and back (dates, say); plain copies when left out. */
  toForm?: (filters: F) => V;
  fromForm?: (values: V) => F;
  /** The row's buttons, in a column pinned to the right. */
  actions?: (row: T) => ReactNode;
  /** The actions column's width, so the pinned column never covers a data column. */
  actionsWidth?: number;
  /** Secondary column keys hidden until the user shows them in 列设置. */
  defaultHidden?: readonly string[];
  /** A line between the filters and the table (what the list means, how it is ordered). */
  notice?: ReactNode;
  expandable?: TableProps<T>['expandable'];
  /** Inside another card (a tab of a page): no card of its own, the buttons above the filters. */
  embedded?: boolean;
  exportPath?: string;
  /** Buttons beside the export (创建…). */
  extra?: ReactNode;
  /** What an empty list says: with filters set, and without. */
  empty: { filtered: string; none: string };
  scrollX?: number;
  /**
   * Rows the user can select for batch work (`useRowSelection`); `batchActions` are the buttons
   * shown over the table while some are selected (they act on `selection.rows`).
   */
  selection?: RowSelection<T>;
  batchActions?: ReactNode;
}

const compactHeading = { margin: 0, fontSize: 16 };

export function ListPage<T extends { id: string }, F extends object, V extends object = F>(
  props: ListPageProps<T, F, V>,
) {
  const t = useT();
  const { list, query } = props;
  const [form] = Form.useForm<V>();
  const toForm = props.toForm ?? ((f: F) => f as unknown as V);
  const fromForm = props.fromForm ?? ((v: V) => v as unknown as F);
  // The address is the truth: back and forward put its filters into the form again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: toForm is a plain mapping of the filters
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm(list.filters) as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, list.filters]);
  const { hidden, setHidden } = useHiddenColumns(props.name, props.defaultHidden);
  const filtered = list.filtered;
  const offset = (list.page - 1) * list.pageSize;

  const columns: TableColumnsType<T> = [
    {
      title: t('list.index'),
      key: 'index',
      width: 64,
      align: 'right',
      render: (_: unknown, _row: T, i: number) => offset + i + 1,
    },
    ...visibleColumns(props.columns, hidden),
    ...(props.actions
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            width: props.actionsWidth,
            // Buttons wrap within the width rather than widen the pinned column over the data.
            render: (_: unknown, row: T) => (
              <div style={{ maxWidth: props.actionsWidth }}>{props.actions?.(row)}</div>
            ),
          },
        ]
      : []),
  ];

  const buttons = (
    <Space wrap>
      <ColumnSettings columns={props.columns} hidden={hidden} onChange={setHidden} />
      {props.exportPath && <ExportButton path={props.exportPath} query={list.exportQuery} />}
      {props.extra}
    </Space>
  );
  const body = (
    <>
      {props.filterFields && (
        <FilterForm<V>
          name={props.name}
          form={form}
          onApply={(values) => list.applyFilters(fromForm(values))}
          label={t('list.filters')}
        >
          {props.filterFields}
        </FilterForm>
      )}
      {props.notice}
      {props.selection && (
        <SelectionBar selection={props.selection} pageRows={query.data?.items ?? []}>
          {props.batchActions}
        </SelectionBar>
      )}
      {query.isError && (
        <Alert type="error" showIcon title={query.error?.message} style={{ marginBottom: 16 }} />
      )}
      <Table<T>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, query.data?.totalCapped, query.data?.totalIsEstimate)}
        onChange={list.onTableChange}
        scroll={{ x: props.scrollX ?? 'max-content' }}
        expandable={props.expandable}
        rowSelection={
          props.selection && {
            selectedRowKeys: props.selection.keys,
            // The choice is kept across pages and filters until the batch is done or cleared.
            preserveSelectedRowKeys: true,
            // antd copies the header's select-all box into the table's hidden measuring row, where
            // it stays focusable (axe: aria-hidden-focus); 全选本页 in the bar above does its work.
            hideSelectAll: true,
            onChange: props.selection.onChange,
            getCheckboxProps: (row: T) => ({
              disabled: props.selection?.selectable ? !props.selection.selectable(row) : false,
              'aria-label': t('list.selectRow'),
            }),
          }
        }
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={filtered ? props.empty.filtered : props.empty.none}
            />
          ),
        }}
      />
    </>
  );

  if (props.embedded) {
    return (
      <>
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>{buttons}</div>
        {body}
      </>
    );
  }
  return (
    <Card title={<h2 style={compactHeading}>{props.title}</h2>} extra={buttons}>
      {body}
    </Card>
  );
}

/** What is ticked, the batch buttons, 全选本页 (every row of this page that can take part) and 清除选择. */
function SelectionBar<T extends { id: string }>({
  selection,
  pageRows,
  children,
}: {
  selection: RowSelection<T>;
  pageRows: readonly T[];
  children: ReactNode;
}) {
  const t = useT();
  const open = pageRows.filter((r) => !selection.selectable || selection.selectable(r));
  const selectPage = () =>
    selection.onChange([...selection.keys, ...open.map((r) => r.id)], [...selection.rows, ...open]);
  const selectAll = (
    <Button size="small" onClick={selectPage} disabled={open.length === 0}>
      {t('list.selectPage')}
    </Button>
  );
  if (selection.keys.length === 0) return <div style={{ marginBottom: 12 }}>{selectAll}</div>;
  return (
    <Alert
      type="info"
      style={{ marginBottom: 12 }}
      title={
        <Space wrap>
          <span>{t('list.selected', { count: selection.keys.length })}</span>
          {children}
          {selectAll}
          <Button size="small" type="link" onClick={selection.clear}>
            {t('list.clearSelection')}
          </Button>
        </Space>
      }
    />
  );
}
