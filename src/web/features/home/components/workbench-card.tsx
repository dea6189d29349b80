import {
  AuditOutlined,
  BellOutlined,
  CheckSquareOutlined,
  EditOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FormOutlined,
  LikeOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Alert, Card, Skeleton, Typography, theme } from 'antd';
import type { ComponentType } from 'react';
import { Link } from 'react-router';
import type { WorkbenchKey } from '../../../../domain/contracts/workbench';
import { useT } from '../../../app/i18n';
import { useWorkbench } from '../../../app/workbench';

const ICONS: Record<WorkbenchKey, ComponentType> = {
  toApprove: CheckSquareOutlined,
  toRecommend: LikeOutlined,
  toCheck: FileSearchOutlined,
  toPropose: AuditOutlined,
  toAcceptFinal: FileDoneOutlined,
  toReview: FormOutlined,
  toRegister: FileDoneOutlined,
  toAnswerObjections: MessageOutlined,
  toOnboard: UserAddOutlined,
  toConfirmBenefit: FileDoneOutlined,
  toCorrect: EditOutlined,
  drafts: FieldTimeOutlined,
  expiring: SafetyCertificateOutlined,
  unread: BellOutlined,
};

/**
 * 工作台: what waits for the user — to approve, to recommend, to review, to correct, expiring
 * qualifications, unread notices — each a count linking to the list filtered to exactly those.
 */
export function WorkbenchCard() {
  const t = useT();
  const { token } = theme.useToken();
  const workbench = useWorkbench();
  const items = workbench.data?.items ?? [];
  const waiting = items.reduce((n, i) => n + i.count, 0);

  return (
    <Card
      title={
        <h2 style={{ margin: 0, fontSize: 16 }}>
          {t('home.todo.title')}
          {workbench.data && (
            <Typography.Text
              type="secondary"
              style={{ fontWeight: 'normal', marginInlineStart: 12, fontSize: 13 }}
            >
              {waiting > 0 ? t('home.todo.summary', { count: waiting }) : t('home.todo.none')}
            </Typography.Text>
          )}
        </h2>
      }
      data-testid="workbench"
    >
      {workbench.isError ? (
        <Alert type="error" showIcon title={workbench.error.message} />
      ) : workbench.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <div
          style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))' }}
        >
          {items.map((item) => {
            const Icon = ICONS[item.key];
            const busy = item.count > 0;
            return (
              <Link
                key={item.key}
                to={item.path}
                data-testid={`todo-${item.key}`}
                style={{
                  display: 'flex',
                  gap: 12,
                  alignItems: 'center',
                  padding: '12px 14px',
                  borderRadius: token.borderRadiusLG,
                  border: `1px solid ${busy ? token.colorPrimaryBorder : token.colorBorderSecondary}`,
                  background: busy ? token.colorPrimaryBg : token.colorFillQuaternary,
                  color: token.colorText,
                }}
              >
                <span
                  style={{ fontSize: 22, color: busy ? token.colorPrimary : token.colorTextSecondary }}
                  aria-hidden
                >
                  <Icon />
                </span>
                <span style={{ display: 'grid' }}>
                  <span style={{ fontSize: 13, color: token.colorTextSecondary }}>
                    {t(`home.todo.${item.key}`, { days: workbench.data?.expiringDays ?? 90 })}
                  </span>
                  <span
                    style={{
                      fontSize: 24,
                      fontWeight: 600,
                      lineHeight: 1.2,
                      color: busy ? token.colorPrimaryText : token.colorTextSecondary,
                    }}
                    data-testid={`todo-${item.key}-count`}
                  >
                    {item.count}
                  </span>
                </span>
              </Link>
            );
          })}
        </div>
      )}
    </Card>
  );
}
