import { useT } from '../../../app/i18n';
import { StageList } from '../components/stage-list';

const FIXED = { toRecommend: true };
const BATCH = ['recommend', 'county_return'] as const;

/**
 * 待推荐: the county's submitted applications, each to recommend or return with a reason — or
 * several ticked and recommended at once, in an order of priority, with a 推荐函.
 */
export function RecommendPage() {
  const t = useT();
  return (
    <StageList
      title={t('menu.projects.recommend')}
      name="recommend-filters"
      stage="recommend"
      fixed={FIXED}
      batch={BATCH}
      empty={t('projects.recommend.empty')}
    />
  );
}
