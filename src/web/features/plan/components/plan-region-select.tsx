import { TreeSelect } from 'antd';
import { type CSSProperties, useMemo } from 'react';
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
 * The regions a plan figure can be asked for: city-wide users get the city with every county and
 * functional zone under it; a county user only their county and its zones (the server answers
 * nothing else). 金门县 holds no data and is never offered.
 */
export function usePlanRegions() {
  const me = useMe();
  const { locale } = useLocale();
  const regions = useRegions();
  return useMemo(() => {
    const rows = (regions.data ?? []).filter((r) => r.holdsData !== false);
    const name = (r: Region) => (locale === 'en' ? r.nameEn : r.name);
    const node = (r: Region): RegionNode => {
      const children = rows.filter((c) => c.parentCode === r.code).map(node);
      return { value: r.code, title: name(r), children: children.length > 0 ? children : undefined };
    };
    const city = rows.find((r) => r.level === 'city');
    const county = ROLE_SCOPE[me.role] === 'region';
    const root = county ? rows.find((r) => r.code === me.regionCode) : city;
    const counties = city ? rows.filter((r) => r.parentCode === city.code && r.level === 'county') : [];
    return {
      tree: root ? [node(root)] : [],
      /** The region a page shows when none is chosen: the city, or a county user's own county. */
      home: root?.code,
      cityCode: city?.code,
      counties,
      /** A county user with no functional zones has nothing to choose. */
      choosable: !county || rows.some((r) => r.parentCode === me.regionCode),
      loading: regions.isLoading,
      nameOf: (code: string, fallback?: string) => {
        const r = rows.find((x) => x.code === code);
        return r ? name(r) : (fallback ?? code);
      },
    };
  }, [regions.data, regions.isLoading, locale, me.role, me.regionCode]);
}

export function PlanRegionSelect({
  id,
  value,
  onChange,
  style,
  allowClear = false,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  style?: CSSProperties;
  /** For a filter: empty means every region in scope. */
  allowClear?: boolean;
}) {
  const t = useT();
  const { tree, loading } = usePlanRegions();
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(v) => (v || allowClear) && onChange?.(v ?? undefined)}
      allowClear={allowClear}
      treeData={tree}
      treeDefaultExpandAll
      loading={loading}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={allowClear ? t('common.all') : t('common.select')}
      style={style ?? { width: 200 }}
      popupMatchSelectWidth={false}
      notFoundContent={t('common.noMatch')}
      aria-label={t('plan.region')}
    />
  );
}
