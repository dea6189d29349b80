import { Alert } from 'antd';
import type { RankingResult } from '../../../../domain/contracts/plan';
import { useLocale, useT } from '../../../app/i18n';

/**
 * 缺数: the rule the ranking applied to missing figures, and which criteria it touched this year —
 * shown wherever a ranking is, so no score of 0 stands without a word.
 */
export function MissingRule({ data, compact }: { data: RankingResult; compact?: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const nameOf = (key: string) => {
    const c = data.criteria.find((x) => x.key === key);
    return c ? (locale === 'en' ? c.nameEn : c.name) : key;
  };
  const list = (keys: string[]) => keys.map(nameOf).join(t('common.listSeparator'));
  const { excluded, partial } = data.missing;
  const touched = excluded.length > 0 || partial.length > 0;
  return (
    <Alert
      type={touched ? 'warning' : 'info'}
      showIcon
      data-testid="missing-rule"
      title={t('plan.rankings.missingRule')}
      description={
        compact && !touched ? undefined : (
          <>
            {excluded.length > 0 && <div>{t('plan.rankings.missingExcluded', { list: list(excluded) })}</div>}
            {partial.length > 0 && <div>{t('plan.rankings.missingPartial', { list: list(partial) })}</div>}
            {!touched && <div>{t('plan.rankings.missingNone')}</div>}
          </>
        )
      }
    />
  );
}
