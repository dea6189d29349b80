import { Button, Form, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import {
  REGISTRATION_KIND_NAMES,
  REGISTRATION_KINDS,
  REGISTRATION_STATUS_CODES,
  REGISTRATION_STATUS_NAMES,
} from '../../../../domain/onboarding';
import { useMsg, useT } from '../../../app/i18n';
import { DayCell, NameCell } from '../../../app/list/cells';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { type RegistrationItem, registrationsExportPath, useRegistrations } from '../api';
import { RegistrationDrawer } from '../components/registration-drawer';
import { StatusTag } from '../components/status-tag';

/** 注册审核: the requests of the reviewer's scope, pending first by default. */
export function RegistrationsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const list = useUrlListState<Record<string, string | undefined>>('-submittedAt');
  const registrations = useRegistrations(list.params);
  const [open, setOpen] = useState<string | null>(null);
  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  return (
    <>
      <ListPage
        title={t('menu.onboarding.registrations')}
        name="registration-filters"
        list={list}
        query={registrations}
        notice={t('onboarding.reviewNotice')}
        columns={[
          {
            title: t('onboarding.name'),
            width: 280,
            ...sorted('name'),
            render: (_, r: RegistrationItem) => (
              <NameCell
                name={
                  <Space size={4} wrap>
                    <span>{r.name}</span>
                    {r.nameMismatch && <Tag color="orange">{t('onboarding.nameMismatch')}</Tag>}
                  </Space>
                }
                code={r.uscc ?? r.trackingNo}
              />
            ),
          },
          { title: t('onboarding.trackingNo'), dataIndex: 'trackingNo', width: 170, ...sorted('trackingNo') },
          {
            title: t('onboarding.kind'),
            key: 'kind',
            width: 110,
            render: (_, r: RegistrationItem) => pickMsg(REGISTRATION_KIND_NAMES[r.kind]),
          },
          { title: t('onboarding.region'), dataIndex: 'regionName', width: 110 },
          {
            title: t('onboarding.contactName'),
            key: 'contact',
            width: 130,
            render: (_, r: RegistrationItem) => <NameCell name={r.contactName} code={r.contactMobile} />,
          },
          {
            title: t('onboarding.status'),
            width: 100,
            ...sorted('status'),
            render: (_, r: RegistrationItem) => <StatusTag status={r.status} />,
          },
          {
            title: t('onboarding.submittedAt'),
            width: 110,
            ...sorted('submittedAt'),
            render: (_, r: RegistrationItem) => <DayCell value={r.submittedAt} />,
          },
        ]}
        defaultHidden={['trackingNo']}
        filterFields={
          <>
            <Form.Item label={t('onboarding.search')} name="q">
              <Input allowClear placeholder={t('onboarding.searchPlaceholder')} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item label={t('onboarding.kind')} name="kind">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 140 }}
                options={REGISTRATION_KINDS.map((k) => ({
                  value: k,
                  label: pickMsg(REGISTRATION_KIND_NAMES[k]),
                }))}
              />
            </Form.Item>
            <Form.Item label={t('onboarding.status')} name="status">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 120 }}
                options={REGISTRATION_STATUS_CODES.map((s) => ({
                  value: s,
                  label: pickMsg(REGISTRATION_STATUS_NAMES[s]),
                }))}
              />
            </Form.Item>
          </>
        }
        actionsWidth={80}
        actions={(r: RegistrationItem) => (
          <Button type="link" size="small" onClick={() => setOpen(r.id)}>
            {t('onboarding.view')}
          </Button>
        )}
        exportPath={registrationsExportPath}
        empty={{ filtered: t('onboarding.emptyFiltered'), none: t('onboarding.emptyNone') }}
      />
      {open && <RegistrationDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}
