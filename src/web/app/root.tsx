import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useCallback } from 'react';
import { RouterProvider } from 'react-router';
import { AuthProvider } from './auth-context';
import { LocaleProvider, useLocale } from './i18n';
import { queryClient } from './query-client';
import { router } from './router';

/**
 * Colours that read (信息无障碍, WCAG 2 AA: 4.5:1 for text): antd's defaults give grey secondary
 * text, placeholders, links and green/orange/red status text below that on white and on their own
 * tinted backgrounds. The seed colours are darkened so every shade derived from them passes.
 */
export const THEME_TOKENS = {
  colorPrimary: '#1f5fbf',
  colorLink: '#1f5fbf',
  colorInfo: '#1f5fbf',
  colorSuccess: '#2b7a0b',
  colorWarning: '#8a5300',
  colorError: '#c41d1d',
  // Status tags put that text on these tints (kept light: derived from the darker seeds they grey).
  colorSuccessBg: '#f6ffed',
  colorSuccessBorder: '#b7eb8f',
  colorWarningBg: '#fffbe6',
  colorWarningBorder: '#ffe58f',
  colorErrorBg: '#fff2f0',
  colorErrorBorder: '#ffccc7',
  // Secondary and description text (antd: 45% black, 3.4:1) and placeholders (25% black).
  colorTextSecondary: 'rgba(0, 0, 0, 0.66)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  // Preset tag colours: their text shade is derived from these.
  green: '#2b7a0b',
  orange: '#b35c00',
  gold: '#8a5300',
  red: '#c41d1d',
  volcano: '#c2410c',
  cyan: '#0b7f86',
  borderRadius: 6,
};

/** Ant Design's own texts (pagination, date pickers, empty states) follow the chosen language. */
function Providers() {
  const { locale } = useLocale();
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={{ token: THEME_TOKENS }}
      // 「登录」, not 「登 录」: the spaced form reads oddly and breaks accessible names.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <AuthProvider>
          {/*
            Address changes (a list's filters, page and tab, all kept in the URL) commit at once
            instead of as React transitions: a transition keeps the previous screen up, clickable,
            until the new one is ready, and every data update arriving meanwhile restarts it — on a
            busy machine a clerk who picked a call went on clicking the rows of the previous list
            for seconds, and a click on a row being torn down was lost. A page not yet loaded shows
            the layout's loading state instead.
          */}
          <RouterProvider router={router} useTransitions={false} />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function Root() {
  // Server-made texts (error messages, names) come in the request's language: fetch them again.
  const onLocaleChange = useCallback(() => {
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider onChange={onLocaleChange}>
        <Providers />
      </LocaleProvider>
    </QueryClientProvider>
  );
}
