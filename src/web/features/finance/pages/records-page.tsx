import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { Alert, App as AntApp, Button, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import {
  BOARD_NAMES,
  INSTRUMENT_NAMES,
  INSTRUMENTS,
  KIND_INSTITUTIONS,
  type RecordKind,
  ROUND_NAMES,
} from '../../../../domain/finance';
import { useAuth } from '../../../app/auth-context';
import { type MessageKey, useMsg, useT } from '../../../app/i18n';
import { ImportDialog } from '../../../app/import-dialog';
import { NameCell } from '../../../app/list/cells';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { Money } from '../../../app/money';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { RegionSelect, useOffersRegionFilter } from '../../registry/components/region-select';
import {
  type RecordItem,
  recordsExportPath,
  useDeleteRecord,
  useFinanceRecords,
  useInstitutions,
  useMyInstitution,
} from '../api';
import { RecordEditor } from '../components/record-editor';

const MENU_KEY: Record<RecordKind, MessageKey> = {
  credit: 'menu.finance.credit',
  loan: 'menu.finance.loan',
  listing: 'menu.finance.listing',
  investment: 'menu.finance.investment',
  insurance: 'menu.finance.insurance',
  pledge: 'menu.finance.pledge',
};

/** The institutions that hold records of a kind, for the filter and the editor. */
export function useKindInstitutions(kind: RecordKind) {
  const all = useInstitutions({ pageSize: 200 });
  return (all.data?.items ?? []).filter((i) => KIND_INSTITUTIONS[kind].includes(i.type));
}

/** One kind of 科技金融 record on ListPage: the columns the kind has, its editor, its import. */
function RecordsPage({ kind }: { kind: RecordKind }) {
  const t = useT();
  const pickMsg = useMsg();
  const { can, me } = useAuth();
  const { modal } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const list = useUrlListState<Record<string, string | undefined>>('-startOn', { fixed: { kind } });
  const records = useFinanceRecords(list.params);
  const remove = useDeleteRecord();
  const myQuery = useMyInstitution();
  const mine = myQuery.data?.institution;
  const institutions = useKindInstitutions(kind);
  const offersRegion = useOffersRegionFilter();
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const canManage = can('finance.manage');
  const isInstitutionUser = !!mine;
  const k = (key: string) => t(`${key}.${kind}` as MessageKey);

  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  const amount = (title: string, key: 'amount' | 'cover') => ({
    title,
    key,
    align: 'right' as const,
    width: 130,
    ...(key === 'amount' ? sorted('amount') : {}),
    render: (_: unknown, r: RecordItem) => <Money value={r[key]} />,
  });
  const columns: TableColumnsType<RecordItem> = [
    {
      title: t('finance.enterprise'),
      width: 240,
      ...sorted('enterpriseName'),
      render: (_, r) => <NameCell name={r.enterpriseName} code={r.enterpriseUscc} />,
    },
    ...(kind === 'pledge'
      ? [
          {
            title: t('finance.appNo'),
            key: 'appNo',
            width: 200,
            render: (_: unknown, r: RecordItem) => <NameCell name={r.appNo} code={r.patentTitle} />,
          },
        ]
      : []),
    {
      title: t('finance.institution'),
      dataIndex: 'institutionName',
      width: 200,
      ...sorted('institutionName'),
    },
    { title: t('finance.region'), key: 'regionName', dataIndex: 'regionName', width: 100 },
    { title: k('finance.startOn'), dataIndex: 'startOn', width: 110, ...sorted('startOn') },
    ...(kind === 'credit'
      ? [
          {
            title: t('finance.instrument'),
            key: 'instrument',
            width: 150,
            render: (_: unknown, r: RecordItem) =>
              r.instrument && (
                <Tag color={r.instrument === 'hte_fund' ? 'blue' : 'default'}>
                  {pickMsg(INSTRUMENT_NAMES[r.instrument])}
                </Tag>
              ),
          },
        ]
      : []),
    ...(kind === 'listing'
      ? [
          {
            title: t('finance.board'),
            key: 'board',
            width: 100,
            render: (_: unknown, r: RecordItem) => r.board && pickMsg(BOARD_NAMES[r.board]),
          },
        ]
      : [amount(k('finance.amount'), 'amount')]),
    ...(kind === 'insurance' ? [amount(t('finance.cover'), 'cover')] : []),
    ...(kind === 'investment'
      ? [
          {
            title: t('finance.round'),
            key: 'round',
            width: 90,
            render: (_: unknown, r: RecordItem) => r.round && pickMsg(ROUND_NAMES[r.round]),
          },
        ]
      : []),
    ...(kind === 'credit' || kind === 'loan'
      ? [
          {
            title: t('finance.termMonths'),
            key: 'termMonths',
            dataIndex: 'termMonths',
            width: 90,
            align: 'right' as const,
          },
          {
            title: t('finance.guaranteeFree'),
            key: 'guaranteeFree',
            width: 90,
            render: (_: unknown, r: RecordItem) => (r.guaranteeFree ? t('finance.yes') : t('finance.no')),
          },
        ]
      : []),
    ...(kind === 'insurance' || kind === 'pledge'
      ? [
          {
            title: k('finance.endOn'),
            key: 'endOn',
            width: 110,
            render: (_: unknown, r: RecordItem) =>
              kind === 'pledge' ? (
                r.endOn ? (
                  <Space size={4}>
                    <Tag>{t('finance.released')}</Tag>
                    {r.endOn}
                  </Space>
                ) : (
                  <Tag color="orange">{t('finance.active')}</Tag>
                )
              ) : (
                r.endOn
              ),
          },
        ]
      : []),
    {
      title: k('finance.refNo'),
      key: 'refNo',
      width: 150,
      render: (_, r) => (
        <Space size={4} wrap>
          {r.refNo ?? '—'}
          {r.source === 'import' && <Tag>{t('finance.source.import')}</Tag>}
        </Space>
      ),
    },
  ];

  const confirmDelete = (r: RecordItem) =>
    modal.confirm({
      title: t('finance.deleteConfirm', { name: r.enterpriseName }),
      okButtonProps: { danger: true },
      onOk: () => remove.mutateAsync(r.id).catch((error) => onError(error)),
    });

  return (
    <>
      <ListPage
        title={t(MENU_KEY[kind])}
        name={`finance-${kind}-filters`}
        list={list}
        query={records}
        columns={columns}
        defaultHidden={kind === 'pledge' ? ['regionName', 'refNo'] : ['refNo', 'termMonths', 'guaranteeFree']}
        actionsWidth={110}
        notice={
          isInstitutionUser ? (
            <Alert type="info" showIcon title={t('finance.ownInstitution', { name: mine.name })} />
          ) : me?.role === 'financier' && myQuery.isSuccess ? (
            <Alert type="warning" showIcon title={t('finance.noInstitution')} />
          ) : undefined
        }
        filterFields={
          <>
            <Form.Item label={t('finance.search')} name="q">
              <Input allowClear placeholder={t('finance.searchPlaceholder')} style={{ width: 220 }} />
            </Form.Item>
            {!isInstitutionUser && (
              <Form.Item label={t('finance.institution')} name="institutionId">
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('common.all')}
                  style={{ width: 200 }}
                  options={institutions.map((i) => ({ value: i.id, label: i.name }))}
                />
              </Form.Item>
            )}
            {kind === 'credit' && (
              <Form.Item label={t('finance.instrument')} name="instrument">
                <Select
                  allowClear
                  placeholder={t('common.all')}
                  style={{ width: 190 }}
                  options={INSTRUMENTS.map((c) => ({ value: c, label: pickMsg(INSTRUMENT_NAMES[c]) }))}
                />
              </Form.Item>
            )}
            {offersRegion && (
              <Form.Item label={t('finance.region')} name="regionCode">
                <RegionSelect style={{ width: 150 }} />
              </Form.Item>
            )}
            <Form.Item label={t('finance.year')} name="year">
              <InputNumber min={1990} max={2100} style={{ width: 90 }} />
            </Form.Item>
          </>
        }
        actions={
          canManage
            ? (r: RecordItem) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing({ id: r.id })}>
                    {t('common.edit')}
                  </Button>
                  <Button type="link" size="small" danger onClick={() => confirmDelete(r)}>
                    {t('finance.delete')}
                  </Button>
                </Space>
              )
            : undefined
        }
        exportPath={recordsExportPath}
        extra={
          <>
            {kind === 'credit' && can('finance.import') && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('finance.import')}
              </Button>
            )}
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
                {t('finance.create')}
              </Button>
            )}
          </>
        }
        empty={{ filtered: t('finance.emptyFiltered'), none: t('finance.emptyNone') }}
      />
      {editing && <RecordEditor kind={kind} id={editing.id} onClose={() => setEditing(null)} />}
      {importing && (
        <ImportDialog
          title={t('finance.import')}
          endpoint="/api/v1/finance/records/import"
          templatePath="/api/v1/finance/records/import/template.xlsx"
          queryKey={['finance']}
          onClose={() => setImporting(false)}
        />
      )}
    </>
  );
}

export const CreditPage = () => <RecordsPage kind="credit" />;
export const LoanPage = () => <RecordsPage kind="loan" />;
export const ListingPage = () => <RecordsPage kind="listing" />;
export const InvestmentPage = () => <RecordsPage kind="investment" />;
export const InsurancePage = () => <RecordsPage kind="insurance" />;
export const PledgePage = () => <RecordsPage kind="pledge" />;
