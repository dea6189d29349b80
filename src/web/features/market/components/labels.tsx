/** Cells and labels the market's pages share: a code with its Chinese name, a price or 面议. */
import { Tag } from 'antd';
import {
  LISTING_STATUS_NAMES,
  type ListingStatus,
  MARKET_FIELD_NAMES,
  type MarketField,
  TRANSFER_MODE_NAMES,
  type TransferMode,
} from '../../../../domain/market';
import { useMsg, useT } from '../../../app/i18n';
import { Money } from '../../../app/money';

const STATUS_COLOR: Record<ListingStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  published: 'green',
  returned: 'orange',
  withdrawn: 'default',
  expired: 'default',
};

export function StatusTag({ status }: { status: ListingStatus }) {
  const pickMsg = useMsg();
  return <Tag color={STATUS_COLOR[status]}>{pickMsg(LISTING_STATUS_NAMES[status])}</Tag>;
}

export function FieldText({ field }: { field: MarketField }) {
  const pickMsg = useMsg();
  return <>{pickMsg(MARKET_FIELD_NAMES[field])}</>;
}

export function Price({ value }: { value: string | null }) {
  const t = useT();
  return value === null ? t('market.negotiable') : <Money value={value} />;
}

export function ModesText({ modes }: { modes: string[] }) {
  const pickMsg = useMsg();
  const t = useT();
  return (
    <>{modes.map((m) => pickMsg(TRANSFER_MODE_NAMES[m as TransferMode])).join(t('common.listSeparator'))}</>
  );
}
