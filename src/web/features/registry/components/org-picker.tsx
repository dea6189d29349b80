import { useT } from '../../../app/i18n';
import { type OrgResults, OrgSearchSelect } from '../../reference/components/org-search-select';
import { useOrgs } from '../api';

/** The registry's own search, so only organisations the user may see are offered. */
function useVisibleOrgs(q: string): OrgResults {
  const search = useOrgs({ q, pageSize: 20 }, q.length > 0);
  return { data: search.data?.items, isFetching: search.isFetching };
}

/**
 * An organisation of the registry, found by the same Chinese search as the list (a name fragment,
 * keywords or the full 统一社会信用代码), within what the user may see.
 */
export function OrgPicker(props: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  initialOption?: { id: string; name: string };
}) {
  const t = useT();
  return (
    <OrgSearchSelect
      {...props}
      useResults={useVisibleOrgs}
      placeholder={t('registry.orgPicker.placeholder')}
      emptyHint={t('registry.orgPicker.typeToSearch')}
    />
  );
}
