import { Button, Space, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { LEVEL_NAMES } from '../../../../domain/registry';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { NameCell } from '../../../app/list/cells';
import { ListPage, type ListPageProps } from '../../../app/list/list-page';
import type { UrlListState } from '../../../app/list/use-list-state';
import type { Qualification } from '../api';
import { QualificationFormModal } from './qualification-form-modal';
import { QualificationStateTag, qualificationState, useQualificationTypeName } from './qualification-tags';
import { useRegionName } from './region-select';
import { RevokeQualificationModal } from './revoke-qualification-modal';

type Dialog = { kind: 'edit'; q: Qualification } | { kind: 'revoke'; q: Qualification } | null;

/** The certificate number is for those who look for it (the search finds it anyway). */
const SECONDARY = ['certificateNo'];

function useQualificationColumns(
  list: Pick<UrlListState<object>, 'sortOrderOf'>,
  daysLeftFrom: string | undefined,
): TableColumnsType<Qualification> {
  const t = useT();
  const regionName = useRegionName();
  const pickMsg = useMsg();
  const typeName = useQualificationTypeName();
  const sorted = (key: string) => ({ key, dataIndex: key, sorter: true, sortOrder: list.sortOrderOf(key) });
  return [
    {
      title: t('registry.qual.org'),
      ...sorted('orgName'),
      render: (_, q) => (
        <NameCell to={`/registry/orgs/${q.orgId}?tab=qualifications`} name={q.orgName} code={q.uscc} />
      ),
    },
    {
      title: t('registry.org.region'),
      dataIndex: 'regionName',
      key: 'regionName',
      render: (name: string, row) => regionName(row.regionCode, name),
    },
    { title: t('registry.qual.type'), ...sorted('typeCode'), render: (code: string) => typeName(code) },
    {
      title: t('registry.qual.level'),
      dataIndex: 'level',
      key: 'level',
      render: (l: Qualification['level']) => (l ? pickMsg(LEVEL_NAMES[l]) : '—'),
    },
    {
      title: t('registry.qual.certificateNo'),
      dataIndex: 'certificateNo',
      key: 'certificateNo',
      render: (v: string | null) => (v ? <span style={{ fontFamily: 'monospace' }}>{v}</span> : '—'),
    },
    { title: t('registry.qual.issuedOn'), ...sorted('issuedOn') },
    {
      title: t('registry.qual.validUntil'),
      ...sorted('validUntil'),
      render: (v: string | null) => v ?? t('registry.qual.noEnd'),
    },
    // On the expiry list every row is valid on its base date; the days left say the rest.
    daysLeftFrom
      ? {
          title: t('registry.expiry.daysLeft'),
          key: 'daysLeft',
          align: 'right' as const,
          render: (_: unknown, q: Qualification) => {
            if (!q.validUntil) return '—';
            const days = dayjs(q.validUntil).diff(dayjs(daysLeftFrom), 'day');
            return <Tag color={days <= 30 ? 'red' : days <= 60 ? 'orange' : 'gold'}>{days}</Tag>;
          },
        }
      : {
          title: t('registry.qual.state'),
          key: 'state',
          render: (_: unknown, q: Qualification) => <QualificationStateTag q={q} />,
        },
  ];
}

type Props<F extends object, V extends object> = Omit<
  ListPageProps<Qualification, F, V>,
  'columns' | 'actions' | 'actionsWidth' | 'defaultHidden' | 'list'
> & {
  list: UrlListState<F>;
  /** The expiry list counts the days left from this date (its base date). */
  daysLeftFrom?: string;
};

/**
 * 资质 and 到期提醒: qualifications with their holder, validity and state on ListPage; writers
 * correct or revoke from the row.
 */
export function QualificationList<F extends object, V extends object>({
  daysLeftFrom,
  ...props
}: Props<F, V>) {
  const t = useT();
  const { can } = useAuth();
  const [dialog, setDialog] = useState<Dialog>(null);
  const columns = useQualificationColumns(props.list, daysLeftFrom);

  return (
    <>
      <ListPage<Qualification, F, V>
        {...props}
        columns={columns}
        defaultHidden={SECONDARY}
        actionsWidth={120}
        actions={
          can('registry.write')
            ? (q) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', q })}>
                    {t('common.edit')}
                  </Button>
                  {!q.revoked && qualificationState(q) !== 'expired' && (
                    <Button type="link" size="small" danger onClick={() => setDialog({ kind: 'revoke', q })}>
                      {t('registry.qual.revoke')}
                    </Button>
                  )}
                </Space>
              )
            : undefined
        }
      />
      {dialog?.kind === 'edit' && (
        <QualificationFormModal
          orgId={dialog.q.orgId}
          orgName={dialog.q.orgName}
          qualification={dialog.q}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'revoke' && (
        <RevokeQualificationModal qualification={dialog.q} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
