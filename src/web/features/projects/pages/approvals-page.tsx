import { Alert, Card } from 'antd';
import { useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { useListState } from '../../../app/list/use-list-state';
import { projectPaths, useApplications } from '../api';
import { ApplicationsTable } from '../components/applications-table';

/** 待审批: applications proposed for funding, with score and amount, for the leaders to decide. */
export function ApprovalsPage() {
  const t = useT();
  const list = useListState<{ state: 'proposed' }>({ state: 'proposed' }, '-panelScore');
  const apps = useApplications(list.params);
  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.projects.approvals')}</h2>}
      extra={<ExportButton path={projectPaths.applicationsExport} query={list.exportQuery} />}
    >
      {apps.isError && (
        <Alert type="error" showIcon title={apps.error.message} style={{ marginBottom: 16 }} />
      )}
      <ApplicationsTable
        items={apps.data?.items}
        loading={apps.isFetching}
        pagination={list.pagination(apps.data?.total)}
        onChange={list.onTableChange as never}
        emptyText={t('projects.approvals.empty')}
        inlineActions
        stage="approve"
      />
    </Card>
  );
}
