import type { Me } from '../../../../domain/contracts/auth';
import { ROLE_SCOPE } from '../../../../domain/roles';
import { useLocale, useT } from '../../../app/i18n';
import { useParks, useRegions } from '../../reference/api';

/** The user's data scope in words, naming their region or park where the role is bound to one. */
export function ScopeSentence({ me }: { me: Me }) {
  const t = useT();
  const { locale } = useLocale();
  const scope = ROLE_SCOPE[me.role];
  const regions = useRegions(scope === 'region' && Boolean(me.regionCode));
  const parks = useParks(scope === 'park' && Boolean(me.parkId));

  switch (scope) {
    case 'none':
      return <>{t('home.scope.none')}</>;
    case 'city':
      return <>{t('home.scope.city')}</>;
    case 'region': {
      const region = regions.data?.find((r) => r.code === me.regionCode);
      const name = region ? (locale === 'en' ? region.nameEn : region.name) : (me.regionCode ?? '—');
      return <>{t('home.scope.region', { region: name })}</>;
    }
    case 'park': {
      const park = parks.data?.find((p) => p.id === me.parkId);
      const name = park && locale === 'en' && park.nameEn ? park.nameEn : park?.name;
      return <>{name ? t('home.scope.park', { park: name }) : t('home.scope.ownPark')}</>;
    }
    case 'org':
      return <>{t('home.scope.org')}</>;
    case 'assigned':
      return <>{t('home.scope.assigned')}</>;
  }
}
