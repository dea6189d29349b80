import { Form, Input } from 'antd';
import { useT } from '../../../app/i18n';
import { FilterForm } from '../../../app/list/filter-form';
import { useListState } from '../../../app/list/use-list-state';
import { ApplicationsWorklist } from '../components/applications-worklist';

/** 待推荐: the county's submitted applications, each to recommend or return with a reason. */
export function RecommendPage() {
  const t = useT();
  const [form] = Form.useForm<{ q?: string }>();
  const list = useListState<{ toRecommend: boolean; q?: string }>({ toRecommend: true });
  return (
    <ApplicationsWorklist
      title={t('menu.projects.recommend')}
      list={list}
      stage="recommend"
      emptyText={t('projects.recommend.empty')}
      filters={
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
      }
    />
  );
}
