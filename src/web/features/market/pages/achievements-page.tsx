import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, Select, Space, Upload } from 'antd';
import { useState } from 'react';
import {
  LISTING_STATUS_CODES,
  LISTING_STATUS_NAMES,
  MARKET_FIELD_CODES,
  MARKET_FIELD_NAMES,
  MATURITY_CODES,
  MATURITY_NAMES,
  SOURCE_CODES,
  SOURCE_NAMES,
} from '../../../../domain/market';
import { downloadFile } from '../../../app/api-client';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { useApiErrorHandler } from '../../../app/use-api-error';
import {
  type AchievementItem,
  exportPath,
  importTemplatePath,
  useAchievement,
  useAchievements,
  useImportAchievements,
} from '../api';
import { AchievementEditor } from '../components/achievement-editor';
import { FieldText, ModesText, Price, StatusTag } from '../components/labels';
import { ListingDrawer } from '../components/listing-drawer';

/** 成果库: achievements, checked and published by staff, matched to demands. */
export function AchievementsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const { modal, message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const list = useUrlListState<Record<string, string | undefined>>('-updatedAt');
  const achievements = useAchievements(list.params);
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const [viewing, setViewing] = useState<string>();
  const detail = useAchievement(viewing);
  const importer = useImportAchievements();
  const a = detail.data?.achievement;

  const upload = (file: File) => {
    importer
      .mutateAsync(file)
      .then((r) => {
        if (r.errors.length === 0) message.success(t('market.imported', { count: r.imported }));
        else
          modal.error({
            title: t('market.importErrors', { count: r.errors.length }),
            width: 640,
            content: (
              <ul style={{ maxHeight: 360, overflow: 'auto' }}>
                {r.errors.slice(0, 200).map((e) => (
                  <li key={`${e.row}-${e.column}`}>
                    {t('market.importRow', { row: e.row, column: e.column, message: pickMsg(e.message) })}
                  </li>
                ))}
              </ul>
            ),
          });
      })
      .catch((error) => onError(error));
    return false;
  };

  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  const option = <C extends string>(codes: readonly C[], names: Record<C, { zh: string; en: string }>) =>
    codes.map((c) => ({ value: c, label: pickMsg(names[c]) }));
  return (
    <>
      <ListPage
        title={t('menu.market.achievements')}
        name="market-achievement-filters"
        list={list}
        query={achievements}
        defaultHidden={['transferModes', 'source', 'price', 'regionName']}
        actionsWidth={80}
        columns={[
          { title: t('market.achievementTitle'), dataIndex: 'title', width: 260, ...sorted('title') },
          { title: t('market.owner'), dataIndex: 'ownerName', width: 200 },
          { title: t('market.region'), dataIndex: 'regionName', key: 'regionName', width: 90 },
          {
            title: t('market.field'),
            width: 110,
            ...sorted('field'),
            render: (_, r: AchievementItem) => <FieldText field={r.field} />,
          },
          {
            title: t('market.maturity'),
            width: 80,
            ...sorted('maturity'),
            render: (_, r: AchievementItem) => pickMsg(MATURITY_NAMES[r.maturity]),
          },
          {
            title: t('market.modes'),
            key: 'transferModes',
            width: 160,
            render: (_, r: AchievementItem) => <ModesText modes={r.transferModes} />,
          },
          {
            title: t('market.price'),
            key: 'price',
            width: 110,
            render: (_, r: AchievementItem) => <Price value={r.price} />,
          },
          {
            title: t('market.source'),
            key: 'source',
            width: 150,
            render: (_, r: AchievementItem) =>
              `${pickMsg(SOURCE_NAMES[r.source])}${r.sourceBatch ? ` ${r.sourceBatch}` : ''}`,
          },
          {
            title: t('market.status'),
            width: 90,
            ...sorted('status'),
            render: (_, r: AchievementItem) => <StatusTag status={r.status} />,
          },
          { title: t('market.publishedOn'), dataIndex: 'publishedOn', width: 110, ...sorted('publishedOn') },
        ]}
        filterFields={
          <>
            <Form.Item label={t('market.search')} name="q">
              <Input allowClear placeholder={t('market.searchPlaceholder')} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={t('market.field')} name="field">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 150 }}
                options={option(MARKET_FIELD_CODES, MARKET_FIELD_NAMES)}
              />
            </Form.Item>
            <Form.Item label={t('market.maturity')} name="maturity">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 110 }}
                options={option(MATURITY_CODES, MATURITY_NAMES)}
              />
            </Form.Item>
            <Form.Item label={t('market.source')} name="source">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 120 }}
                options={option(SOURCE_CODES, SOURCE_NAMES)}
              />
            </Form.Item>
            <Form.Item label={t('market.status')} name="status">
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 110 }}
                options={option(LISTING_STATUS_CODES, LISTING_STATUS_NAMES)}
              />
            </Form.Item>
          </>
        }
        actions={(r: AchievementItem) => (
          <Button type="link" size="small" onClick={() => setViewing(r.id)}>
            {t('market.view')}
          </Button>
        )}
        exportPath={exportPath('achievements')}
        extra={
          <Space>
            {can('market.manage') && (
              <>
                <Button icon={<DownloadOutlined />} onClick={() => downloadFile(importTemplatePath)}>
                  {t('market.importTemplate')}
                </Button>
                <Upload accept=".xlsx" showUploadList={false} beforeUpload={upload}>
                  <Button icon={<UploadOutlined />} loading={importer.isPending}>
                    {t('market.import')}
                  </Button>
                </Upload>
              </>
            )}
            {(can('market.post') || can('market.manage')) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
                {t('market.postAchievement')}
              </Button>
            )}
          </Space>
        }
        empty={{ filtered: t('market.emptyFiltered'), none: t('market.emptyNone') }}
      />
      {editing && <AchievementEditor id={editing.id} onClose={() => setEditing(null)} />}
      {viewing && (
        <ListingDrawer
          side="achievements"
          record={a}
          loading={detail.isLoading}
          abilities={detail.data?.abilities}
          interests={detail.data?.interests}
          onEdit={() => setEditing({ id: viewing })}
          onClose={() => setViewing(undefined)}
          items={
            a
              ? [
                  { label: t('market.owner'), children: a.ownerName },
                  { label: t('market.region'), children: a.regionName },
                  { label: t('market.field'), children: <FieldText field={a.field} /> },
                  { label: t('market.maturity'), children: pickMsg(MATURITY_NAMES[a.maturity]) },
                  { label: t('market.modes'), children: <ModesText modes={a.transferModes} /> },
                  { label: t('market.price'), children: <Price value={a.price} /> },
                  { label: t('market.inventors'), children: a.inventors.join('、') },
                  { label: t('market.patents'), children: a.patentNos.join('、') },
                  { label: t('market.keywords'), children: a.keywords.join('、') },
                  { label: t('market.version'), children: a.version },
                  { label: t('market.contactPerson'), children: a.contactPerson ?? '—' },
                  { label: t('market.contactPhone'), children: a.contactPhone ?? '—' },
                  { label: t('market.abstract'), children: a.abstract },
                ]
              : []
          }
        />
      )}
    </>
  );
}
