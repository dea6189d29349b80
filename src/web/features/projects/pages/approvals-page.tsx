import { useT } from '../../../app/i18n';
import { useListState } from '../../../app/list/use-list-state';
import { ApplicationsWorklist } from '../components/applications-worklist';

/** 待审批: applications proposed for funding, with score and amount, for the leaders to decide. */
export function ApprovalsPage() {
  const t = useT();
  const list = useListState<{ state: 'proposed' }>({ state: 'proposed' }, '-panelScore');
  return (
    <ApplicationsWorklist
      title={t('menu.projects.approvals')}
      list={list}
      stage="approve"
      emptyText={t('projects.approvals.empty')}
    />
  );
}
