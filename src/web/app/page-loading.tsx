import { Spin } from 'antd';
import { useT } from './i18n';

/**
 * What shows while a page's code or the signed-in user is on its way: a spinner with a name, so
 * the screen is never blank (after signing in, on a first visit) and a screen reader says why.
 */
export function PageLoading({ fullPage = false }: { fullPage?: boolean }) {
  const t = useT();
  return (
    <div
      role="status"
      aria-live="polite"
      style={{
        display: 'grid',
        placeItems: 'center',
        padding: 64,
        minHeight: fullPage ? '100vh' : undefined,
      }}
    >
      <Spin size={fullPage ? 'large' : 'default'} />
      <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)' }}>
        {t('common.loading')}
      </span>
    </div>
  );
}
