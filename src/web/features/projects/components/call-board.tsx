import { Alert, Card, Col, Progress, Row, Skeleton, Statistic, Typography } from 'antd';
import { useMsg, useT } from '../../../app/i18n';
import { useBoard } from '../api';
import { StateTag } from '../format';

/** 看板: how many applications stand in each state, and what the budget is committed to. */
export function CallBoard({ callId, onPickState }: { callId: string; onPickState: (state: string) => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const board = useBoard(callId);
  if (board.isError) return <Alert type="error" showIcon title={board.error.message} />;
  if (!board.data) return <Skeleton active />;
  const b = board.data;
  const budget = Number(b.budget) || 0;
  const usedPct = budget > 0 ? Math.min(100, Math.round(((budget - Number(b.remaining)) / budget) * 100)) : 0;
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}>
          <Statistic title={t('projects.board.total')} value={b.total} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('projects.board.budget')} value={b.budget} suffix="万元" />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('projects.board.proposed')} value={b.proposed} suffix="万元" />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('projects.board.approved')} value={b.approved} suffix="万元" />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('projects.board.paid')} value={b.paid} suffix="万元" />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('projects.board.remaining')} value={b.remaining} suffix="万元" />
        </Col>
      </Row>
      <div>
        <Typography.Text type="secondary">{t('projects.board.used', { pct: usedPct })}</Typography.Text>
        <Progress
          aria-label={t('projects.board.used', { pct: usedPct })}
          percent={usedPct}
          status={usedPct >= 100 ? 'exception' : 'active'}
          showInfo={false}
        />
      </div>
      <Row gutter={[12, 12]}>
        {b.states.map((s) => (
          <Col key={s.state} xs={12} sm={8} md={6} xl={4}>
            <Card
              size="small"
              hoverable={s.count > 0}
              onClick={() => s.count > 0 && onPickState(s.state)}
              aria-label={`${pickMsg(s.name)} ${s.count}`}
            >
              <StateTag state={s.state} name={s.name} />
              <div style={{ fontSize: 24, fontWeight: 600, marginTop: 4, opacity: s.count ? 1 : 0.35 }}>
                {s.count}
              </div>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
