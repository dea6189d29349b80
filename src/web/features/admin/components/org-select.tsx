import { Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../../app/i18n';
import { useOrgSearch } from '../../reference/api';

const DEBOUNCE_MS = 300;

/** An organisation picked by name or 统一社会信用代码, searched on the server as the user types. */
export function OrgSelect({
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
  const search = useOrgSearch(q);

  const options = useMemo(() => {
    const found = (search.data ?? []).map((org) => ({
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
      placeholder={t('users.orgPlaceholder')}
      options={options}
      notFoundContent={search.isFetching ? <Spin size="small" /> : t('common.noMatch')}
    />
  );
}
