import { Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../../app/i18n';

const DEBOUNCE_MS = 300;

/** What a search for organisations answers, from whichever endpoint the caller may read. */
export interface OrgResults {
  data?: readonly { id: string; name: string; uscc: string }[];
  isFetching: boolean;
}

/**
 * An organisation picked by name or 统一社会信用代码, searched on the server as the user types.
 * `useResults` is the caller's search hook (the registry's scoped list, or the reference lookup an
 * administrator may read); the same one must be passed on every render.
 */
export function OrgSearchSelect({
  id,
  value,
  onChange,
  initialOption,
  useResults,
  placeholder,
  emptyHint,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  initialOption?: { id: string; name: string };
  useResults: (q: string) => OrgResults;
  placeholder: string;
  /** Shown before anything is typed, when the search needs a word to start. */
  emptyHint?: string;
}) {
  const t = useT();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(input.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [input]);
  const search = useResults(q);

  const options = useMemo(() => {
    const found = (search.data ?? []).map((org) => ({ value: org.id, label: `${org.name}（${org.uscc}）` }));
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
      placeholder={placeholder}
      options={options}
      notFoundContent={
        search.isFetching ? <Spin size="small" /> : q || !emptyHint ? t('common.noMatch') : emptyHint
      }
    />
  );
}
