import { Tag } from 'antd';
import { REGISTRATION_STATUS_NAMES, type RegistrationStatus } from '../../../../domain/onboarding';
import { useMsg } from '../../../app/i18n';

const COLOR: Record<RegistrationStatus, string> = {
  pending: 'blue',
  returned: 'orange',
  approved: 'green',
  refused: 'red',
};

export function StatusTag({ status }: { status: RegistrationStatus }) {
  const pickMsg = useMsg();
  return <Tag color={COLOR[status]}>{pickMsg(REGISTRATION_STATUS_NAMES[status])}</Tag>;
}
