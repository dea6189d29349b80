import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { TRAINING_KIND_NAMES, TRAINING_KINDS } from '../../../../domain/agri';
import type { TrainingBody } from '../../../../domain/contracts/agri';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { DayCell } from '../../../app/list/cells';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { RegionSelect } from '../../registry/components/region-select';
import { AGRI, type TrainingItem, useCreateTraining, useTrainings } from '../api';
import { RecordForm } from '../components/record-form';

/** 科技特派员培训: on-site events and 12396 remote sessions. */
export function TrainingsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const list = useUrlListState<Record<string, string | undefined>>('-heldOn');
  const trainings = useTrainings(list.params);
  const create = useCreateTraining();
  const [adding, setAdding] = useState(false);
  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  return (
    <>
      <ListPage
        title={t('menu.agri.trainings')}
        name="agri-training-filters"
        list={list}
        query={trainings}
        columns={[
          { title: t('agri.training.title'), dataIndex: 'title', width: 320, ...sorted('title') },
          {
            title: t('agri.training.kind'),
            key: 'kind',
            width: 130,
            render: (_, r: TrainingItem) => pickMsg(TRAINING_KIND_NAMES[r.kind]),
          },
          { title: t('agri.region'), dataIndex: 'regionName', width: 90 },
          {
            title: t('agri.training.heldOn'),
            width: 110,
            ...sorted('heldOn'),
            render: (_, r: TrainingItem) => <DayCell value={r.heldOn} />,
          },
          {
            title: t('agri.training.attendances'),
            dataIndex: 'attendances',
            width: 100,
            align: 'right',
            ...sorted('attendances'),
          },
          { title: t('agri.training.organiser'), dataIndex: 'organiser', width: 180 },
        ]}
        filterFields={
          <>
            <Form.Item label={t('agri.search')} name="q">
              <Input allowClear style={{ width: 180 }} />
            </Form.Item>
            <Form.Item label={t('agri.training.kind')} name="kind">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 150 }}
                options={TRAINING_KINDS.map((k) => ({ value: k, label: pickMsg(TRAINING_KIND_NAMES[k]) }))}
              />
            </Form.Item>
            <Form.Item label={t('agri.year')} name="year">
              <Input allowClear style={{ width: 90 }} />
            </Form.Item>
            <Form.Item label={t('agri.region')} name="regionCode">
              <RegionSelect style={{ width: 140 }} />
            </Form.Item>
          </>
        }
        exportPath={`${AGRI}/trainings/export.xlsx`}
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
        <RecordForm<TrainingBody>
          title={t('menu.agri.trainings')}
          onClose={() => setAdding(false)}
          save={(b) => create.mutateAsync(b)}
          initialValues={{ kind: 'onsite' }}
          toBody={(v) => ({ ...(v as TrainingBody), organiser: (v.organiser as string) ?? '' })}
        >
          <Form.Item label={t('agri.training.kind')} name="kind" rules={[{ required: true }]}>
            <Select
              options={TRAINING_KINDS.map((k) => ({ value: k, label: pickMsg(TRAINING_KIND_NAMES[k]) }))}
            />
          </Form.Item>
          <Form.Item label={t('agri.training.title')} name="title" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('agri.region')} name="regionCode" rules={[{ required: true }]}>
            <RegionSelect />
          </Form.Item>
          <Form.Item label={t('agri.training.heldOn')} name="heldOn" rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item label={t('agri.training.attendances')} name="attendances" rules={[{ required: true }]}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
          <Form.Item label={t('agri.training.organiser')} name="organiser">
            <Input />
          </Form.Item>
        </RecordForm>
      )}
    </>
  );
}
