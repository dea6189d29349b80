import { Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../../app/i18n';
import { useOrgs } from '../api';

const DEBOUNCE_MS = 300;

/**
 * An organisation of the registry, found by the same Chinese search as the list (a name fragment,
 * keywords or the full 统一社会信用代码), within what the user may see.
 */
export function OrgPicker({
  id,
  value,
  onChange,
  initialOption,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  initialOption?: { id: string; name: string };
}) {
  const t = useT();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(input.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [input]);
  const search = useOrgs({ q, pageSize: 20 }, q.length > 0);

  const options = useMemo(() => {
    const found = (search.data?.items ?? []).map((org) => ({
      value: org.id,
      label: `${org.name}（${org.uscc}）`,
    }));
    if (initialOption && !found.some((o) => o.value === initialOption.id)) {
      found.unshift({ value: initialOption.id, label: initialOption.name });
    }
    return found;
  }, [search.data, initialOption]);

  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setInput }}
      allowClear
      placeholder={t('registry.orgPicker.placeholder')}
      options={options}
      notFoundContent={
        search.isFetching ? (
          <Spin size="small" />
        ) : q ? (
          t('common.noMatch')
        ) : (
          t('registry.orgPicker.typeToSearch')
        )
      }
    />
  );
}
