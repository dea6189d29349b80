import { Alert, Form, Input, Select } from 'antd';
import { TARGET_KIND_NAMES, TARGET_KINDS, type TargetKind } from '../../../../domain/indicators';
import { FormModal, useSaved } from '../../../app/form-modal';
import { useLocale, useMsg, useT } from '../../../app/i18n';
import { type Target, useCatalogue, useIndicatorMap, usePutTarget } from '../api';
import { groupRows, unitOf } from '../format';
import { PlanRegionSelect, usePlanRegions } from './plan-region-select';

interface TargetFormValues {
  indicatorCode: string;
  regionCode: string;
  kind: TargetKind;
  /** Decimal text, never a float: 5.3, 15, 30000. */
  value?: string;
  note?: string;
}

/** What the server takes: up to 16 digits and 4 decimals; a growth may be negative. */
const DECIMAL = /^-?\d{1,16}(\.\d{1,4})?$/;

/**
 * Sets one target of the year: a level, a growth in percent, an increment or "rising". Saving a
 * target for an indicator and region that already has one replaces it (the server keeps one).
 */
export function TargetFormModal({
  year,
  target,
  preset,
  existing,
  onClose,
}: {
  year: number;
  /** The target being edited; its indicator and region are then fixed. */
  target?: Target;
  /** A new target's indicator and region, when opened from a county row. */
  preset?: { indicatorCode: string; regionCode: string };
  existing: readonly Target[];
  onClose: () => void;
}) {
  const t = useT();
  const pickMsg = useMsg();
  const { locale } = useLocale();
  const [form] = Form.useForm<TargetFormValues>();
  const saved = useSaved(form, onClose);
  const catalogue = useCatalogue();
  const indicators = useIndicatorMap();
  const regions = usePlanRegions();
  const put = usePutTarget();

  const kind = Form.useWatch('kind', form);
  const indicatorCode = Form.useWatch('indicatorCode', form);
  const regionCode = Form.useWatch('regionCode', form);
  const info = indicators.get(indicatorCode);
  const replaces =
    !target && existing.find((x) => x.indicatorCode === indicatorCode && x.regionCode === regionCode);

  const onFinish = (values: TargetFormValues) => {
    put.mutate(
      {
        year,
        indicatorCode: values.indicatorCode,
        regionCode: values.regionCode,
        kind: values.kind,
        value: values.kind === 'rising' ? null : (values.value?.trim() ?? null),
        note: values.note?.trim() || null,
      },
      saved(t('common.saved')),
    );
  };

  const indicatorOptions = groupRows(catalogue.data ?? [], indicators).map((g) => ({
    label: t(`plan.group.${g.key}`),
    options: g.rows.map((i) => ({
      value: i.code,
      label: `${locale === 'en' ? i.nameEn : i.name}（${i.code}）`,
    })),
  }));

  return (
    <FormModal<TargetFormValues>
      form={form}
      name="target-form"
      title={
        target
          ? t('plan.targets.editOf', {
              name: locale === 'en' ? (info?.nameEn ?? target.indicatorName) : target.indicatorName,
              region: regions.nameOf(target.regionCode, target.regionName),
            })
          : t('plan.targets.createFor', { year })
      }
      saving={put.isPending}
      width={600}
      onFinish={onFinish}
      onClose={onClose}
      initialValues={
        target
          ? {
              indicatorCode: target.indicatorCode,
              regionCode: target.regionCode,
              kind: target.kind,
              value: target.value ?? undefined,
              note: target.note ?? undefined,
            }
          : {
              kind: 'absolute',
              regionCode: preset?.regionCode ?? regions.home,
              indicatorCode: preset?.indicatorCode,
            }
      }
    >
      <Form.Item
        label={t('plan.indicator')}
        name="indicatorCode"
        rules={[{ required: true, message: t('plan.form.indicatorRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          disabled={Boolean(target || preset)}
          loading={catalogue.isLoading}
          placeholder={t('common.select')}
          options={indicatorOptions}
        />
      </Form.Item>
      <Form.Item
        label={t('plan.region')}
        name="regionCode"
        rules={[{ required: true, message: t('plan.form.regionRequired') }]}
      >
        {target || preset ? <RegionName /> : <PlanRegionSelect style={{ width: '100%' }} />}
      </Form.Item>
      <Form.Item
        label={t('plan.targets.kind')}
        name="kind"
        rules={[{ required: true, message: t('plan.targets.kindRequired') }]}
      >
        <Select options={TARGET_KINDS.map((k) => ({ value: k, label: pickMsg(TARGET_KIND_NAMES[k]) }))} />
      </Form.Item>
      {kind !== 'rising' && (
        <Form.Item
          label={t('plan.targets.value')}
          name="value"
          extra={t(`plan.targets.valueHint.${kind ?? 'absolute'}`)}
          rules={[
            { required: true, whitespace: true, message: t('plan.targets.valueRequired') },
            { pattern: DECIMAL, message: t('plan.form.decimalPattern') },
          ]}
        >
          <Input
            inputMode="decimal"
            suffix={kind === 'increase_pct' ? '%' : unitOf(info, locale) || undefined}
            style={{ width: 240 }}
          />
        </Form.Item>
      )}
      <Form.Item label={t('plan.targets.note')} name="note" rules={[{ max: 300 }]}>
        <Input.TextArea rows={2} placeholder={t('plan.targets.notePlaceholder')} />
      </Form.Item>
      {replaces && <Alert type="warning" showIcon title={t('plan.targets.replaces')} />}
    </FormModal>
  );
}

/** A fixed region, shown by name (the form still carries its code). */
function RegionName({ value }: { value?: string }) {
  const regions = usePlanRegions();
  return <Input value={value ? regions.nameOf(value) : ''} disabled />;
}
