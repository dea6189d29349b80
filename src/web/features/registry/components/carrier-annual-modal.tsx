import { useMemo } from 'react';
import { useT } from '../../../app/i18n';
import { type CarrierAnnualBody, useCarrier, useSaveCarrierAnnual } from '../facilities-api';
import { type YearlyField, YearlyFiguresModal } from './yearly-figures-modal';

const FIELDS = ['startupsServed', 'teamsServed', 'areaM2', 'incubatees', 'graduates'] as const;
const REQUIRED = new Set<string>(['startupsServed', 'teamsServed']);

/** 孵化载体年度数据: startups and teams served, area, incubatees and graduates, by year. */
export function CarrierAnnualModal({ carrierId, onClose }: { carrierId: string; onClose: () => void }) {
  const t = useT();
  const detail = useCarrier(carrierId);
  const save = useSaveCarrierAnnual(carrierId);
  const fields = useMemo(
    () =>
      FIELDS.map(
        (f): YearlyField<(typeof FIELDS)[number]> => ({
          key: f,
          label: t(`registry.carrier.${f}`),
          kind: 'count',
          required: REQUIRED.has(f),
        }),
      ),
    [t],
  );
  return (
    <YearlyFiguresModal
      title={t('registry.carrier.annualTitle', { name: detail.data?.carrier.name ?? '' })}
      name="carrier-annual-form"
      width={760}
      load={detail}
      annual={detail.data?.annual ?? []}
      canEdit={detail.data?.abilities.edit ?? false}
      emptyText={t('registry.carrier.noAnnual')}
      fields={fields}
      saving={save.isPending}
      save={(year, body, done) => save.mutate({ year, body: body as CarrierAnnualBody }, done)}
      onClose={onClose}
    />
  );
}
