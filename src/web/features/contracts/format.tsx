/** How a contract's codes and dates read on every page of the module. */
import { Tag } from 'antd';
import {
  CONTRACT_STATUS,
  CONTRACT_TYPES,
  type ContractStatus,
  type ContractType,
  deadlineLevel,
  subTypeName,
} from '../../../domain/tech-contracts';
import { useMsg, useT } from '../../app/i18n';

const STATUS_COLOR: Record<ContractStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  registered: 'green',
  refused: 'red',
  cancelled: 'default',
};

export function StatusTag({ status }: { status: ContractStatus }) {
  const pickMsg = useMsg();
  return <Tag color={STATUS_COLOR[status]}>{pickMsg(CONTRACT_STATUS[status])}</Tag>;
}

/** 技术开发 · 委托开发 in the language showing. */
export function useTypeLabel() {
  const pickMsg = useMsg();
  return (type: string, sub?: string) => {
    const t = CONTRACT_TYPES[type as ContractType];
    const s = sub ? subTypeName(type, sub) : undefined;
    return [t ? pickMsg(t.name) : type, s ? pickMsg(s) : sub].filter(Boolean).join(' · ');
  };
}

/** The registrar's deadline, warned when near or past (China-time today). */
export function DeadlineTag({ due, today }: { due: string | null; today: string }) {
  const t = useT();
  if (!due) return <span>—</span>;
  const level = deadlineLevel(due, today);
  if (level === 'ok') return <span>{due}</span>;
  return (
    <span>
      {due}{' '}
      <Tag color={level === 'overdue' ? 'red' : 'gold'}>
        {t(level === 'overdue' ? 'contracts.overdue' : 'contracts.dueSoon')}
      </Tag>
    </span>
  );
}

export { chinaToday } from '../../app/format';
