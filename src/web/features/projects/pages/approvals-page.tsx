import { useT } from '../../../app/i18n';
import { StageList } from '../components/stage-list';

const FIXED = { state: 'proposed' as const };
const BATCH = ['approve', 'decline'] as const;

/**
 * 待审批: applications proposed for funding, best score first, for the leaders to decide one by
 * one or several at once (不予批准 with a reason).
 */
export function ApprovalsPage() {
  const t = useT();
  return (
    <StageList
      title={t('menu.projects.approvals')}
      name="approval-filters"
      stage="approve"
      fixed={FIXED}
      sort="-panelScore"
      batch={BATCH}
      empty={t('projects.approvals.empty')}
    />
  );
}
