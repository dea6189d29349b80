import { Col, Row, Skeleton, Statistic, Table } from 'antd';
import { Link } from 'react-router';
import { PATENT_KIND_NAMES } from '../../../../domain/ip';
import { useMsg, useT } from '../../../app/i18n';
import { useOrgPatents } from '../api';

/** 一企一档's patent tab: counts by kind, valid invention patents today, and the ten-year trend. */
export function OrgPatents({ orgId }: { orgId: string }) {
  const t = useT();
  const pickMsg = useMsg();
  const q = useOrgPatents(orgId);
  if (!q.data) return <Skeleton active />;
  const d = q.data;
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title={t('ip.org.valid')} value={d.validInventions} />
        </Col>
        {d.byKind.map((k) => (
          <Col span={6} key={k.kind}>
            <Statistic
              title={`${pickMsg(PATENT_KIND_NAMES[k.kind])}：${t('ip.org.filed')} / ${t('ip.org.grantedCount')}`}
              value={`${k.filed} / ${k.granted}`}
            />
          </Col>
        ))}
      </Row>
      <Table
        size="small"
        rowKey="year"
        pagination={false}
        title={() => t('ip.org.trend')}
        dataSource={d.trend}
        columns={[
          { title: '', dataIndex: 'year', width: 80 },
          { title: t('ip.org.filed'), dataIndex: 'filed', align: 'right' },
          { title: t('ip.org.grantedCount'), dataIndex: 'granted', align: 'right' },
        ]}
      />
      <Link to={`/ip/patents?orgId=${orgId}`}>{t('ip.org.all')}</Link>
    </div>
  );
}
