import { Tag, Tooltip } from 'antd';
import { LOG_FLAG_NAMES, LOG_STATUS_NAMES, type LogFlag, type LogStatus } from '../../../../domain/agri';
import { useMsg } from '../../../app/i18n';

const STATUS_COLOR: Record<LogStatus, string> = { submitted: 'gold', confirmed: 'green', rejected: 'red' };

export function LogStatusTag({ status }: { status: LogStatus }) {
  const pickMsg = useMsg();
  return <Tag color={STATUS_COLOR[status]}>{pickMsg(LOG_STATUS_NAMES[status])}</Tag>;
}

/** The anomaly flags of a log, each with what the check found on hover. */
export function FlagTags({ flags, notes }: { flags: LogFlag[]; notes: Record<string, string> }) {
  const pickMsg = useMsg();
  if (flags.length === 0) return <span style={{ color: '#999' }}>—</span>;
  return (
    <>
      {flags.map((f) => (
        <Tooltip key={f} title={notes[f]}>
          <Tag color="red" data-flag={f}>
            {pickMsg(LOG_FLAG_NAMES[f])}
          </Tag>
        </Tooltip>
      ))}
    </>
  );
}
