import { Alert, Card } from 'antd';
import type { ReactNode } from 'react';
import { ExportButton } from '../../../app/list/export-button';
import type { useListState } from '../../../app/list/use-list-state';
import { type ApplicationListQuery, projectPaths, useApplications } from '../api';
import { ApplicationsTable } from './applications-table';

type WorklistState = Pick<
  ReturnType<typeof useListState<ApplicationListQuery>>,
  'params' | 'exportQuery' | 'pagination' | 'onTableChange'
>;

/**
 * One stage's queue of applications (待推荐, 待审批): a titled card with the export, optional
 * filters, and the table with that stage's inline actions.
 */
export function ApplicationsWorklist({
  title,
  list,
  stage,
  emptyText,
  filters,
}: {
  title: string;
  list: WorklistState;
  stage: 'recommend' | 'approve';
  emptyText: string;
  filters?: ReactNode;
}) {
  const apps = useApplications(list.params);
  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{title}</h2>}
      extra={<ExportButton path={projectPaths.applicationsExport} query={list.exportQuery} />}
    >
      {filters}
      {apps.isError && (
        <Alert type="error" showIcon title={apps.error.message} style={{ marginBottom: 16 }} />
      )}
      <ApplicationsTable
        items={apps.data?.items}
        loading={apps.isFetching}
        pagination={list.pagination(apps.data?.total)}
        onChange={list.onTableChange as never}
        emptyText={emptyText}
        inlineActions
        stage={stage}
      />
    </Card>
  );
}
