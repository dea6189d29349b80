import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Space, Table } from 'antd';
import { Link } from 'react-router';
import { downloadFile } from '../../../app/api-client';
import { useT } from '../../../app/i18n';
import { projectPaths, type RankingItem, useRanking } from '../api';
import { StateTag, wanColumn } from '../format';

/** 评审排序: reviewed applications by panel score, to Excel and Word; the 公示 list to Word. */
export function RankingTab({ callId }: { callId: string }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const ranking = useRanking(callId);
  const get = (url: string) => {
    downloadFile(url);
    message.info(t('list.exportStarted'));
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<DownloadOutlined />} onClick={() => get(projectPaths.rankingXlsx(callId))}>
          {t('projects.ranking.xlsx')}
        </Button>
        <Button icon={<FileWordOutlined />} onClick={() => get(projectPaths.rankingDocx(callId))}>
          {t('projects.ranking.docx')}
        </Button>
        <Button icon={<FileWordOutlined />} onClick={() => get(projectPaths.publicityDocx(callId))}>
          {t('projects.ranking.publicity')}
        </Button>
      </Space>
      {ranking.isError && <Alert type="error" showIcon title={ranking.error.message} />}
      <Table<RankingItem>
        rowKey="id"
        size="small"
        loading={ranking.isFetching}
        dataSource={ranking.data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('projects.ranking.empty') }}
        columns={[
          { title: t('projects.ranking.rank'), dataIndex: 'rank', key: 'rank', width: 60 },
          {
            title: t('projects.app.title'),
            key: 'title',
            render: (_, r) => <Link to={`/projects/applications/${r.id}`}>{r.title}</Link>,
          },
          { title: t('projects.app.orgName'), dataIndex: 'orgName', key: 'org' },
          { title: t('projects.app.region'), dataIndex: 'regionName', key: 'region' },
          { title: t('projects.score.panel'), key: 'score', render: (_, r) => r.panelScore ?? '—' },
          wanColumn(t('projects.app.requestedAmount'), 'req', (r) => r.requestedAmount),
          wanColumn(t('projects.app.proposedAmount'), 'prop', (r) => r.proposedAmount),
          wanColumn(t('projects.app.approvedAmount'), 'appr', (r) => r.approvedAmount),
          { title: t('projects.app.state'), key: 'state', render: (_, r) => <StateTag state={r.state} /> },
        ]}
      />
    </Space>
  );
}
