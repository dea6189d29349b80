import { Result } from 'antd';
import { Navigate } from 'react-router';
import { useMe } from '../../../app/auth-context';
import { useT } from '../../../app/i18n';

/** 本单位档案: an organisation's own account goes straight to its 一企一档 page. */
export function MyOrgPage() {
  const t = useT();
  const me = useMe();
  if (!me.orgId) {
    return (
      <Result
        status="info"
        title={t('registry.myOrg.unbound')}
        subTitle={t('registry.myOrg.unboundDetail')}
      />
    );
  }
  return <Navigate to={`/registry/orgs/${me.orgId}`} replace />;
}
