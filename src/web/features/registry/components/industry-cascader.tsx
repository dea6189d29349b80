import { Cascader } from 'antd';
import { type CSSProperties, useMemo } from 'react';
import type { Industry } from '../../../../domain/reference';
import { useLocale, useT } from '../../../app/i18n';
import { useIndustries } from '../api';

interface IndustryOption {
  value: string;
  label: string;
  children?: IndustryOption[];
}

/** GB/T 4754: a 大类 (two digits) or finer code sits under the 门类 letter of its division. */
export function industryPath(code: string | undefined, industries: Industry[]): string[] {
  if (!code) return [];
  if (/^[A-T]$/.test(code)) return [code];
  const division = industries.find((i) => i.code === code.slice(0, 2));
  const path = division?.parentCode ? [division.parentCode, division.code] : [code.slice(0, 2)];
  return code.length > 2 ? [...path, code] : path;
}

/**
 * `C 制造业` / `C19 皮革、毛皮、羽毛及其制品和制鞋业`: the code as the statistics system writes it
 * (section letter before the digits), then its name; officials know both.
 */
export function industryLabel(code: string | null | undefined, industries: Industry[], locale: string) {
  if (!code) return '—';
  const division = industries.find((i) => i.code === code.slice(0, 2));
  const row = industries.find((i) => i.code === code) ?? division;
  if (!row) return code;
  const shown = /^\d/.test(code) && division?.parentCode ? `${division.parentCode}${code}` : code;
  return `${shown} ${locale === 'en' ? row.nameEn : row.name}`;
}

/**
 * Industry by 门类 → 大类 (section → division); either level may be chosen. A stored code finer than
 * a division (e.g. 1952) stays as it is unless the user picks another: it shows as a third level.
 */
export function IndustryCascader({
  id,
  value,
  onChange,
  style,
  placeholder,
}: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  style?: CSSProperties;
  placeholder?: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  const industries = useIndustries();
  const rows = industries.data ?? [];

  const options = useMemo<IndustryOption[]>(() => {
    const name = (i: Industry) => `${i.code} ${locale === 'en' ? i.nameEn : i.name}`;
    const sections = rows.filter((i) => i.level === 'section');
    return sections.map((s) => ({
      value: s.code,
      label: name(s),
      children: rows
        .filter((d) => d.parentCode === s.code)
        .map((d) => {
          const finer = value && value.length > 2 && value.startsWith(d.code) ? value : undefined;
          return {
            value: d.code,
            label: name(d),
            children: finer ? [{ value: finer, label: finer }] : undefined,
          };
        }),
    }));
  }, [rows, locale, value]);

  return (
    <Cascader<IndustryOption>
      id={id}
      value={industryPath(value ?? undefined, rows)}
      onChange={(path) => onChange?.(path && path.length > 0 ? String(path[path.length - 1]) : undefined)}
      options={options}
      changeOnSelect
      allowClear
      loading={industries.isLoading}
      showSearch
      placeholder={placeholder ?? t('common.all')}
      style={style ?? { width: 240 }}
      expandTrigger="hover"
      notFoundContent={t('common.noMatch')}
    />
  );
}
