import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Collapse, Table, Typography } from 'antd';
import type { AuditArchive } from '../../../../domain/contracts/admin';
import { downloadFile } from '../../../app/api-client';
import { useT } from '../../../app/i18n';
import { auditArchivePath, useAuditArchives } from '../api';
import { chinaTime } from './audit-format';

/**
 * Entries past the retention (at least six months, 网络安全法 第二十一条) leave the live log only
 * into an archive: JSON lines with every hash, so the file chains onto the log (its last hash is
 * the first live entry's previous hash) and can be verified offline.
 */
export function AuditArchives() {
  const t = useT();
  const archives = useAuditArchives();
  const items = archives.data?.items ?? [];
  return (
    <Collapse
      size="small"
      style={{ marginBottom: 16 }}
      items={[
        {
          key: 'archives',
          label: t('audit.archives.title', { count: items.length }),
          children: archives.isError ? (
            <Alert type="error" showIcon title={archives.error.message} />
          ) : (
            <Table<AuditArchive>
              size="small"
              rowKey="id"
              pagination={false}
              loading={archives.isFetching}
              dataSource={items}
              locale={{ emptyText: t('audit.archives.empty') }}
              columns={[
                {
                  title: t('audit.archives.archivedAt'),
                  dataIndex: 'archivedAt',
                  render: (v: string) => chinaTime(v),
                },
                { title: t('audit.archives.by'), dataIndex: 'archivedBy', render: (v) => v ?? '—' },
                {
                  title: t('audit.archives.range'),
                  key: 'range',
                  render: (_, a) => `${a.firstId} – ${a.lastId}`,
                },
                { title: t('audit.archives.entries'), dataIndex: 'entries' },
                {
                  title: t('audit.archives.cutoff'),
                  dataIndex: 'cutoff',
                  render: (v: string) => chinaTime(v),
                },
                {
                  title: t('audit.archives.lastHash'),
                  dataIndex: 'lastHash',
                  render: (v: string) => (
                    <Typography.Text code copyable={{ text: v }}>
                      {v.slice(0, 12)}…
                    </Typography.Text>
                  ),
                },
                {
                  title: '',
                  key: 'download',
                  render: (_, a) => (
                    <Button
                      size="small"
                      icon={<DownloadOutlined />}
                      onClick={() => downloadFile(auditArchivePath(a.id))}
                    >
                      {t('audit.archives.download')}
                    </Button>
                  ),
                },
              ]}
            />
          ),
        },
      ]}
    />
  );
}
