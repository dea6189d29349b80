/** Form pieces shared by the achievement and demand editors. */
import { Select } from 'antd';
import { MARKET_FIELD_CODES, MARKET_FIELD_NAMES, type MarketField } from '../../../../domain/market';
import { useMsg } from '../../../app/i18n';

export function FieldSelect(props: {
  id?: string;
  value?: MarketField;
  onChange?: (v: MarketField) => void;
}) {
  const pickMsg = useMsg();
  return (
    <Select
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      options={MARKET_FIELD_CODES.map((c) => ({ value: c, label: pickMsg(MARKET_FIELD_NAMES[c]) }))}
    />
  );
}

/** 张三、李四 → ['张三', '李四'] (顿号, commas or semicolons). */
export function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const blankToNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);
