import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Descriptions, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n';
import { type DrawResult, useDraw } from '../api';

/**
 * 专家抽取: draws the missing experts for every application under expert review in the call,
 * by field, avoiding conflicts and spreading the load; the summary says where the pool ran short.
 */
export function DrawPanel({ callId }: { callId: string }) {
  const t = useT();
  const { modal, message } = AntApp.useApp();
  const draw = useDraw(callId);
  const [result, setResult] = useState<DrawResult | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('projects.draw.hint')}</Typography.Paragraph>
      <Button
        type="primary"
        icon={<ExperimentOutlined />}
        loading={draw.isPending}
        onClick={() =>
          modal.confirm({
            title: t('projects.draw.confirm'),
            okText: t('projects.draw.run'),
            cancelText: t('common.cancel'),
            onOk: () =>
              draw.mutate(undefined, {
                onSuccess: setResult,
                onError: (error) => message.error(error.message),
              }),
          })
        }
      >
        {t('projects.draw.run')}
      </Button>
      {result && (
        <>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'apps', label: t('projects.draw.applications'), children: result.applications },
              { key: 'assigned', label: t('projects.draw.assigned'), children: result.assigned },
              { key: 'out', label: t('projects.draw.outOfField'), children: result.outOfField },
              { key: 'notified', label: t('projects.draw.notified'), children: result.notified },
              { key: 'seed', label: t('projects.draw.seed'), children: <code>{result.seed}</code> },
            ]}
          />
          {result.shortfalls.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={t('projects.draw.shortfalls', { n: result.shortfalls.length })}
              description={
                <List
                  size="small"
                  dataSource={result.shortfalls}
                  renderItem={(s) => (
                    <List.Item key={s.applicationId}>
                      {s.title}：{s.message}（{s.drawn}/{s.wanted}）
                    </List.Item>
                  )}
                />
              }
            />
          ) : (
            <Alert type="success" showIcon title={t('projects.draw.complete')} />
          )}
          <Typography.Text type="secondary">{t('projects.draw.where')}</Typography.Text>
        </>
      )}
    </Space>
  );
}
