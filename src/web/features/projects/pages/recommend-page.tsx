import { Alert, Card, Form, Input } from 'antd';
import { useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { FilterForm } from '../../../app/list/filter-form';
import { useListState } from '../../../app/list/use-list-state';
import { projectPaths, useApplications } from '../api';
import { ApplicationsTable } from '../components/applications-table';

/** 待推荐: the county's submitted applications, each to recommend or return with a reason. */
export function RecommendPage() {
  const t = useT();
  const [form] = Form.useForm<{ q?: string }>();
  const list = useListState<{ toRecommend: boolean; q?: string }>({ toRecommend: true });
  const apps = useApplications(list.params);
  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.projects.recommend')}</h2>}
      extra={<ExportButton path={projectPaths.applicationsExport} query={list.exportQuery} />}
    >
      <FilterForm<{ q?: string }>
        name="recommend-filters"
        form={form}
        label={t('list.filters')}
        onApply={(v) => list.applyFilters({ toRecommend: true, ...v })}
      >
        <Form.Item label={t('registry.search')} name="q">
          <Input allowClear maxLength={100} style={{ width: 280 }} />
        </Form.Item>
      </FilterForm>
      {apps.isError && (
        <Alert type="error" showIcon title={apps.error.message} style={{ marginBottom: 16 }} />
      )}
      <ApplicationsTable
        items={apps.data?.items}
        loading={apps.isFetching}
        pagination={list.pagination(apps.data?.total)}
        onChange={list.onTableChange as never}
        emptyText={t('projects.recommend.empty')}
        inlineActions
        stage="recommend"
      />
    </Card>
  );
}
