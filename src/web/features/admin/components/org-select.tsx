import { useT } from '../../../app/i18n';
import { useOrgSearch } from '../../reference/api';
import { OrgSearchSelect } from '../../reference/components/org-search-select';

/** The reference lookup, which administrators may read without the registry's permissions. */
function useLookup(q: string) {
  const search = useOrgSearch(q);
  return { data: search.data, isFetching: search.isFetching };
}

/** An organisation picked by name or 统一社会信用代码, for a user account's organisation. */
export function OrgSelect(props: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  initialOption?: { id: string; name: string };
}) {
  const t = useT();
  return <OrgSearchSelect {...props} useResults={useLookup} placeholder={t('users.orgPlaceholder')} />;
}
