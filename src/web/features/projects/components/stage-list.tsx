import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import type { BatchAction } from '../../../../domain/projects';
import { useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { useRowSelection } from '../../../app/list/use-row-selection';
import { type ApplicationItem, type ApplicationListQuery, projectPaths, useApplications } from '../api';
import { ActionButtons } from './action-buttons';
import { type ApplicationStage, useApplicationColumns } from './applications-table';
import { BatchActions } from './batch-actions';

type Filters = Omit<ApplicationListQuery, 'page' | 'pageSize' | 'sort'>;

/**
 * One stage's queue of applications (待推荐, 待审批) on `ListPage`: keyword in the address, 序号,
 * 列设置, export, each row's own buttons, and rows ticked for one batch action.
 */
export function StageList({
  title,
  name,
  stage,
  fixed,
  sort,
  batch,
  empty,
  notice,
}: {
  title: string;
  name: string;
  stage: ApplicationStage;
  /** What the queue is (submitted for recommendation, proposed for approval). */
  fixed: Filters;
  sort?: string;
  batch: readonly BatchAction[];
  empty: string;
  notice?: ReactNode;
}) {
  const t = useT();
  const list = useUrlListState<Filters>(sort, { fixed });
  const apps = useApplications(list.params as ApplicationListQuery);
  const columns = useApplicationColumns(stage);
  const selection = useRowSelection<ApplicationItem>(selectableFor(batch));
  return (
    <ListPage<ApplicationItem, Filters>
      title={title}
      name={name}
      list={list}
      query={apps}
      columns={columns}
      exportPath={projectPaths.applicationsExport}
      filterFields={
        <Form.Item label={t('registry.search')} name="q">
          <Input
            allowClear
            maxLength={100}
            style={{ width: 280 }}
            placeholder={t('projects.manage.searchPh')}
          />
        </Form.Item>
      }
      notice={notice}
      selection={selection}
      batchActions={<BatchActions selection={selection} actions={batch} />}
      actionsWidth={150}
      actions={(a) => <ActionButtons target={a} size="small" none="—" />}
      empty={{ filtered: empty, none: empty }}
    />
  );
}

const selectables = new Map<string, (row: ApplicationItem) => boolean>();
/** A row can be ticked when one of the page's batch actions is open to it (one function per set). */
export function selectableFor(batch: readonly BatchAction[]) {
  const key = batch.join();
  let f = selectables.get(key);
  if (!f) {
    f = (row: ApplicationItem) => row.actions.some((a) => (batch as readonly string[]).includes(a));
    selectables.set(key, f);
  }
  return f;
}
