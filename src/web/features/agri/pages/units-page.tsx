import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import {
  AGRI_LEVEL_NAMES,
  AGRI_LEVELS,
  AGRI_UNIT_GROUPS,
  AGRI_UNIT_KIND_NAMES,
  type AgriUnitGroup,
} from '../../../../domain/agri';
import type { UnitBody } from '../../../../domain/contracts/agri';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { DayCell } from '../../../app/list/cells';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { RegionSelect } from '../../registry/components/region-select';
import { AGRI, type UnitItem, useCreateUnit, useUnits } from '../api';
import { RecordForm } from '../components/record-form';

const TITLE = {
  parks: 'menu.agri.parks',
  bases: 'menu.agri.bases',
  cooperatives: 'menu.agri.cooperatives',
} as const;

/** 亿元 above 10,000 万元, as the bureau writes a park's output. */
function outputText(wan: string | null): string {
  if (wan === null) return '—';
  const n = Number(wan);
  return n >= 10_000 ? `${(n / 10_000).toFixed(2)} 亿元` : `${n.toLocaleString('zh-CN')} 万元`;
}

function UnitsPage({ group }: { group: AgriUnitGroup }) {
  const t = useT();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const list = useUrlListState<Record<string, string | undefined>>('-recognisedOn');
  const units = useUnits(group, list.params);
  const create = useCreateUnit(group);
  const [adding, setAdding] = useState(false);
  const kinds = AGRI_UNIT_GROUPS[group];
  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  return (
    <>
      <ListPage
        title={t(TITLE[group])}
        name={`agri-${group}-filters`}
        list={list}
        query={units}
        columns={[
          { title: t('agri.name'), dataIndex: 'name', width: 260, ...sorted('name') },
          ...(kinds.length > 1
            ? [
                {
                  title: t('agri.kind'),
                  key: 'kind',
                  width: 150,
                  render: (_: unknown, u: UnitItem) => pickMsg(AGRI_UNIT_KIND_NAMES[u.kind]),
                },
              ]
            : []),
          {
            title: t('agri.level'),
            width: 80,
            ...sorted('level'),
            render: (_: unknown, u: UnitItem) => <Tag>{pickMsg(AGRI_LEVEL_NAMES[u.level])}</Tag>,
          },
          { title: t('agri.region'), dataIndex: 'regionName', width: 90 },
          ...(group === 'bases'
            ? [{ title: t('agri.park'), key: 'parkName', dataIndex: 'parkName', width: 200 }]
            : []),
          {
            title: t('agri.recognisedOn'),
            width: 110,
            ...sorted('recognisedOn'),
            render: (_: unknown, u: UnitItem) => <DayCell value={u.recognisedOn} />,
          },
          {
            title: t('agri.endedOn'),
            key: 'endedOn',
            width: 110,
            render: (_: unknown, u: UnitItem) => <DayCell value={u.endedOn} />,
          },
          ...(group === 'parks'
            ? [
                {
                  title: t('agri.output'),
                  key: 'output',
                  width: 170,
                  render: (_: unknown, u: UnitItem) =>
                    u.output === null
                      ? '—'
                      : `${u.outputYear}年 ${outputText(u.output)}${u.growthPct ? `（+${u.growthPct}%）` : ''}`,
                },
              ]
            : []),
        ]}
        filterFields={
          <>
            <Form.Item label={t('agri.search')} name="q">
              <Input allowClear style={{ width: 180 }} />
            </Form.Item>
            {kinds.length > 1 && (
              <Form.Item label={t('agri.kind')} name="kind">
                <Select
                  allowClear
                  placeholder={t('common.all')}
                  style={{ width: 170 }}
                  options={kinds.map((k) => ({ value: k, label: pickMsg(AGRI_UNIT_KIND_NAMES[k]) }))}
                />
              </Form.Item>
            )}
            <Form.Item label={t('agri.level')} name="level">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 100 }}
                options={AGRI_LEVELS.map((l) => ({ value: l, label: pickMsg(AGRI_LEVEL_NAMES[l]) }))}
              />
            </Form.Item>
            <Form.Item label={t('agri.region')} name="regionCode">
              <RegionSelect style={{ width: 140 }} />
            </Form.Item>
            <Form.Item label={t('agri.asOf')} name="asOf">
              <Input type="date" allowClear style={{ width: 150 }} />
            </Form.Item>
          </>
        }
        defaultHidden={group === 'bases' ? ['parkName', 'endedOn'] : ['endedOn']}
        exportPath={`${AGRI}/${group}/export.xlsx`}
        extra={
          can('agri.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('agri.create')}
            </Button>
          )
        }
        empty={{ filtered: t('agri.emptyFiltered'), none: t('agri.emptyNone') }}
      />
      {adding && (
        <RecordForm<UnitBody>
          title={`${t('agri.create')}${t(TITLE[group])}`}
          onClose={() => setAdding(false)}
          save={(b) => create.mutateAsync(b)}
          initialValues={{ kind: kinds[0], level: 'municipal' }}
          toBody={(v) => ({ ...(v as UnitBody), endedOn: (v.endedOn as string) || null, note: '' })}
        >
          <Form.Item label={t('agri.kind')} name="kind" rules={[{ required: true }]}>
            <Select options={kinds.map((k) => ({ value: k, label: pickMsg(AGRI_UNIT_KIND_NAMES[k]) }))} />
          </Form.Item>
          <Form.Item label={t('agri.level')} name="level" rules={[{ required: true }]}>
            <Select options={AGRI_LEVELS.map((l) => ({ value: l, label: pickMsg(AGRI_LEVEL_NAMES[l]) }))} />
          </Form.Item>
          <Form.Item label={t('agri.name')} name="name" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('agri.region')} name="regionCode" rules={[{ required: true }]}>
            <RegionSelect />
          </Form.Item>
          <Form.Item label={t('agri.recognisedOn')} name="recognisedOn" rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item label={t('agri.endedOn')} name="endedOn">
            <Input type="date" />
          </Form.Item>
        </RecordForm>
      )}
    </>
  );
}

export const ParksPage = () => <UnitsPage group="parks" />;
export const BasesPage = () => <UnitsPage group="bases" />;
export const CooperativesPage = () => <UnitsPage group="cooperatives" />;
