import { TreeSelect } from 'antd';
import { type CSSProperties, useCallback, useMemo } from 'react';
import { ROLE_SCOPE } from '../../../../domain/roles';
import { useMe } from '../../../app/auth-context';
import { useLocale, useT } from '../../../app/i18n';
import { type Region, useRegions } from '../../reference/api';

interface RegionNode {
  value: string;
  title: string;
  children?: RegionNode[];
}

/**
 * The regions a user may pick: city-wide users get every county with its functional zones under
 * it; a county user gets only their county and its zones (the server limits lists to them anyway,
 * so offering other counties would only mislead). 金门县 holds no data and is never offered.
 */
export function useScopedRegionTree(): { tree: RegionNode[]; loading: boolean; regions: Region[] } {
  const me = useMe();
  const { locale } = useLocale();
  const regions = useRegions();
  const tree = useMemo(() => {
    const rows = (regions.data ?? []).filter((r) => r.holdsData !== false);
    const name = (r: Region) => (locale === 'en' ? r.nameEn : r.name);
    const node = (r: Region): RegionNode => {
      const children = rows.filter((c) => c.parentCode === r.code).map(node);
      return { value: r.code, title: name(r), children: children.length > 0 ? children : undefined };
    };
    if (ROLE_SCOPE[me.role] === 'region') {
      const own = rows.find((r) => r.code === me.regionCode);
      return own ? [node(own)] : [];
    }
    const city = rows.find((r) => r.level === 'city');
    return city ? rows.filter((r) => r.parentCode === city.code).map(node) : [];
  }, [regions.data, locale, me.role, me.regionCode]);
  return { tree, loading: regions.isLoading, regions: regions.data ?? [] };
}

/**
 * Whether a region filter means anything to this user: city-wide users choose among counties; a
 * county user only when their county has functional zones; an organisation's or park's account never.
 */
export function useOffersRegionFilter(): boolean {
  const me = useMe();
  const { tree } = useScopedRegionTree();
  const scope = ROLE_SCOPE[me.role];
  if (scope === 'city') return true;
  return scope === 'region' && tree.some((node) => (node.children?.length ?? 0) > 0);
}

/** A county or functional zone; a county includes its zones when used as a filter. */
export function RegionSelect({
  id,
  value,
  onChange,
  allowClear = true,
  placeholder,
  style,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
}) {
  const t = useT();
  const { tree, loading } = useScopedRegionTree();
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={tree}
      treeDefaultExpandAll
      allowClear={allowClear}
      loading={loading}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={placeholder ?? t('common.all')}
      style={style ?? { width: 200 }}
      popupMatchSelectWidth={false}
      notFoundContent={t('common.noMatch')}
    />
  );
}

/**
 * A region's name in the language showing, by its code; lists carry only the Chinese name, so
 * an English reader gets the configured English one (falling back to what the row says).
 */
export function useRegionName(): (code: string, fallback?: string) => string {
  const { locale } = useLocale();
  const regions = useRegions();
  return useCallback(
    (code: string, fallback?: string) => {
      const region = regions.data?.find((r) => r.code === code);
      if (!region) return fallback ?? code;
      return locale === 'en' ? region.nameEn : region.name;
    },
    [regions.data, locale],
  );
}
