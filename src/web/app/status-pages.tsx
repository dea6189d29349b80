import { Button, Result } from 'antd';
import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router';
import { useT } from './i18n';

function BackHome() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      {t('common.backHome')}
    </Button>
  );
}

export function ForbiddenPage() {
  const t = useT();
  return <Result status="403" title="403" subTitle={t('status.forbidden')} extra={<BackHome />} />;
}

export function NotFoundPage() {
  const t = useT();
  return <Result status="404" title="404" subTitle={t('status.notFound')} extra={<BackHome />} />;
}

/** Shown when a page throws while rendering; a reload usually recovers. */
export function RouteErrorPage() {
  const t = useT();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const detail = error instanceof Error ? error.message : undefined;
  return (
    <Result
      status="error"
      title={t('status.crashed')}
      subTitle={detail}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}
