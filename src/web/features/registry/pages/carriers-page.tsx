import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { CARRIER_KIND_CODES, CARRIER_KIND_NAMES } from '../../../../domain/registry';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { CarrierAnnualModal } from '../components/carrier-annual-modal';
import { FacilityEndModal } from '../components/facility-end-modal';
import { FacilityFilterFields } from '../components/facility-filter-fields';
import { FacilityFormModal } from '../components/facility-form-modal';
import { FacilityActions, facilityForm, useFacilityColumns } from '../components/facility-list';
import { type Carrier, type CarrierListQuery, facilityExportPaths, useCarriers } from '../facilities-api';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; p: Carrier }
  | { kind: 'end'; p: Carrier }
  | { kind: 'annual'; p: Carrier }
  | null;

/** 孵化载体: maker spaces, incubators, accelerators and 星创天地, with startups and teams served by year. */
export function CarriersPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const list = useUrlListState<Record<string, string | undefined>>('-recognizedOn');
  const carriers = useCarriers(list.params as CarrierListQuery);
  const [dialog, setDialog] = useState<Dialog>(null);
  const canWrite = can('registry.write');
  const columns = useFacilityColumns<Carrier>(list, {
    kindTitle: t('registry.facility.carrierKind'),
    kindName: (c) => pickMsg(CARRIER_KIND_NAMES[c.kind]),
    owner: {
      title: t('registry.carrier.operator'),
      key: 'operatorOrgName',
      name: (c) => c.operatorOrgName,
      id: (c) => c.operatorOrgId,
      tab: 'carriers',
    },
    extra: [
      {
        title: t('registry.carrier.latestFigures'),
        key: 'figures',
        render: (_, c) =>
          c.latestYear === null
            ? '—'
            : t('registry.carrier.figuresLine', {
                year: c.latestYear,
                startups: c.startupsServed ?? '—',
                teams: c.teamsServed ?? '—',
              }),
      },
    ],
  });

  return (
    <>
      <ListPage
        title={t('menu.registry.carriers')}
        name="carrier-filters"
        list={list}
        query={carriers}
        columns={columns}
        {...facilityForm}
        filterFields={
          <FacilityFilterFields
            kindOptions={CARRIER_KIND_CODES.map((k) => ({ value: k, label: pickMsg(CARRIER_KIND_NAMES[k]) }))}
          />
        }
        actions={(c) => (
          <FacilityActions
            row={c}
            canWrite={canWrite}
            onEdit={() => setDialog({ kind: 'edit', p: c })}
            onEnd={() => setDialog({ kind: 'end', p: c })}
            before={
              <Button type="link" size="small" onClick={() => setDialog({ kind: 'annual', p: c })}>
                {t('registry.carrier.annual')}
              </Button>
            }
          />
        )}
        exportPath={facilityExportPaths.carriers}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              {t('registry.carrier.create')}
            </Button>
          )
        }
        empty={{
          filtered: t('registry.facility.emptyFiltered'),
          none: canWrite ? t('registry.carrier.emptyWriter') : t('registry.facility.emptyReader'),
        }}
      />
      {dialog?.kind === 'create' && <FacilityFormModal variant="carrier" onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && (
        <FacilityFormModal variant="carrier" record={dialog.p} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'end' && (
        <FacilityEndModal variant="carrier" record={dialog.p} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'annual' && (
        <CarrierAnnualModal carrierId={dialog.p.id} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
