import { App as AntApp, Button, Select, Space, Table, Tag, Typography } from 'antd';
import {
  DROP_REASON_CODES,
  DROP_REASON_NAMES,
  type DropReason,
  MARKET_FIELD_NAMES,
  MATCH_STATUS_NAMES,
  MATCH_TRANSITIONS,
  type MatchStatus,
} from '../../../../domain/market';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type Ranked, type Side, useMoveMatch, useRanked, useTakeUp } from '../api';

const STATUS_COLOR: Record<MatchStatus, string> = {
  suggested: 'default',
  contacted: 'blue',
  negotiating: 'gold',
  contracted: 'green',
  dropped: 'red',
};

/** The ranked counterparts of a record, each with its reasons, and the follow-up buttons. */
export function MatchesPanel({ side, id }: { side: Side; id: string }) {
  const t = useT();
  const pickMsg = useMsg();
  const { modal, message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const ranked = useRanked(side, id, true);
  const takeUp = useTakeUp();
  const move = useMoveMatch();

  const drop = (matchId: string) => {
    let reason: DropReason | undefined;
    modal.confirm({
      title: t('market.match.dropReason'),
      content: (
        <Select
          style={{ width: '100%' }}
          aria-label={t('market.match.dropReason')}
          onChange={(v: DropReason) => {
            reason = v;
          }}
          options={DROP_REASON_CODES.map((c) => ({ value: c, label: pickMsg(DROP_REASON_NAMES[c]) }))}
        />
      ),
      onOk: () =>
        move.mutateAsync({ id: matchId, body: { to: 'dropped', reason } }).catch((error) => onError(error)),
    });
  };

  return (
    <section aria-labelledby="market-matches">
      <Typography.Title level={5} id="market-matches">
        {t(side === 'demands' ? 'market.matchesOfDemand' : 'market.matchesOfAchievement')}
      </Typography.Title>
      <Table<Ranked>
        rowKey="id"
        size="small"
        loading={ranked.isFetching}
        dataSource={ranked.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('market.noMatches') }}
        columns={[
          {
            title: t('market.title'),
            key: 'title',
            width: 260,
            render: (_, r) => (
              <>
                <div>{r.title}</div>
                <Typography.Text type="secondary">
                  {r.orgName} · {r.regionName}
                </Typography.Text>
              </>
            ),
          },
          { title: t('market.score'), dataIndex: 'score', width: 70 },
          {
            title: t('market.reasons'),
            key: 'reasons',
            render: (_, r) => (
              <Space size={[0, 4]} wrap>
                {r.reasons.map((reason) => (
                  <Tag key={reason.code} color={reason.code === 'terms' ? 'geekblue' : undefined}>
                    {t(`market.reason.${reason.code}`, {
                      detail: reason.code === 'field' ? pickMsg(MARKET_FIELD_NAMES[r.field]) : reason.detail,
                    })}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('market.match.status'),
            key: 'status',
            width: 230,
            render: (_, r) => {
              if (!r.match)
                return (
                  <Button
                    size="small"
                    onClick={() =>
                      takeUp
                        .mutateAsync({ side, id, counterpartId: r.id })
                        .then(() => message.success(pickMsg(MATCH_STATUS_NAMES.contacted)))
                        .catch((error) => onError(error))
                    }
                  >
                    {t('market.takeUp')}
                  </Button>
                );
              const match = r.match;
              const next = MATCH_TRANSITIONS[match.status].filter((s) => s !== 'dropped');
              return (
                <Space size={4} wrap>
                  <Tag color={STATUS_COLOR[match.status]}>{pickMsg(MATCH_STATUS_NAMES[match.status])}</Tag>
                  {next.map((to) => (
                    <Button
                      key={to}
                      size="small"
                      type="link"
                      onClick={() =>
                        move.mutateAsync({ id: match.id, body: { to } }).catch((error) => onError(error))
                      }
                    >
                      {pickMsg(MATCH_STATUS_NAMES[to])}
                    </Button>
                  ))}
                  {MATCH_TRANSITIONS[match.status].includes('dropped') && (
                    <Button size="small" type="link" danger onClick={() => drop(match.id)}>
                      {t('market.match.drop')}
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
    </section>
  );
}
