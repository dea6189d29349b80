import { Button, Card, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { isApiError } from '../../../app/api-client';
import { useT } from '../../../app/i18n';
import { type ApplicationDetail, useApplication } from '../api';
import { UUID } from '../format';

/**
 * One application loaded for a page: "not found" (with the page's way back) for a malformed id or
 * one the viewer may not see, the error with a retry, a skeleton while loading, then the page.
 */
export function ApplicationLoader({
  id,
  back,
  children,
}: {
  id: string;
  back: ReactNode;
  children: (detail: ApplicationDetail) => ReactNode;
}) {
  const t = useT();
  const valid = UUID.test(id);
  const detail = useApplication(id, valid);
  if (!valid || (detail.isError && isApiError(detail.error) && detail.error.status === 404))
    return <Result status="404" title={t('projects.app.notFound')} extra={back} />;
  if (detail.isError)
    return (
      <Result
        status="error"
        title={detail.error.message}
        extra={<Button onClick={() => detail.refetch()}>{t('common.retry')}</Button>}
      />
    );
  if (!detail.data)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  return children(detail.data);
}
