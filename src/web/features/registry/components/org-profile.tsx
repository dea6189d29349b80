import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { ORG_KIND_NAMES } from '../../../../domain/registry';
import { formatDateTime } from '../../../app/format';
import { useLocale, useMsg, useT } from '../../../app/i18n';
import { type OrgDetail, useIndustries } from '../api';
import { industryLabel } from './industry-cascader';
import { OrgFormModal } from './org-form-modal';
import { OwnProfileModal } from './own-profile-modal';
import { useRegionName } from './region-select';

/** 基本信息: the organisation's record, and the edit its viewer may make (full, or own contacts). */
export function OrgProfile({ detail }: { detail: OrgDetail }) {
  const t = useT();
  const pickMsg = useMsg();
  const { locale } = useLocale();
  const industries = useIndustries();
  const regionName = useRegionName();
  const [editing, setEditing] = useState(false);
  const { org, formerNames, abilities } = detail;
  const dash = (v: string | null) => v || '—';

  return (
    <section aria-label={t('registry.tab.profile')}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={{ label: { width: 160 } }}
        extra={
          abilities.edit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {abilities.edit === 'full' ? t('registry.org.edit') : t('registry.org.editOwn')}
            </Button>
          )
        }
        items={[
          {
            key: 'uscc',
            label: t('registry.org.uscc'),
            children: <Typography.Text copyable>{org.uscc}</Typography.Text>,
          },
          { key: 'kind', label: t('registry.org.kind'), children: pickMsg(ORG_KIND_NAMES[org.kind]) },
          {
            key: 'name',
            label: t('registry.org.name'),
            span: 'filled',
            children: (
              <Space orientation="vertical" size={0}>
                <span>{org.name}</span>
                {formerNames.map((n) => (
                  <Typography.Text key={`${n.name}-${n.usedUntil}`} type="secondary" style={{ fontSize: 12 }}>
                    {t('registry.org.formerName', { name: n.name, until: n.usedUntil.slice(0, 10) })}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          {
            key: 'region',
            label: t('registry.org.region'),
            children: regionName(org.regionCode, org.regionName),
          },
          {
            key: 'industry',
            label: t('registry.org.industry'),
            children: industryLabel(org.industryCode, industries.data ?? [], locale),
          },
          {
            key: 'aboveSize',
            label: t('registry.org.aboveSize'),
            children: org.aboveSize ? t('registry.yes') : t('registry.no'),
          },
          { key: 'park', label: t('registry.org.park'), children: dash(org.parkName) },
          { key: 'foundedOn', label: t('registry.org.foundedOn'), children: dash(org.foundedOn) },
          { key: 'legacyRegNo', label: t('registry.org.legacyRegNo'), children: dash(org.legacyRegNo) },
          { key: 'address', label: t('registry.org.address'), span: 'filled', children: dash(org.address) },
          { key: 'contactPerson', label: t('registry.org.contactPerson'), children: dash(org.contactPerson) },
          { key: 'contactPhone', label: t('registry.org.contactPhone'), children: dash(org.contactPhone) },
          { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(org.createdAt) },
          { key: 'updatedAt', label: t('registry.org.updatedAt'), children: formatDateTime(org.updatedAt) },
        ]}
      />
      {editing && abilities.edit === 'full' && <OrgFormModal org={org} onClose={() => setEditing(false)} />}
      {editing && abilities.edit === 'own-profile' && (
        <OwnProfileModal org={org} onClose={() => setEditing(false)} />
      )}
    </section>
  );
}
