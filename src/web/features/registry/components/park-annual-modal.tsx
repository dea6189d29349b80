import { useMemo } from 'react';
import { useT } from '../../../app/i18n';
import { type ParkAnnualBody, usePark, useSaveParkAnnual } from '../facilities-api';
import { type YearlyField, YearlyFiguresModal } from './yearly-figures-modal';

type ParkField = 'industrialOutput' | 'enterprises' | 'hteCount';

/** 园区年度数据: 工业总产值 (万元, exact), enterprises and 高企 in the park, by year. */
export function ParkAnnualModal({ parkId, onClose }: { parkId: string; onClose: () => void }) {
  const t = useT();
  const detail = usePark(parkId);
  const save = useSaveParkAnnual(parkId);
  const fields = useMemo(
    (): YearlyField<ParkField>[] => [
      { key: 'industrialOutput', label: t('registry.park.industrialOutput'), kind: 'wan', span: 8 },
      { key: 'enterprises', label: t('registry.park.enterprises'), kind: 'count', span: 5 },
      { key: 'hteCount', label: t('registry.park.hteCount'), kind: 'count', span: 5 },
    ],
    [t],
  );
  return (
    <YearlyFiguresModal
      title={t('registry.park.annualTitle', { name: detail.data?.park.name ?? '' })}
      name="park-annual-form"
      width={720}
      load={detail}
      annual={detail.data?.annual ?? []}
      canEdit={detail.data?.abilities.editAnnual ?? false}
      emptyText={t('registry.park.noAnnual')}
      fields={fields}
      saving={save.isPending}
      save={(year, body, done) => save.mutate({ year, body: body as ParkAnnualBody }, done)}
      onClose={onClose}
    />
  );
}
