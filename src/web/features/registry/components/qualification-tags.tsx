import { Space, Tag, Tooltip } from 'antd';
import { useCallback } from 'react';
import type { QualificationType } from '../../../../domain/reference';
import { useLocale, useT } from '../../../app/i18n';
import { type Qualification, useQualificationTypes } from '../api';
import { daysUntil, EXPIRY_WARNING_DAYS } from '../format';

const CATEGORY_COLOR: Record<QualificationType['category'], string> = {
  enterprise: 'blue',
  ip: 'purple',
  programme: 'cyan',
};

/** 高企 is the qualification the bureau's figures turn on; it stands out from the rest. */
function colorOf(type: QualificationType | undefined): string {
  if (!type) return 'default';
  return type.code === 'hte' ? 'red' : CATEGORY_COLOR[type.category];
}

/** The name of a qualification type in the language showing, by its code. */
export function useQualificationTypeName() {
  const { locale } = useLocale();
  const types = useQualificationTypes();
  return useCallback(
    (code: string) => {
      const type = types.data?.find((q) => q.code === code);
      return type ? (locale === 'en' ? type.nameEn : type.name) : code;
    },
    [types.data, locale],
  );
}

/** The qualifications an organisation holds today, one tag each. */
export function QualificationTags({ codes }: { codes: string[] }) {
  const types = useQualificationTypes();
  const nameOf = useQualificationTypeName();
  if (codes.length === 0) return <span aria-hidden>—</span>;
  return (
    <Space size={[4, 4]} wrap>
      {codes.map((code) => (
        <Tag
          key={code}
          color={colorOf(types.data?.find((q) => q.code === code))}
          style={{ marginInlineEnd: 0 }}
        >
          {nameOf(code)}
        </Tag>
      ))}
    </Space>
  );
}

export type QualificationState = 'valid' | 'expiring' | 'expired' | 'revoked' | 'pending';

/**
 * Where a qualification stands today. `valid` comes from the server's one rule (isValidOn);
 * the rest only explains why it is not valid, or that it soon will not be.
 */
export function qualificationState(q: Qualification): QualificationState {
  if (q.valid) {
    return q.validUntil !== null && daysUntil(q.validUntil) <= EXPIRY_WARNING_DAYS ? 'expiring' : 'valid';
  }
  if (q.revoked) return 'revoked';
  return daysUntil(q.issuedOn) > 0 ? 'pending' : 'expired';
}

const STATE_COLOR: Record<QualificationState, string> = {
  valid: 'success',
  expiring: 'warning',
  expired: 'default',
  revoked: 'error',
  pending: 'processing',
};

export const STATE_TIMELINE_COLOR: Record<QualificationState, string> = {
  valid: 'green',
  expiring: 'orange',
  expired: 'gray',
  revoked: 'red',
  pending: 'blue',
};

export function QualificationStateTag({ q }: { q: Qualification }) {
  const t = useT();
  const state = qualificationState(q);
  const tag = <Tag color={STATE_COLOR[state]}>{t(`registry.qual.state.${state}`)}</Tag>;
  if (state === 'expiring' && q.validUntil) {
    return <Tooltip title={t('registry.qual.daysLeft', { days: daysUntil(q.validUntil) })}>{tag}</Tooltip>;
  }
  if (state === 'revoked' && q.revokeReason) {
    return <Tooltip title={t('registry.qual.revokedBecause', { reason: q.revokeReason })}>{tag}</Tooltip>;
  }
  return tag;
}
