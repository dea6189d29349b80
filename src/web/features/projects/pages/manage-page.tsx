import { Card, Empty, Form, Input, Select, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { APPLICATION_STATE_CODES, APPLICATION_STATES } from '../../../../domain/projects';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { useRowSelection } from '../../../app/list/use-row-selection';
import { RegionSelect, useOffersRegionFilter } from '../../registry/components/region-select';
import {
  type ApplicationItem,
  type ApplicationListQuery,
  projectPaths,
  useApplications,
  useCalls,
} from '../api';
import { ActionButtons } from '../components/action-buttons';
import { useApplicationColumns } from '../components/applications-table';
import { BatchActions } from '../components/batch-actions';
import { CallBoard } from '../components/call-board';
import { DrawPanel } from '../components/draw-panel';
import { RankingTab } from '../components/ranking-tab';
import { selectableFor } from '../components/stage-list';
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
          // Another call starts its list afresh: no filters or page carried over.
          onChange={(v) => setParams(v ? { call: v, tab: 'board' } : { tab: 'list' }, { replace: true })}
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
            children: <ApplicationList callId={callId} fundingCap={call?.fundingCap} />,
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

/** The page's own address keys: the call and tab around the list. */
const PAGE_KEYS = ['call', 'tab'];
/** Where it comes from and when are one click away in 列设置; the amounts stay in view. */
const SECONDARY = ['region', 'next', 'sub'];
/** Staff's batch work here: 形式审查 (pass, return, reject) and 立项. */
const BATCH = ['accept', 'staff_return', 'reject', 'establish'] as const;

function ApplicationList({ callId, fundingCap }: { callId?: string; fundingCap?: string }) {
  const t = useT();
  const pickMsg = useMsg();
  const offersRegion = useOffersRegionFilter();
  const list = useUrlListState<Filters>(undefined, { fixed: { callId }, reserved: PAGE_KEYS });
  const apps = useApplications(list.params as ApplicationListQuery);
  const columns = useApplicationColumns('all');
  const selection = useRowSelection<ApplicationItem>(selectableFor(BATCH));
  return (
    <ListPage<ApplicationItem, Filters>
      embedded
      title={t('projects.manage.list')}
      name="app-filters"
      list={list}
      query={apps}
      columns={columns}
      defaultHidden={SECONDARY}
      exportPath={projectPaths.applicationsExport}
      filterFields={
        <>
          <Form.Item label={t('registry.search')} name="q">
            <Input
              allowClear
              maxLength={100}
              style={{ width: 240 }}
              placeholder={t('projects.manage.searchPh')}
            />
          </Form.Item>
          <Form.Item label={t('projects.app.state')} name="state">
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
        </>
      }
      selection={selection}
      batchActions={<BatchActions selection={selection} actions={BATCH} />}
      actionsWidth={160}
      actions={(a) => <ActionButtons target={a} size="small" fundingCap={fundingCap} none="—" />}
      empty={{ filtered: t('projects.manage.empty'), none: t('projects.manage.empty') }}
    />
  );
}
