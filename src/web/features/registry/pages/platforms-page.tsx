import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { PLATFORM_KIND_CODES, PLATFORM_KIND_NAMES } from '../../../../domain/registry';
import { useAuth } from '../../../app/auth-context';
import { useMsg, useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { FacilityEndModal } from '../components/facility-end-modal';
import { FacilityFilterFields } from '../components/facility-filter-fields';
import { FacilityFormModal } from '../components/facility-form-modal';
import { FacilityActions, facilityForm, useFacilityColumns } from '../components/facility-list';
import { facilityExportPaths, type Platform, type PlatformListQuery, usePlatforms } from '../facilities-api';

type Dialog = { kind: 'create' } | { kind: 'edit'; p: Platform } | { kind: 'end'; p: Platform } | null;

/** 研发平台: engineering centres, technology centres, key labs, national platforms, new-type institutes. */
export function PlatformsPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { can } = useAuth();
  const list = useUrlListState<Record<string, string | undefined>>('-recognizedOn');
  const platforms = usePlatforms(list.params as PlatformListQuery);
  const [dialog, setDialog] = useState<Dialog>(null);
  const canWrite = can('registry.write');
  const columns = useFacilityColumns<Platform>(list, {
    kindTitle: t('registry.facility.platformKind'),
    kindName: (p) => pickMsg(PLATFORM_KIND_NAMES[p.kind]),
    owner: {
      title: t('registry.platform.host'),
      key: 'hostOrgName',
      name: (p) => p.hostOrgName,
      id: (p) => p.hostOrgId,
      tab: 'platforms',
    },
  });

  return (
    <>
      <ListPage
        title={t('menu.registry.platforms')}
        name="platform-filters"
        list={list}
        query={platforms}
        columns={columns}
        {...facilityForm}
        filterFields={
          <FacilityFilterFields
            kindOptions={PLATFORM_KIND_CODES.map((k) => ({
              value: k,
              label: pickMsg(PLATFORM_KIND_NAMES[k]),
            }))}
          />
        }
        actions={
          canWrite
            ? (p) => (
                <FacilityActions
                  row={p}
                  canWrite
                  onEdit={() => setDialog({ kind: 'edit', p })}
                  onEnd={() => setDialog({ kind: 'end', p })}
                />
              )
            : undefined
        }
        exportPath={facilityExportPaths.platforms}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              {t('registry.platform.create')}
            </Button>
          )
        }
        empty={{
          filtered: t('registry.facility.emptyFiltered'),
          none: canWrite ? t('registry.platform.emptyWriter') : t('registry.facility.emptyReader'),
        }}
      />
      {dialog?.kind === 'create' && <FacilityFormModal variant="platform" onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && (
        <FacilityFormModal variant="platform" record={dialog.p} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'end' && (
        <FacilityEndModal variant="platform" record={dialog.p} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
