import { Alert, Card, Empty, Form, Input, Select, Space, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  APPLICATION_STATE_CODES,
  APPLICATION_STATES,
  type ApplicationState,
} from '../../../../domain/projects';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { FilterForm } from '../../../app/list/filter-form';
import { useListState } from '../../../app/list/use-list-state';
import { RegionSelect, useOffersRegionFilter } from '../../registry/components/region-select';
import { type ApplicationListQuery, projectPaths, useApplications, useCalls } from '../api';
import { ApplicationsTable } from '../components/applications-table';
import { CallBoard } from '../components/call-board';
import { DrawPanel } from '../components/draw-panel';
import { RankingTab } from '../components/ranking-tab';
import { wanText } from '../format';

type Filters = Omit<ApplicationListQuery, 'page' | 'pageSize' | 'sort'>;
const TABS = ['board', 'list', 'ranking', 'draw'] as const;

/**
 * 项目管理: pick a call (kept in the URL), then its board by state and budget, its applications
 * with filters and export, the ranking with Word/Excel downloads, and the expert draw.
 */
export function ManagePage() {
  const t = useT();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const calls = useCalls({ pageSize: 200 });
  const callId = params.get('call') ?? undefined;
  const tab = TABS.find((x) => x === params.get('tab')) ?? (callId ? 'board' : 'list');
  const call = calls.data?.items.find((c) => c.id === callId);

  const set = (changes: Record<string, string | undefined>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(changes)) {
          if (v) p.set(k, v);
          else p.delete(k);
        }
        return p;
      },
      { replace: true },
    );

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.projects.manage')}</h2>}
      extra={
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('projects.manage.allCalls')}
          style={{ width: 380 }}
          loading={calls.isLoading}
          value={callId}
          onChange={(v) => set({ call: v, tab: v ? 'board' : 'list', state: undefined })}
          options={(calls.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.year} · ${c.title}` }))}
          aria-label={t('projects.call.title')}
        />
      }
    >
      {call && (
        <Typography.Paragraph type="secondary">
          {call.programmeName} · {t('projects.call.budget')} {wanText(call.budget)} ·{' '}
          {t('projects.call.fundingCap')} {wanText(call.fundingCap)}
        </Typography.Paragraph>
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        destroyOnHidden
        items={[
          ...(callId
            ? [
                {
                  key: 'board',
                  label: t('projects.manage.board'),
                  children: <CallBoard callId={callId} onPickState={(s) => set({ tab: 'list', state: s })} />,
                },
              ]
            : []),
          {
            key: 'list',
            label: t('projects.manage.list'),
            children: (
              <ApplicationList
                key={`${callId}-${params.get('state')}`}
                callId={callId}
                initialState={params.get('state') ?? undefined}
                fundingCap={call?.fundingCap}
              />
            ),
          },
          ...(callId
            ? [
                {
                  key: 'ranking',
                  label: t('projects.manage.ranking'),
                  children: <RankingTab callId={callId} />,
                },
                ...(can('projects.manage')
                  ? [
                      {
                        key: 'draw',
                        label: t('projects.manage.draw'),
                        children: <DrawPanel callId={callId} />,
                      },
                    ]
                  : []),
              ]
            : []),
        ]}
      />
      {!callId && calls.data?.items.length === 0 && <Empty description={t('projects.call.emptyManage')} />}
    </Card>
  );
}

function ApplicationList({
  callId,
  initialState,
  fundingCap,
}: {
  callId?: string;
  initialState?: string;
  fundingCap?: string;
}) {
  const t = useT();
  const pickMsg = useMsg();
  const offersRegion = useOffersRegionFilter();
  const [form] = Form.useForm<Filters>();
  const initial = useMemo<Filters>(
    () => ({ callId, state: initialState as ApplicationState | undefined }),
    [callId, initialState],
  );
  const list = useListState<Filters>(initial);
  const apps = useApplications(list.params);
  return (
    <>
      <FilterForm<Filters>
        name="app-filters"
        form={form}
        label={t('list.filters')}
        onApply={(v) => list.applyFilters({ ...v, callId })}
      >
        <Form.Item label={t('registry.search')} name="q">
          <Input
            allowClear
            maxLength={100}
            style={{ width: 240 }}
            placeholder={t('projects.manage.searchPh')}
          />
        </Form.Item>
        <Form.Item label={t('projects.app.state')} name="state" initialValue={initialState}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 200 }}
            popupMatchSelectWidth={false}
            options={APPLICATION_STATE_CODES.map((s) => ({
              value: s,
              label: pickMsg(APPLICATION_STATES[s]),
            }))}
          />
        </Form.Item>
        {offersRegion && (
          <Form.Item label={t('projects.app.region')} name="regionCode">
            <RegionSelect />
          </Form.Item>
        )}
        <Form.Item>
          <ExportButton path={projectPaths.applicationsExport} query={list.exportQuery} />
        </Form.Item>
      </FilterForm>
      {apps.isError && (
        <Alert type="error" showIcon title={apps.error.message} style={{ marginBottom: 16 }} />
      )}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <ApplicationsTable
          items={apps.data?.items}
          loading={apps.isFetching}
          pagination={list.pagination(apps.data?.total, apps.data?.totalCapped)}
          onChange={list.onTableChange as never}
          emptyText={t('projects.manage.empty')}
          inlineActions
          fundingCaps={callId && fundingCap ? { [callId]: fundingCap } : undefined}
        />
      </Space>
    </>
  );
}
