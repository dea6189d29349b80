import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  CONTRACT_STATUS,
  CONTRACT_STATUS_CODES,
  CONTRACT_TYPE_CODES,
  CONTRACT_TYPES,
  type ContractStatus,
} from '../../../../domain/tech-contracts';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { ImportDialog } from '../../../app/import-dialog';
import { NameCell } from '../../../app/list/cells';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { Money } from '../../../app/money';
import { RegionSelect, useOffersRegionFilter } from '../../registry/components/region-select';
import { type ContractItem, contractExportPath, useContracts } from '../api';
import { ContractForm } from '../components/contract-form';
import { chinaToday, DeadlineTag, StatusTag, useTypeLabel } from '../format';

/** 技术合同认定登记: the contracts the user's scope holds, with their registration state. */
export function ContractsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const navigate = useNavigate();
  const list = useUrlListState<Record<string, string | undefined>>('-updatedAt');
  const contracts = useContracts(list.params);
  const typeLabel = useTypeLabel();
  const offersRegion = useOffersRegionFilter();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const today = chinaToday();
  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });

  return (
    <>
      <ListPage
        title={t('menu.contracts.list')}
        name="contract-filters"
        list={list}
        query={contracts}
        defaultHidden={['type', 'buyerName', 'signedOn', 'techAmount', 'regionName']}
        actionsWidth={80}
        columns={[
          {
            title: t('contracts.title'),
            width: 220,
            ...sorted('title'),
            render: (_, c: ContractItem) => (
              <NameCell to={`/contracts/${c.id}`} name={c.title} code={c.registrationNo ?? undefined} />
            ),
          },
          {
            title: t('contracts.type'),
            key: 'type',
            width: 150,
            render: (_, c: ContractItem) => typeLabel(c.typeCode, c.subTypeCode),
          },
          { title: t('contracts.seller'), dataIndex: 'sellerName', width: 150 },
          { title: t('contracts.buyer'), dataIndex: 'buyerName', key: 'buyerName', width: 160 },
          { title: t('contracts.region'), dataIndex: 'regionName', key: 'regionName', width: 100 },
          {
            title: t('contracts.contractAmount'),
            align: 'right',
            width: 130,
            ...sorted('contractAmount'),
            render: (_, c: ContractItem) => <Money value={c.contractAmount} />,
          },
          {
            title: t('contracts.techAmount'),
            align: 'right',
            width: 130,
            ...sorted('techAmount'),
            render: (_, c: ContractItem) => <Money value={c.techAmount} />,
          },
          { title: t('contracts.signedOn'), dataIndex: 'signedOn', ...sorted('signedOn') },
          {
            title: t('contracts.status'),
            width: 120,
            ...sorted('status'),
            render: (_, c: ContractItem) => <StatusTag status={c.status} />,
          },
          {
            title: t('contracts.decisionDue'),
            key: 'decisionDue',
            width: 150,
            render: (_, c: ContractItem) => <DeadlineTag due={c.decisionDue} today={today} />,
          },
          {
            title: t('contracts.registeredOn'),
            dataIndex: 'registeredOn',
            ...sorted('registeredOn'),
          },
        ]}
        filterFields={
          <>
            <Form.Item label={t('contracts.search')} name="q">
              <Input allowClear placeholder={t('contracts.searchPlaceholder')} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item label={t('contracts.status')} name="status">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 150 }}
                options={CONTRACT_STATUS_CODES.map((s: ContractStatus) => ({
                  value: s,
                  label: pickMsg(CONTRACT_STATUS[s]),
                }))}
              />
            </Form.Item>
            <Form.Item label={t('contracts.type')} name="typeCode">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 130 }}
                options={CONTRACT_TYPE_CODES.map((c) => ({
                  value: c,
                  label: pickMsg(CONTRACT_TYPES[c].name),
                }))}
              />
            </Form.Item>
            {offersRegion && (
              <Form.Item label={t('contracts.region')} name="regionCode">
                <RegionSelect style={{ width: 160 }} />
              </Form.Item>
            )}
            <Form.Item label={t('contracts.year')} name="year">
              <InputNumber min={1990} max={2100} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item label={t('contracts.deadline')} name="deadline">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 120 }}
                options={[
                  { value: 'overdue', label: t('contracts.overdue') },
                  { value: 'due_soon', label: t('contracts.dueSoon') },
                ]}
              />
            </Form.Item>
          </>
        }
        actions={(c: ContractItem) => <Link to={`/contracts/${c.id}`}>{t('contracts.view')}</Link>}
        exportPath={contractExportPath}
        extra={
          <>
            {can('contracts.import') && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('contracts.import')}
              </Button>
            )}
            {can('contracts.submit') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('contracts.create')}
              </Button>
            )}
          </>
        }
        empty={{ filtered: t('contracts.emptyFiltered'), none: t('contracts.emptyNone') }}
      />
      {importing && (
        <ImportDialog
          title={t('contracts.import')}
          endpoint="/api/v1/contracts/import"
          templatePath="/api/v1/contracts/import/template.xlsx"
          queryKey={['contracts']}
          onClose={() => setImporting(false)}
        />
      )}
      {creating && (
        <ContractForm
          onClose={(id) => {
            setCreating(false);
            if (id) navigate(`/contracts/${id}`);
          }}
        />
      )}
    </>
  );
}
