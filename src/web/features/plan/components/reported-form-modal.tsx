import { Alert, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal, useSaved } from '../../../app/form-modal';
import { useLocale, useT } from '../../../app/i18n';
import { type ReportedValue, useCatalogue, useIndicatorMap, useSaveReported } from '../api';
import { groupRows, unitOf } from '../format';
import { PlanRegionSelect, usePlanRegions } from './plan-region-select';

interface ReportedFormValues {
  indicatorCode: string;
  year: number;
  regionCode: string;
  /** Decimal text as the source prints it: never a float. */
  value: string;
  source: string;
  sourceDate?: Dayjs | null;
  vintage?: string;
  note?: string;
}

/** Non-negative, up to 16 digits and 4 decimals: what the server stores exactly. */
const VALUE = /^\d{1,16}(\.\d{1,4})?$/;

/**
 * Enters a reported figure (GDP, R&D spending, population …) or corrects the current one. A
 * correction never overwrites: the earlier value stays in the history with who entered it.
 */
export function ReportedFormModal({
  correcting,
  defaultYear,
  onClose,
}: {
  /** The current value being corrected; its indicator, year and region are then fixed. */
  correcting?: ReportedValue;
  defaultYear?: number;
  onClose: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [form] = Form.useForm<ReportedFormValues>();
  const saved = useSaved(form, onClose);
  const catalogue = useCatalogue();
  const indicators = useIndicatorMap();
  const regions = usePlanRegions();
  const save = useSaveReported();
  const code = Form.useWatch('indicatorCode', form);
  const info = indicators.get(code);

  const reported = (catalogue.data ?? []).filter((i) => i.kind === 'reported');
  const options = groupRows(reported, indicators).map((g) => ({
    label: t(`plan.group.${g.key}`),
    options: g.rows.map((i) => ({
      value: i.code,
      label: `${locale === 'en' ? i.nameEn : i.name}（${i.code}）`,
    })),
  }));

  const onFinish = (v: ReportedFormValues) =>
    save.mutate(
      {
        indicatorCode: v.indicatorCode,
        year: v.year,
        regionCode: v.regionCode,
        value: v.value.trim(),
        source: v.source.trim(),
        sourceDate: v.sourceDate ? v.sourceDate.format('YYYY-MM-DD') : null,
        vintage: v.vintage?.trim() || null,
        note: v.note?.trim() || null,
      },
      saved(correcting ? t('plan.reported.corrected') : t('plan.reported.saved')),
    );

  const fixed = Boolean(correcting);
  return (
    <FormModal<ReportedFormValues>
      form={form}
      name="reported-form"
      title={
        correcting
          ? t('plan.reported.correctOf', {
              name:
                locale === 'en'
                  ? (indicators.get(correcting.indicatorCode)?.nameEn ?? '')
                  : correcting.indicatorName,
              year: correcting.year,
              region: regions.nameOf(correcting.regionCode, correcting.regionName),
            })
          : t('plan.reported.create')
      }
      saving={save.isPending}
      width={680}
      onFinish={onFinish}
      onClose={onClose}
      notice={
        correcting && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('plan.reported.correctNotice', {
              value: `${correcting.value} ${unitOf(indicators.get(correcting.indicatorCode), locale)}`,
              source: correcting.source,
            })}
          />
        )
      }
      initialValues={
        correcting
          ? {
              indicatorCode: correcting.indicatorCode,
              year: correcting.year,
              regionCode: correcting.regionCode,
              value: correcting.value,
              sourceDate: null,
            }
          : { year: defaultYear ?? dayjs().year() - 1, regionCode: regions.home }
      }
    >
      <Form.Item
        label={t('plan.indicator')}
        name="indicatorCode"
        rules={[{ required: true, message: t('plan.form.indicatorRequired') }]}
        extra={t('plan.reported.indicatorHint')}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          disabled={fixed}
          loading={catalogue.isLoading}
          placeholder={t('common.select')}
          options={options}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('plan.year')}
            name="year"
            rules={[{ required: true, message: t('plan.form.yearRequired') }]}
          >
            <InputNumber min={2000} max={2100} precision={0} disabled={fixed} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            label={t('plan.region')}
            name="regionCode"
            rules={[{ required: true, message: t('plan.form.regionRequired') }]}
            extra={
              info
                ? t(info.additive ? 'plan.reported.additiveHint' : 'plan.reported.cityOnlyHint')
                : undefined
            }
          >
            {fixed ? <FixedRegion /> : <PlanRegionSelect style={{ width: '100%' }} />}
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('plan.reported.value')}
        name="value"
        rules={[
          { required: true, whitespace: true, message: t('plan.reported.valueRequired') },
          { pattern: VALUE, message: t('plan.reported.valuePattern') },
        ]}
        extra={info ? t('plan.reported.decimalsHint', { decimals: info.decimals }) : undefined}
      >
        <Input inputMode="decimal" suffix={unitOf(info, locale) || undefined} style={{ width: 280 }} />
      </Form.Item>
      <Form.Item
        label={t('plan.source')}
        name="source"
        rules={[
          { required: true, whitespace: true, message: t('plan.reported.sourceRequired') },
          { min: 2, max: 300, message: t('plan.reported.sourceLength') },
        ]}
      >
        <Input placeholder={t('plan.reported.sourcePlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item label={t('plan.reported.sourceDate')} name="sourceDate">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item label={t('plan.reported.vintage')} name="vintage" rules={[{ max: 100 }]}>
            <Input placeholder={t('plan.reported.vintagePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('plan.reported.note')} name="note" rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

function FixedRegion({ value }: { value?: string }) {
  const regions = usePlanRegions();
  return <Input value={value ? regions.nameOf(value) : ''} disabled />;
}
