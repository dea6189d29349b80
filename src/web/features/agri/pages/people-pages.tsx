import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import {
  APPRAISAL_GRADE_NAMES,
  APPRAISAL_GRADES,
  SERVED_KIND_NAMES,
  SERVED_KINDS,
} from '../../../../domain/agri';
import type { CommissionerBody, DispatchBody } from '../../../../domain/contracts/agri';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { RegionSelect } from '../../registry/components/region-select';
import {
  AGRI,
  type AppraisalItem,
  type DispatchItem,
  useAppraisals,
  useCommissioners,
  useCreateCommissioner,
  useCreateDispatch,
  useDispatches,
  useGrade,
} from '../api';
import { RecordForm } from '../components/record-form';

/** 科技特派员: persons, masked identifiers, their account. */
export function CommissionersPage() {
  const t = useT();
  const { can } = useAuth();
  const list = useUrlListState<Record<string, string | undefined>>('name');
  const people = useCommissioners(list.params);
  const create = useCreateCommissioner();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <ListPage
        title={t('menu.agri.commissioners')}
        name="agri-commissioner-filters"
        list={list}
        query={people}
        columns={[
          {
            title: t('agri.commissioner.name'),
            dataIndex: 'name',
            width: 90,
            key: 'name',
            sorter: true,
            sortOrder: list.sortOrderOf('name'),
          },
          { title: t('agri.commissioner.expertise'), dataIndex: 'expertise', width: 150 },
          { title: t('agri.commissioner.employer'), dataIndex: 'employer', width: 200 },
          { title: t('agri.region'), dataIndex: 'regionName', width: 90 },
          { title: t('agri.commissioner.mobile'), dataIndex: 'mobile', width: 120 },
          { title: t('agri.commissioner.idNumber'), dataIndex: 'idNumber', width: 180 },
          { title: t('agri.commissioner.username'), dataIndex: 'username', width: 140 },
          { title: t('agri.commissioner.dispatches'), dataIndex: 'dispatches', width: 70, align: 'right' },
          { title: t('agri.commissioner.logs'), dataIndex: 'logs', width: 80, align: 'right' },
        ]}
        defaultHidden={['username']}
        filterFields={
          <>
            <Form.Item label={t('agri.search')} name="q">
              <Input allowClear style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={t('agri.region')} name="regionCode">
              <RegionSelect style={{ width: 140 }} />
            </Form.Item>
          </>
        }
        exportPath={`${AGRI}/commissioners/export.xlsx`}
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
        <RecordForm<CommissionerBody>
          title={t('menu.agri.commissioners')}
          onClose={() => setAdding(false)}
          save={(b) => create.mutateAsync(b)}
          toBody={(v) => ({
            ...(v as CommissionerBody),
            mobile: (v.mobile as string) || null,
            idNumber: (v.idNumber as string) || null,
            username: (v.username as string) || null,
          })}
        >
          <Form.Item label={t('agri.commissioner.name')} name="name" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('agri.commissioner.expertise')} name="expertise" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('agri.commissioner.employer')} name="employer" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('agri.region')} name="regionCode" rules={[{ required: true }]}>
            <RegionSelect />
          </Form.Item>
          <Form.Item label={t('agri.commissioner.mobile')} name="mobile">
            <Input />
          </Form.Item>
          <Form.Item label={t('agri.commissioner.idNumber')} name="idNumber">
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('agri.commissioner.username')} name="username">
            <Input />
          </Form.Item>
        </RecordForm>
      )}
    </>
  );
}

/** 选派: who serves whom, for which period. */
export function DispatchesPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const list = useUrlListState<Record<string, string | undefined>>('-startsOn');
  const dispatches = useDispatches(list.params);
  const create = useCreateDispatch();
  const [adding, setAdding] = useState(false);
  const people = useCommissioners({ pageSize: 200 }, adding);
  return (
    <>
      <ListPage
        title={t('menu.agri.dispatches')}
        name="agri-dispatch-filters"
        list={list}
        query={dispatches}
        columns={[
          { title: t('agri.commissioner'), dataIndex: 'commissionerName', width: 100 },
          {
            title: t('agri.servedKind'),
            key: 'servedKind',
            width: 90,
            render: (_, d: DispatchItem) => pickMsg(SERVED_KIND_NAMES[d.servedKind]),
          },
          { title: t('agri.served'), dataIndex: 'servedName', width: 240 },
          { title: t('agri.region'), dataIndex: 'regionName', width: 90 },
          {
            title: t('agri.period'),
            key: 'startsOn',
            width: 190,
            sorter: true,
            sortOrder: list.sortOrderOf('startsOn'),
            render: (_, d: DispatchItem) => `${d.startsOn} — ${d.endsOn}`,
          },
          { title: t('agri.agreementNo'), key: 'agreementNo', dataIndex: 'agreementNo', width: 170 },
          { title: t('agri.commissioner.logs'), dataIndex: 'logs', width: 80, align: 'right' },
        ]}
        defaultHidden={['agreementNo']}
        filterFields={
          <>
            <Form.Item label={t('agri.search')} name="q">
              <Input allowClear style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={t('agri.servedKind')} name="servedKind">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 110 }}
                options={SERVED_KINDS.map((k) => ({ value: k, label: pickMsg(SERVED_KIND_NAMES[k]) }))}
              />
            </Form.Item>
            <Form.Item label={t('agri.region')} name="regionCode">
              <RegionSelect style={{ width: 140 }} />
            </Form.Item>
          </>
        }
        exportPath={`${AGRI}/dispatches/export.xlsx`}
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
        <RecordForm<DispatchBody>
          title={t('menu.agri.dispatches')}
          onClose={() => setAdding(false)}
          save={(b) => create.mutateAsync(b)}
          initialValues={{ servedKind: 'cooperative' }}
          toBody={(v) => ({
            ...(v as DispatchBody),
            servedOrgId: (v.servedOrgId as string) || null,
            agreementNo: (v.agreementNo as string) ?? '',
          })}
        >
          <Form.Item label={t('agri.commissioner')} name="commissionerId" rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={people.isLoading}
              options={(people.data?.items ?? []).map((c) => ({
                value: c.id,
                label: `${c.name}（${c.employer}）`,
              }))}
            />
          </Form.Item>
          <Form.Item label={t('agri.servedKind')} name="servedKind" rules={[{ required: true }]}>
            <Select options={SERVED_KINDS.map((k) => ({ value: k, label: pickMsg(SERVED_KIND_NAMES[k]) }))} />
          </Form.Item>
          <Form.Item label={t('agri.served')} name="servedName" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('agri.servedOrg')} name="servedOrgId">
            <Input />
          </Form.Item>
          <Form.Item label={t('agri.region')} name="regionCode" rules={[{ required: true }]}>
            <RegionSelect />
          </Form.Item>
          <Form.Item label={t('agri.startsOn')} name="startsOn" rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item label={t('agri.endsOn')} name="endsOn" rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item label={t('agri.agreementNo')} name="agreementNo">
            <Input />
          </Form.Item>
        </RecordForm>
      )}
    </>
  );
}

const GRADE_COLOR = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' } as const;

/** 年度考核: graded from the logs, satisfaction and the county's view. */
export function AppraisalsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const onError = useApiErrorHandler();
  const list = useUrlListState<Record<string, string | undefined>>('name', { defaults: { year: '2016' } });
  const rows = useAppraisals(list.params);
  const grade = useGrade();
  const year = Number(list.params.year ?? 2016);
  const grades = APPRAISAL_GRADES.map((g) => ({ value: g, label: pickMsg(APPRAISAL_GRADE_NAMES[g]) }));
  return (
    <ListPage
      title={t('menu.agri.appraisals')}
      name="agri-appraisal-filters"
      list={list}
      query={rows}
      notice={<span style={{ color: '#666' }}>{t('agri.appraisal.rule')}</span>}
      columns={[
        { title: t('agri.commissioner.name'), dataIndex: 'name', width: 90 },
        { title: t('agri.region'), dataIndex: 'regionName', width: 90 },
        { title: t('agri.commissioner.logs'), dataIndex: 'logs', width: 80, align: 'right' },
        { title: t('agri.appraisal.confirmed'), dataIndex: 'confirmed', width: 80, align: 'right' },
        { title: t('agri.appraisal.anomalies'), dataIndex: 'anomalies', width: 70, align: 'right' },
        { title: t('agri.log.satisfaction'), dataIndex: 'satisfaction', width: 80, align: 'right' },
        {
          title: t('agri.appraisal.countyGrade'),
          key: 'countyGrade',
          width: 130,
          render: (_, r: AppraisalItem) =>
            can('agri.manage') ? (
              <Select
                size="small"
                style={{ width: 110 }}
                value={r.countyGrade ?? undefined}
                placeholder="—"
                options={grades}
                onChange={(countyGrade) =>
                  grade
                    .mutateAsync({ id: r.id, year, body: { countyGrade, note: '' } })
                    .catch((e) => onError(e))
                }
              />
            ) : r.countyGrade ? (
              pickMsg(APPRAISAL_GRADE_NAMES[r.countyGrade])
            ) : (
              '—'
            ),
        },
        { title: t('agri.appraisal.score'), dataIndex: 'score', width: 70, align: 'right' },
        {
          title: t('agri.appraisal.grade'),
          key: 'grade',
          width: 90,
          render: (_, r: AppraisalItem) => (
            <Tag color={GRADE_COLOR[r.grade]}>{pickMsg(APPRAISAL_GRADE_NAMES[r.grade])}</Tag>
          ),
        },
      ]}
      filterFields={
        <>
          <Form.Item label={t('agri.year')} name="year">
            <Input style={{ width: 90 }} />
          </Form.Item>
          <Form.Item label={t('agri.search')} name="q">
            <Input allowClear style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label={t('agri.region')} name="regionCode">
            <RegionSelect style={{ width: 140 }} />
          </Form.Item>
        </>
      }
      exportPath={`${AGRI}/appraisals/export.xlsx`}
      empty={{ filtered: t('agri.emptyFiltered'), none: t('agri.emptyNone') }}
    />
  );
}
