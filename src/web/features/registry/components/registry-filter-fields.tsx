import { Form, Input, Select } from 'antd';
import { useLocale, useT } from '../../../app/i18n';
import { useQualificationTypes } from '../api';

/** The free-text search every registry list starts its filters with; each list says what it searches. */
export function SearchField({ placeholder, width }: { placeholder: string; width: number }) {
  const t = useT();
  return (
    <Form.Item label={t('registry.search')} name="q">
      <Input allowClear placeholder={placeholder} style={{ width }} maxLength={100} />
    </Form.Item>
  );
}

/** Filter by qualification type (高新技术企业, 科技型中小企业, …), named in the language showing. */
export function QualificationTypeField({
  name = 'typeCode',
  label,
}: {
  /** The query field: `typeCode` on the qualification lists, `qualification` (held) on organisations. */
  name?: string;
  label?: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  const types = useQualificationTypes();
  return (
    <Form.Item label={label ?? t('registry.qual.type')} name={name}>
      <Select
        allowClear
        placeholder={t('common.all')}
        style={{ width: 200 }}
        popupMatchSelectWidth={false}
        loading={types.isLoading}
        options={(types.data ?? []).map((q) => ({
          value: q.code,
          label: locale === 'en' ? q.nameEn : q.name,
        }))}
      />
    </Form.Item>
  );
}
