/**
 * 电子核验: what the QR code on a generated document opens. Anyone holding a 技术合同登记证明 or a
 * 申报书 confirms here that the platform issued it and whether it still stands — nothing more than
 * the public verification endpoints tell.
 */
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { z } from 'zod';
import type { submissionVerifySchema } from '../../../../../domain/contracts/projects';
import type { contractVerifySchema } from '../../../../../domain/contracts/tech-contracts';
import {
  CONTRACT_STATUS,
  CONTRACT_TYPES,
  type ContractStatus,
  type ContractType,
  subTypeName,
} from '../../../../../domain/tech-contracts';
import { http } from '../http';
import { chinaTime, usePMsg, usePT } from '../i18n';
import { Loadable, Section } from '../site';

type ContractCheck = z.infer<typeof contractVerifySchema>;
type SubmissionCheck = z.infer<typeof submissionVerifySchema>;

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <tr>
      <th scope="row" style={{ width: 140 }}>
        {label}
      </th>
      <td>{children}</td>
    </tr>
  );
}

/** 技术合同登记证明: /public/verify/contract/:no. */
export function ContractVerifyPage() {
  const t = usePT();
  const pick = usePMsg();
  const { no = '' } = useParams();
  const check = useQuery({
    queryKey: ['public', 'verify', 'contract', no],
    queryFn: () => http.get<ContractCheck>(`/api/v1/public/contracts/verify/${encodeURIComponent(no)}`),
    retry: false,
  });
  return (
    <Section level={1} title={t('verify.contract')}>
      <Loadable query={check}>
        {() => {
          const c = check.data!;
          const valid = c.status === 'registered';
          const type = CONTRACT_TYPES[c.typeCode as ContractType];
          const sub = subTypeName(c.typeCode, c.subTypeCode);
          return (
            <>
              <p role="status" className={`pt-tag ${valid ? 'green' : ''}`} style={{ fontSize: 14 }}>
                {valid ? t('verify.contractValid') : t('verify.contractNotValid')}
              </p>
              <table className="pt-table">
                <tbody>
                  <Row label={t('verify.registrationNo')}>{c.registrationNo}</Row>
                  <Row label={t('verify.status')}>{pick(CONTRACT_STATUS[c.status as ContractStatus])}</Row>
                  <Row label={t('verify.type')}>
                    {[type ? pick(type.name) : c.typeCode, sub ? pick(sub) : null]
                      .filter(Boolean)
                      .join(' · ')}
                  </Row>
                  <Row label={t('verify.registeredOn')}>{c.registeredOn ?? '—'}</Row>
                  {c.cancelledOn && <Row label={t('verify.cancelledOn')}>{c.cancelledOn}</Row>}
                  <Row label={t('verify.registrar')}>{c.registrarName}</Row>
                </tbody>
              </table>
            </>
          );
        }}
      </Loadable>
    </Section>
  );
}

/** 申报书: /public/verify/submission/:sha256. */
export function SubmissionVerifyPage() {
  const t = usePT();
  const { sha256 = '' } = useParams();
  const check = useQuery({
    queryKey: ['public', 'verify', 'submission', sha256],
    queryFn: () =>
      http.get<SubmissionCheck>(`/api/v1/public/projects/submissions/${encodeURIComponent(sha256)}`),
    retry: false,
  });
  return (
    <Section level={1} title={t('verify.submission')}>
      <Loadable query={check}>
        {() => {
          const s = check.data!;
          return (
            <>
              <p role="status" className={`pt-tag ${s.latest ? 'green' : ''}`} style={{ fontSize: 14 }}>
                {s.latest ? t('verify.submissionLatest') : t('verify.submissionSuperseded')}
              </p>
              <table className="pt-table">
                <tbody>
                  <Row label={t('verify.application')}>{s.applicationTitle}</Row>
                  <Row label={t('verify.org')}>{s.orgName}</Row>
                  <Row label={t('verify.call')}>{s.callTitle}</Row>
                  <Row label={t('verify.submittedAt')}>
                    {chinaTime(s.submittedAt)}（{t('verify.seq', { seq: String(s.seq) })}）
                  </Row>
                  <Row label={t('verify.sha256')}>
                    <code style={{ wordBreak: 'break-all' }}>{s.sha256}</code>
                  </Row>
                </tbody>
              </table>
            </>
          );
        }}
      </Loadable>
    </Section>
  );
}
